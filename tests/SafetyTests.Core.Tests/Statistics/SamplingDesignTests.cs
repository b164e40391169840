using System;
using System.Linq;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Statistics;

public class SamplingDesignTests
{
    [Fact]
    public void Sequential_ReferenceVector_HasWaldBoundaries()
    {
        // p0=0.01, p1=0.10, α=0.05, β=0.10: unsafe when x ≥ 2 for n ≤ 19, x ≥ 3 for 20 ≤ n ≤ 45, x ≥ 4 for 46 ≤ n ≤ 70;
        // safe after 24 clean samples, 49 with x = 1, 74 with x = 2.
        var design = SamplingDesign.Sequential(0.01, 0.10, 0.05, 0.10, maxSamples: 100);
        for (int n = 2; n <= 19; n++)
        {
            design.FailBoundary(n).ShouldBe(2, $"n={n}");
        }

        for (int n = 20; n <= 45; n++)
        {
            design.FailBoundary(n).ShouldBe(3, $"n={n}");
        }

        for (int n = 46; n <= 70; n++)
        {
            design.FailBoundary(n).ShouldBe(4, $"n={n}");
        }

        design.PassBoundary(23).ShouldBe(-1);
        design.PassBoundary(24).ShouldBe(0);
        design.PassBoundary(48).ShouldBe(0);
        design.PassBoundary(49).ShouldBe(1);
        design.PassBoundary(73).ShouldBe(1);
        design.PassBoundary(74).ShouldBe(2);
    }

    [Theory]
    [InlineData(52, 0.01, 0.05, 3)]
    [InlineData(38, 0.05, 0.05, 5)]
    [InlineData(20, 0.05, 0.05, 4)]
    [InlineData(1, 0.30, 0.05, 1)]
    [InlineData(10, 0.0, 0.05, 1)]
    public void Fixed_ExactBinomialTest_FailThresholdIsSmallestSignificantCount(int samples, double p0, double alpha, int expected)
    {
        var design = SamplingDesign.Fixed(samples, p0, alpha);
        design.Mode.ShouldBe(SamplingMode.Fixed);
        design.FixedFailThreshold.ShouldBe(expected);
        design.MaxSamples.ShouldBe(samples);
        design.FailBoundary(samples).ShouldBe(expected);
        design.PassBoundary(samples).ShouldBe(expected - 1);
    }

