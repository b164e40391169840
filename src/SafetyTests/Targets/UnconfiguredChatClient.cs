using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>The target of a run with no model configured: every call fails with instructions.</summary>
internal sealed class UnconfiguredChatClient : IChatClient
{
    internal const string Message =
        "No model is configured for SafetyTests. Set " + SafetyTargetOptions.EndpointVariable + ", " + SafetyTargetOptions.ModelVariable +
        " and " + SafetyTargetOptions.ApiKeyVariable + " (or SafetyTests:Endpoint, SafetyTests:Model, SafetyTests:ApiKey), " +
        "pass a fallback to SafetyTarget.FromEnvironment, or run hermetically with " + ReplayOptions.ModeVariable + "=replay, " +
        SafetyTargetOptions.ModelVariable + " set to the recorded model and the recorded responses committed.";

    private readonly ChatClientMetadata _metadata;

    /// <param name="modelId">The model whose recordings are replayed (part of replay keys), when known.</param>
    public UnconfiguredChatClient(string? modelId = null)
    {
        _metadata = new ChatClientMetadata("unconfigured", providerUri: null, defaultModelId: modelId);
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Message);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Message);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata :
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
