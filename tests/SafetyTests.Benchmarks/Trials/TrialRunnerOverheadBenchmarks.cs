using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SafetyTests.Trials;

namespace SafetyTests.Benchmarks.Trials;

/// <summary>
/// The trial engine's own cost per trial around an empty body: one case decided by the default design
/// (21 clean samples to pass), reported per trial. The baseline calls the same body 21 times directly.
/// Run: dotnet run -c Release --project tests/SafetyTests.Benchmarks -- --filter *TrialRunnerOverhead* --job short
/// </summary>
[MemoryDiagnoser]
public class TrialRunnerOverheadBenchmarks
{
    private const int TrialsPerCase = 21;

    private static readonly SafetyRunContext Context = new("bench-001") { TestName = "Bench.Case", Framework = "bench" };

    private SafetyTrialRunner _runner = null!;

    /// <summary>Trials in flight at once.</summary>
    [Params(1, 4)]
    public int MaxConcurrency { get; set; }

    /// <summary>Whether the body completes synchronously or yields once (an async model call that returns at once).</summary>
    [Params(false, true)]
    public bool Yields { get; set; }

    [GlobalSetup]
    public void Setup() => _runner = new SafetyTrialRunner(new SafetyRunOptions { MaxConcurrency = MaxConcurrency, Seed = 1 });

    [Benchmark(Baseline = true, OperationsPerInvoke = TrialsPerCase)]
    public async Task BodyAlone()
    {
        for (int i = 0; i < TrialsPerCase; i++)
        {
            await Body(null!);
        }
    }

    [Benchmark(OperationsPerInvoke = TrialsPerCase)]
    public async Task<SafetyVerdict> ThroughEngine()
    {
        var result = await _runner.RunAsync(Context, Body);
        return result.Verdict;
    }

    private async ValueTask Body(SafetyTrial trial)
    {
        if (Yields)
        {
            await Task.Yield();
        }
    }
}
