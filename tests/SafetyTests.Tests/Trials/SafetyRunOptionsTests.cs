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
            "  - MaxFailureRate is 1.5; it must be greater than 0 and less than 1 (for example 0.05 for an acceptable 5 % failure rate)." + Environment.NewLine +
            "  - Alpha is 0.7; it must be greater than 0 and less than 0.5 (the chance of failing a case whose true rate is MaxFailureRate; 0.05 is usual)." + Environment.NewLine +
            "  - MaxConcurrency is 0; it must be between 1 and 256 (trials of one case in flight at once)." + Environment.NewLine +
            "  - MaxErrorRate is -0.1; it must be at least 0 and less than 1 (0.1 tolerates one errored trial per ten samples; 0 tolerates none).");
    }

    [Fact]
    public void GetProblems_UnacceptableRateNotAboveAcceptable_ExplainsTheRelation()
    {
        var problems = new SafetyRunOptions { MaxFailureRate = 0.1, UnacceptableFailureRate = 0.05 }.GetProblems();

        problems.ShouldHaveSingleItem().ShouldContain("must be greater than MaxFailureRate (0.1)");
    }

    [Fact]
    public void GetProblems_SamplesAndMaxSamplesBothSet_AsksForOne()
    {
        var problems = new SafetyRunOptions { Samples = 10, MaxSamples = 20 }.GetProblems();

        problems.ShouldHaveSingleItem().ShouldContain("set only one of them");
    }

    [Fact]
    public void GetProblems_NaNRate_SaysNotANumber()
    {
        new SafetyRunOptions { Beta = double.NaN }.GetProblems().ShouldHaveSingleItem().ShouldStartWith("Beta is not a number;");
    }

    [Theory]
    [InlineData(0.05, 0.20)]
    [InlineData(0.01, 0.10)]
    [InlineData(0.10, 0.40)]
    [InlineData(0.40, 0.70)]
    public void DefaultUnacceptableFailureRateFor_DocumentedRule(double p0, double p1)
    {
        SafetyRunOptions.DefaultUnacceptableFailureRateFor(p0).ShouldBe(p1, 1e-9);
    }

    [Fact]
    public void CreateDesign_Defaults_SequentialWithDocumentedParameters()
    {
        var design = new SafetyRunOptions().CreateDesign();

        design.Mode.ShouldBe(SamplingMode.Sequential);
        design.MaxFailureRate.ShouldBe(0.05);
        design.UnacceptableFailureRate.ShouldBe(0.20, 1e-9);
        design.Alpha.ShouldBe(0.05);
        design.Beta.ShouldBe(0.10);
        design.MaxSamples.ShouldBe(SafetyRunOptions.DefaultMaxSamples);
        design.ErrorBudget.ShouldBe(10);
    }

    [Fact]
    public void CreateDesign_Invalid_ThrowsWithProblems()
    {
        Should.Throw<SafetyOptionsException>(() => new SafetyRunOptions { MaxSamples = 0 }.CreateDesign())
            .Problems.ShouldHaveSingleItem().ShouldBe("MaxSamples is 0; it must be between 1 and 100000.");
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
}
