using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace SafetyTests.Benchmarks.ChatClients;

/// <summary>
/// Wall time of a suite against a simulated endpoint of latency L = 50 ms and capacity C, compared with the
/// ideal trials × L / C. Run: <c>dotnet run -c Release --project tests/SafetyTests.Benchmarks -- --filter *SuiteThroughput*</c>.
/// Each invocation also prints the ratio to the ideal and fails when any call exceeded the endpoint's capacity.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SuiteThroughputBenchmarks
{
    [Params(4, 16)]
    public int Concurrency { get; set; }

    [Params(100)]
    public int Cases { get; set; }

    [Params(8)]
    public int TrialsPerCase { get; set; }

    [Benchmark]
    public async Task Suite()
    {
        var result = await SuiteThroughput.RunAsync(Cases, TrialsPerCase, TimeSpan.FromMilliseconds(50), Concurrency);
        Console.WriteLine("// SuiteThroughput C=" + Concurrency + ": " + result);
        if (result.Rejected > 0 || result.MaxInFlight > Concurrency)
        {
            throw new InvalidOperationException("The concurrency limit was not respected: " + result);
        }
    }
}
