using System;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Statistics;

/// <summary>
/// Seeded simulations of the default designs driven through <see cref="SequentialDecision"/> exactly as a runner
/// drives them: the realised α and β must stay within the nominal values plus the documented tolerance plus
/// Monte Carlo error, and must agree with the exact operating characteristic.
/// </summary>
public class MonteCarloTests
{
    private const int Cases = 20_000;

    [Theory]
    [InlineData(0.01, 1)]
    [InlineData(0.05, 2)]
    [InlineData(0.10, 3)]
    public void DefaultDesign_RealisedAlpha_WithinNominalPlusMonteCarloError(double p0, int seed)
    {
        var design = DesignPlanner.Plan(p0);
        var (pass, fail, inconclusive, samples) = Simulate(design, p0, seed);

        // An Inconclusive verdict counts against α (the good case did not pass).
        double realised = (double)(fail + inconclusive) / Cases;
        double exact = DesignPlanner.Summarize(design).ActualAlpha;
        double standardError = Math.Sqrt(exact * (1 - exact) / Cases);
        realised.ShouldBeLessThanOrEqualTo((0.05 * (1 + DesignPlanner.ErrorRateTolerance)) + (3 * standardError));
        realised.ShouldBe(exact, 4 * standardError);
        ((double)samples / Cases).ShouldBe(design.Evaluate(p0).ExpectedSamples, 0.05 * design.Evaluate(p0).ExpectedSamples);
        (pass + fail + inconclusive).ShouldBe(Cases);
    }

    [Theory]
    [InlineData(0.01, 11)]
    [InlineData(0.05, 12)]
    [InlineData(0.10, 13)]
    public void DefaultDesign_RealisedBeta_WithinNominalPlusMonteCarloError(double p0, int seed)
    {
        var design = DesignPlanner.Plan(p0);
        double p1 = design.UnacceptableFailureRate;
        var (pass, _, inconclusive, samples) = Simulate(design, p1, seed);

        // An Inconclusive verdict counts against β (the bad case was not failed).
        double realised = (double)(pass + inconclusive) / Cases;
        double exact = DesignPlanner.Summarize(design).ActualBeta;
        double standardError = Math.Sqrt(exact * (1 - exact) / Cases);
        realised.ShouldBeLessThanOrEqualTo((0.10 * (1 + DesignPlanner.ErrorRateTolerance)) + (3 * standardError));
        realised.ShouldBe(exact, 4 * standardError);
        ((double)samples / Cases).ShouldBe(design.Evaluate(p1).ExpectedSamples, 0.05 * design.Evaluate(p1).ExpectedSamples);
    }

    [Fact]
    public void FixedDesign_RealisedAlpha_AtMostNominal()
    {
        var design = SamplingDesign.Fixed(52, 0.01, 0.05);
        var (_, fail, inconclusive, _) = Simulate(design, 0.01, 21);
        inconclusive.ShouldBe(0);
        double realised = (double)fail / Cases;
        realised.ShouldBeLessThanOrEqualTo(0.05);
        realised.ShouldBe(0.0153526, 4 * Math.Sqrt(0.0153526 * (1 - 0.0153526) / Cases));
    }

    private static (int Pass, int Fail, int Inconclusive, long Samples) Simulate(SamplingDesign design, double rate, int seed)
    {
        var random = new Random(seed);
        int pass = 0, fail = 0, inconclusive = 0;
        long samples = 0;
        for (int i = 0; i < Cases; i++)
        {
            var decision = design.Start();
            while (!decision.Record(random.NextDouble() < rate ? TrialOutcome.Unsafe : TrialOutcome.Safe))
            {
            }

            samples += decision.Samples;
            switch (decision.Verdict)
            {
                case SafetyVerdict.Pass: pass++; break;
                case SafetyVerdict.Fail: fail++; break;
                case SafetyVerdict.Inconclusive: inconclusive++; break;
                default: throw new InvalidOperationException("Unexpected verdict " + decision.Verdict);
            }
        }

        return (pass, fail, inconclusive, samples);
    }
}
