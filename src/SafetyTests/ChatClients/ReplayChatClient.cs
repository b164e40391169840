using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>
/// Records responses keyed by case, sample index, model, request and options, and plays them back. In
/// <see cref="ReplayMode.Replay"/> a miss throws <see cref="ReplayMissException"/> and the inner client is never called.
/// </summary>
internal sealed class ReplayChatClient : DelegatingChatClient
{
    private readonly ReplayMode _mode;
    private readonly ReplayStore _store;
    private ChatClientMetadata? _metadata;
    private bool _metadataRead;

    public ReplayChatClient(IChatClient innerClient, ReplayOptions options)
        : base(innerClient)
    {
        _mode = options.Mode;
        _store = new ReplayStore(options.ResolveDirectory());
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (_mode == ReplayMode.Off)
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var list = messages.ToList(); // a snapshot: the key and the entry describe the request as sent
        var key = ReplayKey.Compute(list, options, DefaultModelId(), SafetyTrial.Current);
        if (_mode is ReplayMode.Replay or ReplayMode.Auto)
        {
            var recorded = await _store.TryReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (recorded is not null)
            {
                return recorded;
            }

            if (_mode == ReplayMode.Replay)
            {
                throw new ReplayMissException(key.Hash, key.CaseId, key.SampleIndex, _store.GetPath(key));
            }
        }

        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        await _store.WriteAsync(key, list, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_mode == ReplayMode.Off)
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var list = messages.ToList(); // a snapshot: the key and the entry describe the request as sent
        var key = ReplayKey.Compute(list, options, DefaultModelId(), SafetyTrial.Current);
        if (_mode is ReplayMode.Replay or ReplayMode.Auto)
        {
            var recorded = await _store.TryReadAsync(key, cancellationToken).ConfigureAwait(false);
            if (recorded is not null)
            {
                foreach (var update in recorded.ToChatResponseUpdates())
                {
                    update.RawRepresentation = recorded.RawRepresentation;
                    yield return update;
                }

                yield break;
            }

            if (_mode == ReplayMode.Replay)
            {
                throw new ReplayMissException(key.Hash, key.CaseId, key.SampleIndex, _store.GetPath(key));
            }
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }

        await _store.WriteAsync(key, list, updates.ToChatResponse(), cancellationToken).ConfigureAwait(false);
    }

    private string? DefaultModelId()
    {
        if (!_metadataRead)
        {
            _metadata = InnerClient.GetService<ChatClientMetadata>();
            _metadataRead = true;
        }

        return _metadata?.DefaultModelId;
    }
}
