using System.Collections.Generic;
using SafetyTests.Comparisons;

namespace SafetyTests.Core.Tests.Comparisons;

public class PairedDifferenceTests
{
    // statistics.md, "Many cases sampled K times": 12 cases in 4 families of 3, K = 10.
    private static readonly double[] Baseline = { 0, 0, 0, .1, 0, .1, .2, .1, .3, 0, 0, 0 };
    private static readonly double[] Candidate = { 0, .1, 0, .1, .1, .1, .5, .4, .6, 0, 0, .1 };

    private static List<PairedObservation> Cases()
    {
        var cases = new List<PairedObservation>();
        for (int i = 0; i < Baseline.Length; i++)
        {
            cases.Add(new PairedObservation(1, Baseline[i], Candidate[i]));
        }

        return cases;
    }

    [Fact]
    public void Compute_ReferenceVector_MeanAndUnpairedAndPairedStandardErrors()
    {
        PairedDifferenceResult result = PairedDifference.Compute(Cases(), tolerance: 0);

        result.Difference.ShouldBe(0.100000, 1e-6);
        result.UnpairedStandardError.ShouldBe(0.067044, 1e-6);
        result.PairedStandardError.ShouldBe(0.036927, 1e-6);
        result.StandardError.ShouldBe(0.036927, 1e-6);
        result.Method.ShouldBe(PairedDifference.SignFlip);
        // Six cases moved, all upward, by 0.1 or 0.3: of the 2^6 sign vectors only the observed one reaches T = 1.2.
        result.InformativeCases.ShouldBe(6);
        result.SignFlipMethod.ShouldBe(SignFlipMethod.ExactEnumeration);
        result.PValue.ShouldBe(1.0 / 64, 1e-12);
    }

    [Fact]
    public void Compute_ReferenceVectorWithTolerance_StudentT()
    {
        PairedDifferenceResult result = PairedDifference.Compute(Cases(), tolerance: 0.01);

        result.Method.ShouldBe(PairedDifference.CaseT);
        result.DegreesOfFreedom.ShouldBe(11);
        result.Statistic.ShouldBe((0.1 - 0.01) / 0.036927, 1e-3);
    }

    [Fact]
    public void Compute_SeverityWeights_WeightedDifferenceAndStandardError()
    {
        // D = Σ wᵢdᵢ / Σ wᵢ = (1·0 + 2·0.1 + 4·0.2 + 8·0.05) / 15; SE = sqrt(n/(n−1) Σ (wᵢ/W)² (dᵢ − D)²).
        var cases = new List<PairedObservation>
        {
            new(1, 0.1, 0.1),
            new(2, 0.0, 0.1),
            new(4, 0.2, 0.4),
            new(8, 0.0, 0.05),
        };

        PairedDifferenceResult result = PairedDifference.Compute(cases, tolerance: 0);

        result.Difference.ShouldBe(1.4 / 15, 1e-12);
        result.StandardError.ShouldBe(0.042937412581302035, 1e-12);
    }

    [Fact]
    public void Compute_Tolerance_ShiftsTheTest()
    {
        PairedDifferenceResult strict = PairedDifference.Compute(Cases(), tolerance: 0);
        PairedDifferenceResult tolerant = PairedDifference.Compute(Cases(), tolerance: 0.1);

        strict.PValue.ShouldBeLessThan(0.05);
        tolerant.Statistic.ShouldBe(0, 1e-9);
        tolerant.PValue.ShouldBe(0.5, 1e-9);
    }

    [Fact]
    public void Compute_TwoCasesBothWorse_CannotBeSignificant()
    {
        var worse = new List<PairedObservation> { new(1, 0, 0.2), new(1, 0.1, 0.3) };
        var same = new List<PairedObservation> { new(1, 0.1, 0.1), new(1, 0.2, 0.2) };

        // Two cases moving alike are no evidence of a trend: the sign flips make them worse in 1 of 4 orderings.
        PairedDifference.Compute(worse, 0).PValue.ShouldBe(0.25, 1e-12);
        PairedDifference.Compute(same, 0).PValue.ShouldBe(1);
        PairedDifference.Compute(same, 0).SignFlipMethod.ShouldBe(SignFlipMethod.NoInformativeCases);
    }

    [Fact]
    public void Compute_IdenticalDifferencesWithTolerance_ZeroStandardErrorDecidesByTheSign()
    {
        var worse = new List<PairedObservation> { new(1, 0, 0.2), new(1, 0.1, 0.3) };

        PairedDifference.Compute(worse, 0.1).PValue.ShouldBe(0, 1e-12);
        PairedDifference.Compute(worse, 0.3).PValue.ShouldBe(1);
    }

    [Fact]
    public void Compute_OneCase_TestableButNeverSignificant()
    {
        PairedDifferenceResult result = PairedDifference.Compute(new[] { new PairedObservation(1, 0, 1) }, 0);

        result.IsTestable.ShouldBeTrue();
        result.PValue.ShouldBe(0.5, 1e-12);
        result.Difference.ShouldBe(1);
        double.IsNaN(result.Lower).ShouldBeTrue();
        PairedDifference.Compute(new[] { new PairedObservation(1, 0, 1) }, 0.1).IsTestable.ShouldBeFalse();
    }

    [Fact]
    public void Compute_CasesMovingAlikeWithinSamplingNoise_AreNotCertain()
    {
        // Four cases each 0/20 → 1/20: the spread of the differences is zero, but one unsafe sample in 20 is noise.
        var cases = new List<PairedObservation>();
        for (int i = 0; i < 4; i++)
        {
            cases.Add(new PairedObservation(1, 0, 20, 1, 20));
        }

        PairedDifferenceResult result = PairedDifference.Compute(cases, 0);

        result.SamplingFloorApplied.ShouldBeTrue();
        // Σ (1/4)² · [p̃(1−p̃)/20 + q̃(1−q̃)/20] with p̃ = 1/22, q̃ = 2/22.
        double perCase = ((1.0 / 22 * 21 / 22) + (2.0 / 22 * 20 / 22)) / 20;
        result.StandardError.ShouldBe(System.Math.Sqrt(4 * perCase / 16), 1e-12);
        // Four cases, all worse by the same amount: 1/16 = 0.0625 > 0.05.
        result.PValue.ShouldBe(1.0 / 16, 1e-12);
    }
}
