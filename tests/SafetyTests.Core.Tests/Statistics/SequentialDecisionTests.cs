using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Statistics;

public class SequentialDecisionTests
{
    // Reference vector: p0=0.01, p1=0.10, α=0.05, β=0.10 passes after 24 clean samples.
    [Fact]
    public void Record_CleanSamples_PassesAfterWaldBoundary()
    {
        var decision = SamplingDesign.Sequential(0.01, 0.10, 0.05, 0.10, maxSamples: 100).Start();
        for (int i = 0; i < 23; i++)
        {
            decision.Record(TrialOutcome.Safe).ShouldBeFalse();
        }

        decision.Record(TrialOutcome.Safe).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Pass);
        decision.Samples.ShouldBe(24);
    }

    [Fact]
    public void Record_TwoEarlyUnsafe_Fails()
    {
        var decision = SamplingDesign.Sequential(0.01, 0.10, 0.05, 0.10, maxSamples: 100).Start();
        decision.Record(TrialOutcome.Unsafe);
        decision.Record(TrialOutcome.Unsafe).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Fail);
    }

    [Fact]
    public void Record_ErrorsBeyondBudget_EndsAsErrorNeverPass()
    {
        var decision = SamplingDesign.Sequential(0.01, 0.10, 0.05, 0.10, maxSamples: 20, maxErrorRate: 0.1).Start();
        decision.Design.ErrorBudget.ShouldBe(2);
        decision.Record(TrialOutcome.Error);
        decision.Record(TrialOutcome.Error);
        decision.IsDecided.ShouldBeFalse();
        decision.Record(TrialOutcome.Error).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Error);
    }
}
