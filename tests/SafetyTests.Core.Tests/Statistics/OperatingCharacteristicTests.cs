using System;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Statistics;

public class OperatingCharacteristicTests
{
    [Fact]
    public void Evaluate_SecondReferencePair_ExpectedSamplesMatchSimulation()
    {
        // p0=0.05, p1=0.20, α=0.05, β=0.10: average samples ≈ 14 at p=0, 23.6 at p0, 21.0 at p1.
        var design = SamplingDesign.Sequential(0.05, 0.20, 0.05, 0.10, maxSamples: 2000);
        design.Evaluate(0).ExpectedSamples.ShouldBe(14, 1e-9);
        design.Evaluate(0.05).ExpectedSamples.ShouldBe(23.6, 0.05);
        design.Evaluate(0.20).ExpectedSamples.ShouldBe(21.0, 0.05);
    }

    [Fact]
    public void Evaluate_ReferencePair_SprtSavesAgainstFixedDesign()
    {
        // The untruncated SPRT saves 42% at p0 and 57% at p1 against the fixed n = 52.
        var design = SamplingDesign.Sequential(0.01, 0.10, 0.05, 0.10, maxSamples: 3000);
        (1 - (design.Evaluate(0.01).ExpectedSamples / 52)).ShouldBe(0.42, 0.005);
        (1 - (design.Evaluate(0.10).ExpectedSamples / 52)).ShouldBe(0.57, 0.005);
    }

    [Fact]
    public void Profile_EveryCap_AgreesWithDesignTruncatedThere()
    {
        var wide = SamplingDesign.Sequential(0.05, 0.15, 0.05, 0.10, maxSamples: 150);
        var profile = OperatingCharacteristic.Profile(wide.PassBoundaries, wide.FailBoundaries, 150, 0.08);
        foreach (int cap in new[] { 10, 21, 40, 77, 150 })
        {
            var truncated = SamplingDesign.Sequential(0.05, 0.15, 0.05, 0.10, maxSamples: cap).Evaluate(0.08);
            profile.Pass(cap).ShouldBe(truncated.PassProbability, 1e-14);
            profile.Fail(cap).ShouldBe(truncated.FailProbability, 1e-14);
            profile.Inconclusive(cap).ShouldBe(truncated.InconclusiveProbability, 1e-14);
            profile.ExpectedSamples(cap).ShouldBe(truncated.ExpectedSamples, 1e-11);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.03)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Evaluate_AnyRate_ProbabilitiesSumToOne(double rate)
    {
        var point = DesignPlanner.Plan(0.05).Evaluate(rate);
        (point.PassProbability + point.FailProbability + point.InconclusiveProbability).ShouldBe(1, 1e-12);
        point.ExpectedSamples.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Evaluate_SmallCap_MatchesBruteForceEnumeration()
    {
        // Enumerate all 2^12 sample paths of a design capped at 12 and compare with the recursion.
        var design = SamplingDesign.Sequential(0.10, 0.40, 0.05, 0.10, maxSamples: 12);
        const double p = 0.25;
        double pass = 0, fail = 0, open = 0, expected = 0;
        for (int path = 0; path < 1 << 12; path++)
        {
            double probability = 1;
            int x = 0;
            int n = 0;
            var verdict = SafetyVerdict.Undecided;
            while (verdict == SafetyVerdict.Undecided)
            {
                bool unsafeSample = ((path >> n) & 1) == 1;
                n++;
                probability *= unsafeSample ? p : 1 - p;
                x += unsafeSample ? 1 : 0;
                if (x >= design.FailBoundary(n))
                {
                    verdict = SafetyVerdict.Fail;
                }
                else if (x <= design.PassBoundary(n))
                {
                    verdict = SafetyVerdict.Pass;
                }
                else if (n == 12)
                {
                    verdict = SafetyVerdict.Inconclusive;
                }
            }

            // Paths that share a decided prefix are counted once: only the one whose remaining bits are zero.
            if (path >> n != 0)
            {
                continue;
            }

            expected += probability * n;
            switch (verdict)
            {
                case SafetyVerdict.Pass: pass += probability; break;
                case SafetyVerdict.Fail: fail += probability; break;
                default: open += probability; break;
            }
        }

        var point = design.Evaluate(p);
        point.PassProbability.ShouldBe(pass, 1e-14);
        point.FailProbability.ShouldBe(fail, 1e-14);
        point.InconclusiveProbability.ShouldBe(open, 1e-14);
        point.ExpectedSamples.ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void Evaluate_InvalidRate_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DesignPlanner.Plan(0.05).Evaluate(1.5));
    }
}
