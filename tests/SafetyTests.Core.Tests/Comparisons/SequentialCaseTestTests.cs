using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using SafetyTests.Comparisons;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Comparisons;

/// <summary>The per-case test against Vectors/sequential_case_vectors.py (brute force over every sample sequence).</summary>
public class SequentialCaseTestTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Comparisons", "Vectors", "sequential-case-vectors.json"))).RootElement;

    [Fact]
    public void CandidateWorse_SmallSequentialDesign_MatchesBruteForce()
    {
        int[] pass = Vectors.GetProperty("pass").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        int[] fail = Vectors.GetProperty("fail").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        StoppingPaths paths = StoppingPaths.Of(n => pass[n], n => fail[n], Vectors.GetProperty("cap").GetInt32());

        paths.Stops(int.MaxValue).Count().ShouldBe(Vectors.GetProperty("stops").GetInt32());
        foreach (JsonElement v in Vectors.GetProperty("sequential").EnumerateArray())
        {
            int[] o = v.GetProperty("observed").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            SequentialCaseTest.CandidateWorse(paths, o[0], o[1], o[2], o[3]).ShouldBe(v.GetProperty("p").GetDouble(), 1e-12);
            paths.LogCount(o[2], o[3]).ShouldBe(v.GetProperty("logCount").GetDouble(), 1e-12);
        }
    }

    [Fact]
    public void CandidateWorse_FixedDesignWithoutEarlyStopping_IsFishersExactTest()
    {
        StoppingPaths paths = StoppingPaths.Of(n => -1, n => n + 1, 10);

        foreach (JsonElement v in Vectors.GetProperty("fixed").EnumerateArray())
        {
            int[] o = v.GetProperty("observed").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            double p = SequentialCaseTest.CandidateWorse(paths, o[0], o[1], o[2], o[3]);
            p.ShouldBe(v.GetProperty("fisher").GetDouble(), 1e-12);
            p.ShouldBe(FisherExact.CandidateWorse(o[1], o[0], o[3], o[2]), 1e-9);
        }
    }

    [Fact]
    public void CandidateWorse_NoUnsafeSampleInEitherRun_IsOne()
    {
        StoppingPaths paths = StoppingPaths.Of(DesignPlanner.Plan(0.05));

        SequentialCaseTest.CandidateWorse(paths, 21, 0, 21, 0).ShouldBe(1);
    }

    [Fact]
    public void CandidateWorse_CountsTheDesignCannotProduce_IsNaN()
    {
        StoppingPaths paths = StoppingPaths.Of(DesignPlanner.Plan(0.05));

        // 0 unsafe of 5 is not a stopping point of this design (it passes at 21 clean samples at the earliest).
        double.IsNaN(SequentialCaseTest.CandidateWorse(paths, 5, 0, 21, 2)).ShouldBeTrue();
    }
}
