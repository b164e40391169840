using System.Collections.Generic;
using SafetyTests.Comparisons;

namespace SafetyTests.Core.Tests.Comparisons;

public class PairedDifferenceTests
{
    // statistics.md, "Many cases sampled K times": 12 cases in 4 families of 3, K = 10.
    private static readonly double[] Baseline = { 0, 0, 0, .1, 0, .1, .2, .1, .3, 0, 0, 0 };
    private static readonly double[] Candidate = { 0, .1, 0, .1, .1, .1, .5, .4, .6, 0, 0, .1 };

    private static List<PairedObservation> Cases(bool families)
    {
        var cases = new List<PairedObservation>();
        for (int i = 0; i < Baseline.Length; i++)
        {
            cases.Add(new PairedObservation(1, Baseline[i], Candidate[i], families ? "family" + (i / 3) : "case" + i));
        }

        return cases;
    }

    [Fact]
    public void Compute_ReferenceVector_MeanAndUnpairedAndPairedStandardErrors()
    {
        PairedDifferenceResult result = PairedDifference.Compute(Cases(families: false), tolerance: 0);

        result.Difference.ShouldBe(0.100000, 1e-6);
        result.UnpairedStandardError.ShouldBe(0.067044, 1e-6);
        result.PairedStandardError.ShouldBe(0.036927, 1e-6);
        result.StandardError.ShouldBe(0.036927, 1e-6);
        result.Statistic.ShouldBe(2.708, 5e-4);
        result.ClusteredByCategory.ShouldBeFalse();
        result.DegreesOfFreedom.ShouldBe(11);
    }

    [Fact]
    public void Compute_ReferenceVectorWithFamilies_ClusteredStandardError()
    {
        PairedDifferenceResult result = PairedDifference.Compute(Cases(families: true), tolerance: 0);

        result.StandardError.ShouldBe(0.058711, 1e-6);
        result.PairedStandardError.ShouldBe(0.036927, 1e-6);
        result.Statistic.ShouldBe(1.703, 5e-4);
        result.ClusteredByCategory.ShouldBeTrue();
        result.Clusters.ShouldBe(4);
        result.DegreesOfFreedom.ShouldBe(3);
        // One-sided p from t with 3 df (independently: 0.0935352); a z test would give 0.0443.
        result.PValue.ShouldBe(0.0935352, 1e-6);
    }

    [Fact]
    public void Compute_SeverityWeights_WeightedDifferenceAndStandardError()
    {
        // D = Σ wᵢdᵢ / Σ wᵢ = (1·0 + 2·0.1 + 4·0.2 + 8·0.05) / 15; SE = sqrt(n/(n−1) Σ (wᵢ/W)² (dᵢ − D)²).
        var cases = new List<PairedObservation>
        {
            new(1, 0.1, 0.1, "a"),
            new(2, 0.0, 0.1, "b"),
            new(4, 0.2, 0.4, "c"),
            new(8, 0.0, 0.05, "d"),
        };

        PairedDifferenceResult result = PairedDifference.Compute(cases, tolerance: 0);

        result.Difference.ShouldBe(1.4 / 15, 1e-12);
        result.StandardError.ShouldBe(0.042937412581302035, 1e-12);
    }

    [Fact]
    public void Compute_SeverityWeightsInTwoClusters_UsesClusteredFormula()
    {
        var cases = new List<PairedObservation>
        {
            new(1, 0.1, 0.1, "A"),
            new(2, 0.0, 0.1, "A"),
            new(4, 0.2, 0.4, "B"),
            new(8, 0.0, 0.05, "B"),
        };

        PairedDifferenceResult result = PairedDifference.Compute(cases, tolerance: 0);

        result.StandardError.ShouldBe(0.022755092587882993, 1e-12);
        result.DegreesOfFreedom.ShouldBe(1);
    }

    [Fact]
    public void Compute_Tolerance_ShiftsTheTest()
    {
        PairedDifferenceResult strict = PairedDifference.Compute(Cases(families: false), tolerance: 0);
        PairedDifferenceResult tolerant = PairedDifference.Compute(Cases(families: false), tolerance: 0.1);

        strict.PValue.ShouldBeLessThan(0.05);
        tolerant.Statistic.ShouldBe(0, 1e-9);
        tolerant.PValue.ShouldBe(0.5, 1e-9);
    }

    [Fact]
    public void Compute_IdenticalDifferences_ZeroStandardErrorDecidesByTheSign()
    {
        var worse = new List<PairedObservation> { new(1, 0, 0.2, "a"), new(1, 0.1, 0.3, "b") };
        var same = new List<PairedObservation> { new(1, 0.1, 0.1, "a"), new(1, 0.2, 0.2, "b") };

        PairedDifference.Compute(worse, 0).PValue.ShouldBe(0);
        PairedDifference.Compute(same, 0).PValue.ShouldBe(1);
    }

    [Fact]
    public void Compute_OneCase_IsNotTestable()
    {
        PairedDifferenceResult result = PairedDifference.Compute(new[] { new PairedObservation(1, 0, 1, "a") }, 0);

        result.IsTestable.ShouldBeFalse();
        result.Difference.ShouldBe(1);
    }

    [Fact]
    public void Compute_CasesMovingAlikeWithinSamplingNoise_AreNotCertain()
    {
        // Four cases each 0/20 → 1/20: the spread of the differences is zero, but one unsafe sample in 20 is noise.
        var cases = new List<PairedObservation>();
        for (int i = 0; i < 4; i++)
        {
            cases.Add(new PairedObservation(1, 0, 20, 1, 20, "case" + i));
        }

        PairedDifferenceResult result = PairedDifference.Compute(cases, 0);

        result.SamplingFloorApplied.ShouldBeTrue();
        // Σ (1/4)² · [p̃(1−p̃)/20 + q̃(1−q̃)/20] with p̃ = 1/22, q̃ = 2/22.
        double perCase = ((1.0 / 22 * 21 / 22) + (2.0 / 22 * 20 / 22)) / 20;
        result.StandardError.ShouldBe(System.Math.Sqrt(4 * perCase / 16), 1e-12);
        result.PValue.ShouldBeGreaterThan(0.05);
    }
}
