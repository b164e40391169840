using System;
using SafetyTests.Statistics;

namespace SafetyTests.Tests.Trials;

public class SafetyRunOptionsTests
{
    [Fact]
    public void GetProblems_Defaults_NoProblems()
    {
        new SafetyRunOptions().GetProblems().ShouldBeEmpty();
    }

    [Fact]
    public void Validate_SeveralInvalidValues_ListsEveryProblemInOneMessage()
    {
        var options = new SafetyRunOptions { MaxFailureRate = 1.5, Alpha = 0.7, MaxConcurrency = 0, MaxErrorRate = -0.1 };

        var ex = Should.Throw<SafetyOptionsException>(options.Validate);

        ex.Problems.Count.ShouldBe(4);
        ex.Message.ShouldBe(
            "Invalid safety test settings (4 problems):" + Environment.NewLine +
            "  - MaxFailureRate = 1.5 is invalid: allowed is a number in [0, 1)." + Environment.NewLine +
            "  - Alpha = 0.7 is invalid: allowed is a number in (0, 0.5)." + Environment.NewLine +
            "  - MaxErrorRate = -0.1 is invalid: allowed is a number in [0, 1)." + Environment.NewLine +
            "  - MaxConcurrency = 0 is invalid: allowed is a whole number from 1 to 256 (trials of one case in flight at once).");
    }

    [Fact]
    public void GetProblems_UnacceptableRateNotAboveAcceptable_ExplainsTheRelation()
    {
        var problems = new SafetyRunOptions { MaxFailureRate = 0.1, UnacceptableFailureRate = 0.05 }.GetProblems();

        problems.ShouldHaveSingleItem().ShouldBe("UnacceptableFailureRate = 0.05 is invalid: allowed is a number greater than MaxFailureRate (0.1) and less than 1.");
    }

    [Fact]
    public void GetProblems_SamplesAndMaxSamplesBothSet_AsksForOne()
    {
        var problems = new SafetyRunOptions { Samples = 100, MaxSamples = 200 }.GetProblems();

        problems.ShouldHaveSingleItem().ShouldBe("Samples = 100 and MaxSamples = 200 are both set: set Samples for a fixed design of exactly that many samples, or MaxSamples to cap the sequential design, not both.");
    }

    [Fact]
    public void GetProblems_CapBelowFewestSamplesToPass_Explained()
    {
        new SafetyRunOptions { MaxSamples = 5 }.GetProblems().ShouldHaveSingleItem()
            .ShouldBe("MaxSamples = 5 is invalid: allowed is at least 21 (the fewest samples with which this sequential design can pass; fewer would end every safe case Inconclusive).");
    }

    [Fact]
    public void GetProblems_NaNRate_Reported()
    {
        new SafetyRunOptions { Beta = double.NaN }.GetProblems().ShouldHaveSingleItem().ShouldStartWith("Beta = NaN is invalid");
    }

    [Fact]
    public void GetProblems_UnknownInconclusiveBehavior_ListsAllowedValues()
    {
        new SafetyRunOptions { Inconclusive = (InconclusiveBehavior)7 }.GetProblems().ShouldHaveSingleItem()
            .ShouldBe("Inconclusive = 7 is invalid: allowed is Fail, Skip or Pass.");
    }

    [Theory]
    [InlineData(0.05, 0.15)]
    [InlineData(0.01, 0.11)]
    [InlineData(0.0, 0.10)]
    public void EffectiveUnacceptableFailureRate_PlannerDefault(double p0, double p1)
    {
        new SafetyRunOptions { MaxFailureRate = p0 }.EffectiveUnacceptableFailureRate.ShouldBe(p1, 1e-9);
    }

    [Fact]
    public void CreateDesign_Defaults_PlannedSequentialDesign()
    {
        var design = new SafetyRunOptions().CreateDesign();

        design.Mode.ShouldBe(SamplingMode.Sequential);
        design.MaxFailureRate.ShouldBe(0.05);
        design.UnacceptableFailureRate.ShouldBe(0.15, 1e-9);
        design.Alpha.ShouldBe(0.05);
        design.Beta.ShouldBe(0.10);
        design.MaxSamples.ShouldBe(132);
        DesignPlanner.DefaultMaxSamples(0.05, 0.15).ShouldBe(132);
        design.ErrorBudget.ShouldBe(13);
    }

    [Fact]
    public void CreateDesign_SamplesOne_PlainDeterministicFixedDesign()
    {
        var design = new SafetyRunOptions { Samples = 1 }.CreateDesign();

        design.Mode.ShouldBe(SamplingMode.Fixed);
        design.MaxSamples.ShouldBe(1);
    }

    [Fact]
    public void CreateDesign_Invalid_ThrowsWithProblems()
    {
        Should.Throw<SafetyOptionsException>(() => new SafetyRunOptions { MaxSamples = 0 }.CreateDesign())
            .Problems.ShouldHaveSingleItem().ShouldBe("MaxSamples = 0 is invalid: allowed is a whole number from 1 to 100000.");
    }

    [Fact]
    public void EffectiveSeed_SeedSet_UsesIt()
    {
        new SafetyRunOptions { Seed = 42 }.EffectiveSeed.ShouldBe(42);
    }

    [Fact]
    public void Clone_IsIndependent()
    {
        var original = new SafetyRunOptions { MaxSamples = 30 };
        var copy = original.Clone();
        copy.MaxSamples = 40;

        original.MaxSamples.ShouldBe(30);
    }

    [Fact]
    public void GetProblems_FixedDesignThatCanNeverFail_ReportsTheDesignProblemLikeCreateDesign()
    {
        var options = new SafetyRunOptions { Samples = 2, MaxFailureRate = 0.5 };

        string problem = options.GetProblems().ShouldHaveSingleItem();

        Should.Throw<SafetyOptionsException>(() => options.CreateDesign()).Problems.ShouldBe(new[] { problem });
    }
}
