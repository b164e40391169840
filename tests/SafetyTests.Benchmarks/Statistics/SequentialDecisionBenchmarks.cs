using System;
using BenchmarkDotNet.Attributes;
using SafetyTests.Statistics;

namespace SafetyTests.Benchmarks.Statistics;

/// <summary>
/// The cost of the decision object on the runner's hot path: one sample through <see cref="SequentialDecision.Record"/>,
/// one whole case under the default design, and planning a design (done once per test method).
/// </summary>
[MemoryDiagnoser]
public class SequentialDecisionBenchmarks
{
    private const int SamplesPerInvoke = 1000;
    private const int Cap = 100_000;

    private SamplingDesign _wide = null!;
    private SamplingDesign _default = null!;
    private bool[] _driftless = null!;
    private bool[] _atP0 = null!;
    private SequentialDecision _decision = null!;
    private int _caseStart;

    [GlobalSetup]
    public void Setup()
    {
        // p0 = 0.05 vs p1 = 0.06 has a wide continuation region; outcomes at the zero-drift rate (a Beatty
        // sequence) keep the walk far from both boundaries, so every Record call does the full work.
        _wide = SamplingDesign.Sequential(0.05, 0.06, 0.05, 0.10, Cap, maxErrorRate: 0);
        double up = Math.Log(0.06 / 0.05);
        double down = Math.Log(0.94 / 0.95);
        double rate = -down / (up - down);
        _driftless = new bool[Cap + 1];
        for (int i = 0; i <= Cap; i++)
        {
            _driftless[i] = Math.Floor((i + 1) * rate) > Math.Floor(i * rate);
        }

        _decision = _wide.Start();
        _default = DesignPlanner.Plan(0.05);
        var random = new Random(42);
        _atP0 = new bool[1 << 16];
        for (int i = 0; i < _atP0.Length; i++)
        {
            _atP0[i] = random.NextDouble() < 0.05;
        }
    }

    /// <summary>One sample recorded by an undecided decision (reported per sample).</summary>
    [Benchmark(OperationsPerInvoke = SamplesPerInvoke)]
    public bool RecordOneSample()
    {
        var decision = _decision;
        if (decision.Samples > Cap - SamplesPerInvoke)
        {
            // Once every 100 invocations: a fresh decision (amortized to well under a byte per sample).
            decision = _decision = _wide.Start();
        }

        var outcomes = _driftless;
        bool decided = false;
        for (int i = 0; i < SamplesPerInvoke; i++)
        {
            decided |= decision.Record(outcomes[decision.Samples] ? TrialOutcome.Unsafe : TrialOutcome.Safe);
        }

        return decided;
    }

    /// <summary>One whole case under the default design for p0 = 0.05, true rate p0: start, record until decided.</summary>
    [Benchmark]
    public SafetyVerdict RunCaseAtP0()
    {
        var decision = _default.Start();
        var outcomes = _atP0;
        int start = _caseStart;
        int i = start;
        while (!decision.Record(outcomes[i & (outcomes.Length - 1)] ? TrialOutcome.Unsafe : TrialOutcome.Safe))
        {
            i++;
        }

        _caseStart = (start + 1009) & (outcomes.Length - 1);
        return decision.Verdict;
    }

    /// <summary>Planning the default design for p0 = 0.05 (default p1 and truncation by exact dynamic programming).</summary>
    [Benchmark]
    public int PlanDefaultDesign() => DesignPlanner.Plan(0.05).MaxSamples;

    /// <summary>The exact fixed-n design for close rates (0.01 vs 0.02: n = 1,235), a search over large n.</summary>
    [Benchmark]
    public int FindFixedDesignCloseRates() => FixedSampleDesign.Find(0.01, 0.02, 0.05, 0.10).Samples;
}
