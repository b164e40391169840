using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Tests.Judges;

/// <summary>A judge model that answers with a fixed text and records what it was asked.</summary>
internal sealed class FakeJudgeClient(string answer, string? modelId = "judge-model") : IChatClient
{
    public List<ChatMessage> LastRequest { get; } = new();

    public ChatOptions? LastOptions { get; private set; }

    public Exception? Throw { get; init; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LastRequest.Clear();
        LastRequest.AddRange(messages);
        LastOptions = options;
        if (Throw is not null)
        {
            throw Throw;
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", null, modelId) : null;

    public void Dispose()
    {
    }

    public string Prompt => string.Join("\n", LastRequest.Select(m => m.Text));
}
