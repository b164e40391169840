using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Tests.ChatClients;

/// <summary>
/// A small version of the SuiteThroughput benchmark: many cases through pipelines sharing one endpoint's
/// concurrency limit keep exactly C calls in flight (the benchmark in docs/model-access.md times it against
/// trials × L / C on a quiet machine; here the slots are counted, not timed).
/// </summary>
public sealed class SuiteThroughputTests
{
    private const int Cases = 40;
    private const int Trials = 5;
    private const int Concurrency = 4;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task ManyCases_SharedConcurrencyLimit_KeepAllSlotsBusy()
    {
        var endpoint = new SimulatedEndpoint();
        using var limiters = new EndpointLimiterRegistry();
        var target = SafetyTarget.FromChatClient(endpoint.Client);
        var options = new SafetyPipelineOptions
        {
            Replay = new ReplayOptions { Mode = ReplayMode.Off },
            Resilience = new ResilienceOptions { MaxConcurrency = Concurrency, MaxRetryAttempts = 0, Limiters = limiters },
            Usage = new UsageOptions { Ledger = new UsageLedger() },
        };
        var pipelines = Enumerable.Range(0, Cases).Select(_ => target.CreatePipeline(options)).ToArray();
        var elapsed = await TimeSuite(async (c, t) =>
        {
            using (SafetyTrial.Enter(TestPipelines.Trial("case-" + c, t)))
            {
                await pipelines[c].GetResponseAsync(TestPipelines.Prompt("p" + c));
            }
        });

        var ideal = TimeSpan.FromTicks(Latency.Ticks * Cases * Trials / Concurrency);
        endpoint.MaxInFlight.ShouldBe(Concurrency);
        endpoint.Client.Calls.ShouldBe(Cases * Trials);
        elapsed.ShouldBeGreaterThanOrEqualTo(ideal * 0.95);

        // Busy slots, counted rather than timed (a timed bound fails on a loaded machine): while 40 cases wait, a
        // call starts as soon as a slot frees, so it finds the other slots still taken. One slot would give 1.
        endpoint.MeanInFlightAtStart.ShouldBeGreaterThanOrEqualTo(Concurrency - 1);
    }

    private static async Task<TimeSpan> TimeSuite(Func<int, int, Task> trial)
    {
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Cases).Select(c => Task.Run(async () =>
        {
            for (int t = 0; t < Trials; t++)
            {
                await trial(c, t);
            }
        })));
        return stopwatch.Elapsed;
    }

    private sealed class SimulatedEndpoint
    {
        private int _inFlight;
        private int _maxInFlight;
        private long _inFlightAtStarts;
        private long _starts;

        public SimulatedEndpoint()
        {
            Client = new FakeChatClient(async (_, _, ct) =>
            {
                int now = Interlocked.Increment(ref _inFlight);
                Interlocked.Add(ref _inFlightAtStarts, now);
                Interlocked.Increment(ref _starts);
                int seen;
                while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
                {
                }

                await Task.Delay(Latency, ct);
                Interlocked.Decrement(ref _inFlight);
                return FakeChatClient.Response("no");
            });
        }

        public FakeChatClient Client { get; }

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        /// <summary>Calls in flight when a call started (itself included), averaged over all calls.</summary>
        public double MeanInFlightAtStart => (double)Interlocked.Read(ref _inFlightAtStarts) / Math.Max(1, Interlocked.Read(ref _starts));
    }
}
