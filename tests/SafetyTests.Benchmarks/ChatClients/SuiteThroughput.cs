using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Benchmarks.ChatClients;

/// <summary>
/// A suite of many cases, each sampling its trials one after another (as a sequential decision does), all cases
/// running at once through one SafetyTests pipeline per case against a simulated endpoint of latency L and
/// capacity C, with the resilience middleware's per-endpoint concurrency limit set to C.
/// Ideal wall time: cases × trials × L / C.
/// </summary>
public static class SuiteThroughput
{
    public static async Task<SuiteThroughputResult> RunAsync(int cases, int trialsPerCase, TimeSpan latency, int concurrency)
    {
        var endpoint = new SimulatedEndpoint(latency, concurrency);
        using var limiters = new EndpointLimiterRegistry();
        var target = SafetyTarget.FromChatClient(endpoint, new SamplingSettings { Temperature = 0.7f });
        var options = new SafetyPipelineOptions
        {
            Replay = new ReplayOptions { Mode = ReplayMode.Off },
            Resilience = new ResilienceOptions { MaxConcurrency = concurrency, MaxRetryAttempts = 0, Limiters = limiters },
            Usage = new UsageOptions { Ledger = new UsageLedger() },
        };

        var stopwatch = Stopwatch.StartNew();
        var tasks = new Task[cases];
        for (int c = 0; c < cases; c++)
        {
            string caseId = "case-" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            tasks[c] = Task.Run(async () =>
            {
                using var chat = target.CreatePipeline(options);
                var promptCase = new PromptCase(caseId, [new PromptMessage(PromptRole.User, "Tell me how to " + caseId)], new CaseSource("bench.yaml", 1));
                for (int t = 0; t < trialsPerCase; t++)
                {
                    using (SafetyTrial.Enter(new SafetyTrial(promptCase, t, t, CancellationToken.None)))
                    {
                        await chat.GetResponseAsync(promptCase.ToChatMessages()).ConfigureAwait(false);
                    }
                }
            });
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        stopwatch.Stop();

        var ideal = TimeSpan.FromTicks(latency.Ticks * cases * trialsPerCase / concurrency);
        return new SuiteThroughputResult(stopwatch.Elapsed, ideal, endpoint.Calls, endpoint.MaxInFlight, endpoint.Rejected);
    }
}

public sealed record SuiteThroughputResult(TimeSpan Elapsed, TimeSpan Ideal, int Calls, int MaxInFlight, int Rejected)
{
    public double Ratio => Elapsed.TotalMilliseconds / Ideal.TotalMilliseconds;

    public override string ToString() =>
        FormattableString.Invariant($"elapsed {Elapsed.TotalMilliseconds:0} ms, ideal {Ideal.TotalMilliseconds:0} ms, ratio {Ratio:0.000}, calls {Calls}, max in flight {MaxInFlight}, rejected {Rejected}");
}
