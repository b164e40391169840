using System;
using System.Linq;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Statistics;

public class DesignPlannerTests
{
    [Theory]
    [InlineData(0.0, 0.10)]
    [InlineData(0.01, 0.11)]
    [InlineData(0.05, 0.15)]
    [InlineData(0.10, 0.20)]
    [InlineData(0.20, 0.40)]
    [InlineData(0.50, 0.75)]
    [InlineData(0.9999999999999, 0.99999999999995)]
    public void DefaultUnacceptableFailureRate_DoublesWithTenPointFloorAndHalfwayCap(double p0, double expected)
    {
        DesignPlanner.DefaultUnacceptableFailureRate(p0).ShouldBe(expected, 1e-12);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    [InlineData(0.10)]
    [InlineData(0.30)]
    public void Plan_DefaultTruncation_KeepsActualErrorRatesWithinTolerance(double p0)
    {
        var design = DesignPlanner.Plan(p0);
        var summary = DesignPlanner.Summarize(design);
        summary.ActualAlpha.ShouldBeLessThanOrEqualTo(0.05 * 1.1);
        summary.ActualBeta.ShouldBeLessThanOrEqualTo(0.10 * 1.1);

        // The smallest such cap: one sample fewer breaks the tolerance.
        var shorter = DesignPlanner.Summarize(DesignPlanner.Plan(p0, maxSamples: design.MaxSamples - 1));
        (shorter.ActualAlpha > 0.055 || shorter.ActualBeta > 0.11).ShouldBeTrue();
    }

    [Fact]
    public void Plan_ExplicitCap_IsKept()
    {
        var design = DesignPlanner.Plan(0.01, 0.10, maxSamples: 60);
        design.MaxSamples.ShouldBe(60);
        design.Mode.ShouldBe(SamplingMode.Sequential);
        design.ErrorBudget.ShouldBe(6);
    }

    [Fact]
    public void Plan_ZeroTolerance_PassesAfterDemonstrationCount()
    {
        // (1 − 0.1)^22 = 0.098 ≤ β < 0.9^21: 22 clean samples rule out a 10% rate; one unsafe sample fails.
        var design = DesignPlanner.Plan(0);
        design.MaxSamples.ShouldBe(22);
        design.PassBoundary(21).ShouldBe(-1);
        design.PassBoundary(22).ShouldBe(0);
        design.FailBoundary(1).ShouldBe(1);
        var summary = DesignPlanner.Summarize(design);
        summary.ActualAlpha.ShouldBe(0);
        summary.ActualBeta.ShouldBe(Math.Pow(0.9, 22), 1e-12);
    }

    [Fact]
    public void Plan_InvalidInput_ThrowsListingEveryProblem()
    {
        var ex = Should.Throw<ArgumentException>(() => DesignPlanner.Plan(0.2, 0.1, alpha: 0.6));
        ex.Message.ShouldBe(
            "Invalid sampling options: UnacceptableFailureRate = 0.1 is invalid: allowed is a number greater than MaxFailureRate (0.2) and less than 1. Alpha = 0.6 is invalid: allowed is a number in (0, 0.5).");
    }

    [Fact]
    public void Validate_ValidInput_ReturnsNoProblems()
    {
        DesignPlanner.Validate(0.05, 0.2, 0.05, 0.1, 60).ShouldBeEmpty();
    }

    [Fact]
    public void Summarize_ReferencePair_ReportsMatchedFixedDesignAndExpectedSamples()
    {
        var summary = DesignPlanner.Summarize(DesignPlanner.Plan(0.01, 0.10));
        summary.MatchedFixed.ShouldNotBeNull();
        summary.MatchedFixed!.Samples.ShouldBe(52);
        summary.MatchedFixed.FailThreshold.ShouldBe(3);
        summary.AtZero.ExpectedSamples.ShouldBe(24);
        summary.AtMaxFailureRate.ExpectedSamples.ShouldBeLessThan(30.213);
        summary.AtMaxFailureRate.ExpectedSamples.ShouldBeGreaterThan(29);
        summary.MaxTrials.ShouldBe(summary.MaxSamples + summary.Design.ErrorBudget);
    }
}
