using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>
/// Reports tokens, model and provider of each call into the current trial and adds usage and estimated cost
/// (of calls that were not replayed) to the ledger.
/// </summary>
internal sealed class UsageTrackingChatClient : DelegatingChatClient
{
    private readonly UsageOptions _options;
    private readonly UsageLedger _ledger;
    private ChatClientMetadata? _metadata;
    private bool _metadataRead;

    public UsageTrackingChatClient(IChatClient innerClient, UsageOptions options)
        : base(innerClient)
    {
        _options = options;
        _ledger = options.Ledger;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var trial = SafetyTrial.Current;
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _ledger.Failed(trial?.Case?.Id);
            throw;
        }

        Record(trial, response, options);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var trial = SafetyTrial.Current;
        var updates = new List<ChatResponseUpdate>();
        bool completed = false;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                updates.Add(update);
                yield return update;
            }

            completed = true;
        }
        finally
        {
            if (!completed)
            {
                _ledger.Failed(trial?.Case?.Id);
            }
        }

        var response = updates.ToChatResponse();
        if (updates.Count > 0 && updates[0].RawRepresentation is ReplayedResponse replayed)
        {
            response.RawRepresentation = replayed;
        }

        Record(trial, response, options);
    }

    private void Record(SafetyTrial? trial, ChatResponse response, ChatOptions? options)
    {
        if (!_metadataRead)
        {
            _metadata = InnerClient.GetService<ChatClientMetadata>();
            _metadataRead = true;
        }

        long input = response.Usage?.InputTokenCount ?? 0;
        long output = response.Usage?.OutputTokenCount ?? 0;
        string? modelId = response.ModelId ?? options?.ModelId ?? _metadata?.DefaultModelId;
        bool replayed = response.RawRepresentation is ReplayedResponse;
        decimal? cost = _options.Prices?.Estimate(modelId, input, output);
        _ledger.Completed(trial?.Case?.Id, input, output, cost, replayed);

        if (trial is not null)
        {
            trial.AddUsage(input, output);
            trial.SetModel(_metadata?.ProviderName, modelId);
        }
    }
}