    [Fact]
    public void Fixed_ActualAlpha_IsAtMostNominal()
    {
        var design = SamplingDesign.Fixed(52, 0.01, 0.05);
        var atP0 = design.Evaluate(0.01);
        atP0.FailProbability.ShouldBe(0.0153526, 1e-6);
        atP0.InconclusiveProbability.ShouldBe(0);
        (atP0.PassProbability + atP0.FailProbability).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Fixed_TooFewSamplesToEverFail_IsRejectedWithReadableProblem()
    {
        var problems = SamplingDesign.Validate(new SamplingOptions { Mode = SamplingMode.Fixed, Samples = 2, MaxFailureRate = 0.3, Alpha = 0.05 });
        problems.Count.ShouldBe(1);
        problems[0].Option.ShouldBe("Samples");
        problems[0].Message.ShouldBe(
            "Samples = 2 is invalid: allowed is 1 (a single deterministic check) or at least 3: with fewer samples no count of unsafe samples is significant at MaxFailureRate = 0.3 and Alpha = 0.05, so the case could never fail.");
        Should.Throw<ArgumentException>(() => SamplingDesign.Fixed(2, 0.3, 0.05)).Message.ShouldContain("Samples = 2 is invalid");
    }

    [Fact]
    public void Validate_ManyBadValues_ReportsEveryProblemAtOnce()
    {
        var problems = SamplingDesign.Validate(new SamplingOptions
        {
            MaxFailureRate = 1.5,
            Alpha = 0.7,
            Beta = 0,
            MaxSamples = 0,
            MaxErrorRate = -1,
        });

        problems.Select(p => p.Message).ShouldBe(new[]
        {
            "MaxFailureRate = 1.5 is invalid: allowed is a number in [0, 1).",
            "Alpha = 0.7 is invalid: allowed is a number in (0, 0.5).",
            "Beta = 0 is invalid: allowed is a number in (0, 0.5).",
            "MaxErrorRate = -1 is invalid: allowed is a number in [0, 1).",
            "MaxSamples = 0 is invalid: allowed is a whole number from 1 to 100000.",
        });
    }

    [Fact]
    public void Validate_UnacceptableRateNotAboveAcceptable_NamesBothOptions()
    {
        var problems = SamplingDesign.Validate(new SamplingOptions { MaxFailureRate = 0.1, UnacceptableFailureRate = 0.05 });
        problems.Count.ShouldBe(1);
        problems[0].Message.ShouldBe("UnacceptableFailureRate = 0.05 is invalid: allowed is a number greater than MaxFailureRate (0.1) and less than 1.");
        problems[0].Format(name => "--" + name.ToLowerInvariant())
            .ShouldBe("--unacceptablefailurerate = 0.05 is invalid: allowed is a number greater than --maxfailurerate (0.1) and less than 1.");
    }

    [Fact]
    public void Validate_CapTooSmallToEverPass_IsAProblem()
    {
        var problems = SamplingDesign.Validate(new SamplingOptions { MaxFailureRate = 0.01, UnacceptableFailureRate = 0.10, MaxSamples = 10 });
        problems.Count.ShouldBe(1);
        problems[0].Option.ShouldBe("MaxSamples");
        problems[0].Allowed.ShouldStartWith("at least 24 ");
    }

    [Fact]
    public void Validate_MissingMaxFailureRate_IsAProblem()
    {
        var problems = new SamplingOptions().Validate();
        problems.Single().Message.ShouldBe("MaxFailureRate = NaN is invalid: allowed is a number in [0, 1).");
    }

    [Fact]
    public void Validate_SamplesWithSequentialMode_IsAProblem()
    {
        var problems = new SamplingOptions { MaxFailureRate = 0.05, Samples = 20 }.Validate();
        problems.Single().Message.ShouldBe("Samples = 20 is invalid: allowed is only with Mode = Fixed (a sequential design is capped with MaxSamples).");
    }

    [Fact]
    public void Create_FixedWithoutSamples_UsesMatchedExactDesign()
    {
        var design = SamplingDesign.Create(new SamplingOptions { Mode = SamplingMode.Fixed, MaxFailureRate = 0.01, UnacceptableFailureRate = 0.10 });
        design.Mode.ShouldBe(SamplingMode.Fixed);
        design.MaxSamples.ShouldBe(52);
        design.FixedFailThreshold.ShouldBe(3);
    }

    [Fact]
    public void Create_SequentialDefaults_UsesPlanner()
    {
        var design = SamplingDesign.Create(new SamplingOptions { MaxFailureRate = 0.05 });
        var planned = DesignPlanner.Plan(0.05);
        design.Mode.ShouldBe(SamplingMode.Sequential);
        design.UnacceptableFailureRate.ShouldBe(planned.UnacceptableFailureRate);
        design.MaxSamples.ShouldBe(planned.MaxSamples);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsWithAllProblems()
    {
        var ex = Should.Throw<ArgumentException>(() => SamplingDesign.Create(new SamplingOptions { MaxFailureRate = 2, Alpha = 1 }));
        ex.Message.ShouldContain("MaxFailureRate = 2");
        ex.Message.ShouldContain("Alpha = 1");
    }

    [Fact]
    public void Evaluate_UntruncatedReferenceVector_MatchesExactOperatingCharacteristic()
    {
        // A cap of 3000 makes truncation negligible (undecided mass below 1e-70).
        var design = SamplingDesign.Sequential(0.01, 0.10, 0.05, 0.10, maxSamples: 3000);
        var at0 = design.Evaluate(0);
        at0.FailProbability.ShouldBe(0);
        at0.ExpectedSamples.ShouldBe(24.000, 1e-9);
        var atP0 = design.Evaluate(0.01);
        atP0.FailProbability.ShouldBe(0.02205, 5e-6);
        atP0.ExpectedSamples.ShouldBe(30.213, 5e-4);
        var at4 = design.Evaluate(0.04);
        at4.FailProbability.ShouldBe(0.38527, 5e-6);
        at4.ExpectedSamples.ShouldBe(39.022, 5e-4);
        var atP1 = design.Evaluate(0.10);
        atP1.FailProbability.ShouldBe(0.90042, 5e-6);
        atP1.ExpectedSamples.ShouldBe(22.369, 5e-4);
        (atP1.PassProbability + atP1.FailProbability + atP1.InconclusiveProbability).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Evaluate_TruncatedWithTerminalRule_MatchesReference()
    {
        // Cap 52, unsafe iff x ≥ 3 at the cap: α 0.0235, power 0.869.
        var design = SamplingDesign.Sequential(0.01, 0.10, 0.05, 0.10, maxSamples: 52).WithDecisionAtCap(3);
        var atP0 = design.Evaluate(0.01);
        atP0.FailProbability.ShouldBe(0.0235, 5e-5);
        atP0.InconclusiveProbability.ShouldBe(0);
        design.Evaluate(0.10).FailProbability.ShouldBe(0.869, 5e-4);
    }
}
