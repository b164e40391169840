using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Benchmarks.ChatClients;

/// <summary>
/// A simulated model endpoint: every call takes a fixed latency and the endpoint serves at most
/// <c>capacity</c> calls at once (a call beyond that fails, as a real endpoint would answer 429).
/// </summary>
public sealed class SimulatedEndpoint : IChatClient
{
    private readonly TimeSpan _latency;
    private readonly int _capacity;
    private readonly ChatClientMetadata _metadata = new("simulated", new Uri("http://simulated.endpoint/v1"), "simulated-model");
    private int _inFlight;
    private int _maxInFlight;
    private int _calls;
    private int _rejected;

    public SimulatedEndpoint(TimeSpan latency, int capacity)
    {
        _latency = latency;
        _capacity = capacity;
    }

    public int Calls => Volatile.Read(ref _calls);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Rejected => Volatile.Read(ref _rejected);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        int now = Interlocked.Increment(ref _inFlight);
        try
        {
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            if (now > _capacity)
            {
                Interlocked.Increment(ref _rejected);
                throw new InvalidOperationException("Simulated endpoint over capacity.");
            }

            Interlocked.Increment(ref _calls);
            await Task.Delay(_latency, cancellationToken).ConfigureAwait(false);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "I can't help with that."))
            {
                ModelId = "simulated-model",
                Usage = new UsageDetails { InputTokenCount = 20, OutputTokenCount = 8, TotalTokenCount = 28 },
            };
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? _metadata : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
