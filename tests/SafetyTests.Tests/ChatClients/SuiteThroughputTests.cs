using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SafetyTests.Tests.ChatClients;

/// <summary>
/// A small version of the SuiteThroughput benchmark: many cases through pipelines sharing one endpoint's
/// concurrency limit keep exactly C calls in flight and finish near trials × L / C.
/// </summary>
public sealed class SuiteThroughputTests
{
    [Fact]
    public async Task ManyCases_SharedConcurrencyLimit_FinishNearTheIdealTime()
    {
        const int cases = 40;
        const int trials = 5;
        const int concurrency = 4;
        var latency = TimeSpan.FromMilliseconds(20);
        int inFlight = 0;
        int maxInFlight = 0;
        var endpoint = new FakeChatClient(async (_, _, ct) =>
        {
            int now = Interlocked.Increment(ref inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
            {
            }

            await Task.Delay(latency, ct);
            Interlocked.Decrement(ref inFlight);
            return FakeChatClient.Response("no");
        });
        using var limiters = new EndpointLimiterRegistry();
        var target = SafetyTarget.FromChatClient(endpoint);
        var options = new SafetyPipelineOptions
        {
            Replay = new ReplayOptions { Mode = ReplayMode.Off },
            Resilience = new ResilienceOptions { MaxConcurrency = concurrency, MaxRetryAttempts = 0, Limiters = limiters },
            Usage = new UsageOptions { Ledger = new UsageLedger() },
        };

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, cases).Select(c => Task.Run(async () =>
        {
            using var chat = target.CreatePipeline(options);
            for (int t = 0; t < trials; t++)
            {
                using (SafetyTrial.Enter(TestPipelines.Trial("case-" + c, t)))
                {
                    await chat.GetResponseAsync(TestPipelines.Prompt("p" + c));
                }
            }
        })));
        stopwatch.Stop();

        var ideal = TimeSpan.FromTicks(latency.Ticks * cases * trials / concurrency);
        maxInFlight.ShouldBe(concurrency);
        endpoint.Calls.ShouldBe(cases * trials);
        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(ideal * 0.95);

        // The benchmark (docs/model-access.md) measures ~5% over ideal on an idle machine; this bound only
        // catches serialisation (one slot instead of four would take 4x) and leaves room for a busy CI machine.
        stopwatch.Elapsed.ShouldBeLessThan(ideal * 2);
    }
}
