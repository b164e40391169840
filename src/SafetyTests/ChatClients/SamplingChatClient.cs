using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>Sends the target's sampling settings with every request and records them, as sent, into the current trial.</summary>
internal sealed class SamplingChatClient : DelegatingChatClient
{
    private readonly SamplingSettings _settings;

    public SamplingChatClient(IChatClient innerClient, SamplingSettings settings)
        : base(innerClient)
    {
        _settings = settings.Clone();
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Prepare(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Prepare(options), cancellationToken);

    private ChatOptions Prepare(ChatOptions? options)
    {
        var trial = SafetyTrial.Current;
        ChatOptions sent = _settings.Apply(options, trial);
        if (trial is not null)
        {
            foreach (var setting in SamplingSettings.ToRecord(sent))
            {
                trial.SetSamplingSetting(setting.Key, setting.Value);
            }
        }

        return sent;
    }
}
