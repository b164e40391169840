using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Tests.ChatClients;

/// <summary>Fast settings for tests: small backoffs and timeouts, private limiters and ledgers.</summary>
internal static class TestPipelines
{
    public const string ApiKey = "sk-test-7f3c9a1e5b2d4c6e8a0b";

    public static ResilienceOptions FastResilience(EndpointLimiterRegistry limiters) => new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(20),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        AttemptTimeout = TimeSpan.FromSeconds(3),
        TotalTimeout = TimeSpan.FromSeconds(15),
        MaxConcurrency = 8,
        Limiters = limiters,
    };

    public static SafetyTarget Target(LoopbackOpenAIServer server, SamplingSettings? sampling = null) =>
        SafetyTarget.FromOptions(new SafetyTargetOptions
        {
            Endpoint = server.Endpoint,
            Model = "test-model",
            ApiKey = ApiKey,
            Sampling = sampling ?? new SamplingSettings { Temperature = 0.7f, MaxOutputTokens = 256 },
        });

    public static SafetyPipelineOptions Options(
        EndpointLimiterRegistry limiters,
        ResilienceOptions? resilience = null,
        ReplayOptions? replay = null,
        UsageOptions? usage = null) => new()
        {
            Replay = replay ?? new ReplayOptions { Mode = ReplayMode.Off },
            Resilience = resilience ?? FastResilience(limiters),
            Usage = usage ?? new UsageOptions { Ledger = new UsageLedger() },
        };

    public static SafetyTrial Trial(string caseId, int sampleIndex, int seed = 42) =>
        new(new PromptCase(caseId, [new PromptMessage(PromptRole.User, "prompt of " + caseId)], new CaseSource("cases.yaml", 1)), sampleIndex, seed, CancellationToken.None);

    public static List<ChatMessage> Prompt(string text) => [new ChatMessage(ChatRole.User, text)];
}

/// <summary>An in-process chat client driven by a delegate, with call counting.</summary>
internal sealed class FakeChatClient : IChatClient
{
    private readonly Func<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> _respond;
    private int _calls;

    public FakeChatClient(Func<IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> respond, string? providerUri = "http://fake.test/v1")
    {
        _respond = respond;
        Metadata = new ChatClientMetadata("fake", providerUri is null ? null : new Uri(providerUri), "fake-model");
    }

    public ChatClientMetadata Metadata { get; }

    public int Calls => Volatile.Read(ref _calls);

    public ChatOptions? LastOptions { get; private set; }

    public static FakeChatClient Answering(string text, long input = 3, long output = 2) =>
        new((_, _, _) => Task.FromResult(Response(text, input, output)));

    public static ChatResponse Response(string text, long input = 3, long output = 2) =>
        new(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = "fake-model-001",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output },
        };

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        LastOptions = options;
        return await _respond(messages, options, cancellationToken);
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
        serviceType == typeof(ChatClientMetadata) ? Metadata : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
