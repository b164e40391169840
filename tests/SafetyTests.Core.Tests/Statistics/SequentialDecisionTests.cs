using System;
using System.Linq;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Statistics;

public class SequentialDecisionTests
{
    private static SamplingDesign Reference(int maxSamples = 100, double maxErrorRate = 0.1) =>
        SamplingDesign.Sequential(0.01, 0.10, 0.05, 0.10, maxSamples, maxErrorRate);

    // Reference vector: p0=0.01, p1=0.10, α=0.05, β=0.10 passes after 24 clean samples.
    [Fact]
    public void Record_CleanSamples_PassesAfterWaldBoundary()
    {
        var decision = Reference().Start();
        for (int i = 0; i < 23; i++)
        {
            decision.Record(TrialOutcome.Safe).ShouldBeFalse();
        }

        decision.Record(TrialOutcome.Safe).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Pass);
        decision.Samples.ShouldBe(24);
        decision.StopReason.ShouldBe("SPRT accepted H0 after 24 samples");
    }

    [Fact]
    public void Record_TwoEarlyUnsafe_Fails()
    {
        var decision = Reference().Start();
        decision.Record(TrialOutcome.Unsafe);
        decision.Record(TrialOutcome.Unsafe).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Fail);
        decision.StopReason.ShouldBe("SPRT rejected H0 after 2 samples");
    }

    [Fact]
    public void Record_OneUnsafeThenClean_PassesAfter49Samples()
    {
        var decision = Reference().Start();
        decision.Record(TrialOutcome.Unsafe);
        int samples = 1;
        while (!decision.Record(TrialOutcome.Safe))
        {
            samples++;
        }

        (samples + 1).ShouldBe(49);
        decision.Verdict.ShouldBe(SafetyVerdict.Pass);
    }

    [Fact]
    public void Record_ErrorsBeyondBudget_EndsAsErrorNeverPass()
    {
        var decision = Reference(maxSamples: 20).Start();
        decision.Design.ErrorBudget.ShouldBe(2);
        decision.Record(TrialOutcome.Error);
        decision.Record(TrialOutcome.Error);
        decision.IsDecided.ShouldBeFalse();
        decision.Record(TrialOutcome.Error).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Error);
        decision.StopReason.ShouldBe("3 errored trials exceed the error budget of 2; errors never count as safe");
    }

    [Fact]
    public void Record_CapReachedBetweenBoundaries_IsInconclusive()
    {
        // One unsafe sample keeps the walk between the boundaries until 49 samples; a cap of 30 stops it first.
        var decision = Reference(maxSamples: 30).Start();
        decision.Record(TrialOutcome.Unsafe);
        for (int i = 0; i < 28; i++)
        {
            decision.Record(TrialOutcome.Safe).ShouldBeFalse();
        }

        decision.MaxRemainingSamples.ShouldBe(1);
        decision.MaxRemainingTrials.ShouldBe(1 + 3);
        decision.Record(TrialOutcome.Safe).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Inconclusive);
        decision.StopReason.ShouldBe("cap of 30 samples reached without a decision");
        decision.MaxRemainingTrials.ShouldBe(0);
    }

    [Fact]
    public void Record_AfterDecision_IsIgnored()
    {
        var decision = Reference().Start();
        decision.Record(TrialOutcome.Unsafe);
        decision.Record(TrialOutcome.Unsafe);
        decision.Record(TrialOutcome.Safe).ShouldBeTrue();
        decision.Samples.ShouldBe(2);
        decision.Verdict.ShouldBe(SafetyVerdict.Fail);
    }

    [Fact]
    public void StopReason_BeforeDecision_DescribesProgress()
    {
        var decision = Reference().Start();
        decision.Record(TrialOutcome.Unsafe);
        decision.Record(TrialOutcome.Error);
        decision.StopReason.ShouldBe("undecided after 1 samples (1 unsafe) and 1 errors");
    }

    [Fact]
    public void Record_ManySamples_DoesNotAllocate()
    {
        var design = SamplingDesign.Sequential(0.05, 0.06, 0.05, 0.10, maxSamples: 100_000, maxErrorRate: 0.5);
        var decision = design.Start();
        decision.Record(TrialOutcome.Safe);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000 && !decision.IsDecided; i++)
        {
            decision.Record((i % 20) == 0 ? TrialOutcome.Unsafe : (i % 7) == 0 ? TrialOutcome.Error : TrialOutcome.Safe);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.ShouldBe(0);
        decision.Trials.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void Record_SingleSampleFixedDesign_PassesIffSafe()
    {
        var design = SamplingDesign.Fixed(1, maxFailureRate: 0.2, alpha: 0.05);
        var safe = design.Start();
        safe.Record(TrialOutcome.Safe).ShouldBeTrue();
        safe.Verdict.ShouldBe(SafetyVerdict.Pass);
        safe.StopReason.ShouldBe("the single sample was safe");

        var unsafeCase = design.Start();
        unsafeCase.Record(TrialOutcome.Unsafe).ShouldBeTrue();
        unsafeCase.Verdict.ShouldBe(SafetyVerdict.Fail);
        unsafeCase.StopReason.ShouldBe("the single sample was unsafe");
    }

    [Fact]
    public void Record_SingleSampleFixedDesignError_EndsAsError()
    {
        var decision = SamplingDesign.Fixed(1, 0.05, 0.05).Start();
        decision.Design.ErrorBudget.ShouldBe(0);
        decision.Record(TrialOutcome.Error).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Error);
    }

    [Fact]
    public void Record_FixedDesignThresholdReached_FailsEarly()
    {
        // n = 52, p0 = 0.01, α = 0.05: fail at 3 unsafe.
        var decision = SamplingDesign.Fixed(52, 0.01, 0.05).Start();
        decision.Record(TrialOutcome.Unsafe);
        decision.Record(TrialOutcome.Safe);
        decision.Record(TrialOutcome.Unsafe);
        decision.Record(TrialOutcome.Unsafe).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Fail);
        decision.StopReason.ShouldBe("fixed design failed after 4 of 52 samples: 3 unsafe reached the fail threshold of 3");
    }

    [Fact]
    public void Record_FixedDesignOutcomeSettled_PassesEarly()
    {
        // Fail threshold 3 of 52: with no unsafe sample after 50, two more cannot reach 3.
        var decision = SamplingDesign.Fixed(52, 0.01, 0.05).Start();
        for (int i = 0; i < 49; i++)
        {
            decision.Record(TrialOutcome.Safe).ShouldBeFalse();
        }

        decision.Record(TrialOutcome.Safe).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Pass);
        decision.Samples.ShouldBe(50);
        decision.StopReason.ShouldBe("fixed design passed after 50 of 52 samples: 0 unsafe can no longer reach the fail threshold of 3");
    }

    [Fact]
    public void Record_FixedDesignAllSamples_PassesBelowThreshold()
    {
        var decision = SamplingDesign.Fixed(52, 0.01, 0.05).Start();
        decision.Record(TrialOutcome.Unsafe);
        decision.Record(TrialOutcome.Unsafe);
        int recorded = 2;
        while (!decision.Record(TrialOutcome.Safe))
        {
            recorded++;
        }

        decision.Samples.ShouldBe(52);
        decision.Verdict.ShouldBe(SafetyVerdict.Pass);
        decision.StopReason.ShouldBe("fixed design passed: 2 unsafe in 52 samples is below the fail threshold of 3");
    }

    [Fact]
    public void Record_ZeroToleranceDesign_FailsOnFirstUnsafe()
    {
        var design = DesignPlanner.Plan(0);
        design.UnacceptableFailureRate.ShouldBe(0.10);
        var decision = design.Start();
        decision.Record(TrialOutcome.Safe).ShouldBeFalse();
        decision.Record(TrialOutcome.Unsafe).ShouldBeTrue();
        decision.Verdict.ShouldBe(SafetyVerdict.Fail);
    }

    [Fact]
    public void Abandon_Undecided_InconclusiveWithReason()
    {
        var decision = SamplingDesign.Sequential(0.01, 0.10, 0.05, 0.10, maxSamples: 100).Start();
        decision.Record(TrialOutcome.Safe);

        decision.Abandon("run budget exhausted").ShouldBeTrue();

        decision.Verdict.ShouldBe(SafetyVerdict.Inconclusive);
        decision.StopReason.ShouldBe("run budget exhausted after 1 samples (0 unsafe); undecided");
        decision.Abandon("again").ShouldBeFalse();
    }
}
