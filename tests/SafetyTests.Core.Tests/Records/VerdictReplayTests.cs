using System;
using SafetyTests.Records;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Records;

public class VerdictReplayTests
{
    // The default design for MaxFailureRate = 0.05: H1 p ≥ 0.15, α 0.05, β 0.1, planned cap, error budget 10 %.
    private static readonly SamplingDesign Planned = DesignPlanner.Plan(0.05);

    private static readonly SamplingDesign FixedTen = SamplingDesign.Fixed(60, 0.05, 0.05);

    private static SafetyRecord Record(SamplingDesign design, SafetyVerdict verdict, int samples, int unsafeCount, int errors = 0) => new()
    {
        CaseId = "jb-001",
        Verdict = verdict,
        Samples = samples,
        Unsafe = unsafeCount,
        Errors = errors,
        Design = new DesignRecord
        {
            Mode = design.Mode,
            MaxFailureRate = design.MaxFailureRate,
            UnacceptableFailureRate = design.UnacceptableFailureRate,
            Alpha = design.Alpha,
            Beta = design.Beta,
            MaxSamples = design.MaxSamples,
            ErrorBudget = design.ErrorBudget,
        },
    };

    /// <summary>Runs the real decision on random trials and returns the record the trial runner would write.</summary>
    private static SafetyRecord Run(SamplingDesign design, Random random, double unsafeRate, double errorRate)
    {
        SequentialDecision decision = design.Start();
        while (!decision.Record(random.NextDouble() < errorRate ? TrialOutcome.Error : random.NextDouble() < unsafeRate ? TrialOutcome.Unsafe : TrialOutcome.Safe))
        {
        }

        return Record(design, decision.Verdict, decision.Samples, decision.Unsafe, decision.Errors);
    }

    [Fact]
    public void Check_RecordsOfTheRealDecision_AreConsistent()
    {
        var designs = new RecordDesigns();
        var random = new Random(12);
        foreach (SamplingDesign design in new[] { Planned, FixedTen, SamplingDesign.Fixed(1, 0.0, 0.05), DesignPlanner.Plan(0.0), SamplingDesign.Sequential(0.1, 0.3, 0.05, 0.1, 40, 0.2) })
        {
            for (int i = 0; i < 400; i++)
            {
                SafetyRecord record = Run(design, random, unsafeRate: random.NextDouble() * 0.4, errorRate: random.NextDouble() * 0.1);
                VerdictReplay.Check(record, designs).ShouldBeNull($"{design}: {record.Verdict} {record.Unsafe}/{record.Samples}, {record.Errors} errors");
            }
        }
    }

    [Fact]
    public void Check_EditedVerdictsOfTheRealDecision_AreAllRejected()
    {
        var designs = new RecordDesigns();
        var random = new Random(34);
        foreach (SamplingDesign design in new[] { Planned, FixedTen })
        {
            for (int i = 0; i < 200; i++)
            {
                SafetyRecord record = Run(design, random, unsafeRate: random.NextDouble() * 0.4, errorRate: random.NextDouble() * 0.05);
                SafetyVerdict real = record.Verdict;
                foreach (SafetyVerdict edited in new[] { SafetyVerdict.Pass, SafetyVerdict.Fail, SafetyVerdict.Error, SafetyVerdict.Undecided })
                {
                    if (edited == real)
                    {
                        continue;
                    }

                    record.Verdict = edited;
                    VerdictReplay.Check(record, designs).ShouldNotBeNull($"{design}: {real} edited to {edited} at {record.Unsafe}/{record.Samples}, {record.Errors} errors");
                }
            }
        }
    }

    [Fact]
    public void Check_PassAfterTheSprtRejectedH0_NamesTheVerdictTheCountsReach()
    {
        // The report of issue 12: 9 of 71 unsafe, "SPRT rejected H0", edited to "pass".
        SafetyRecord record = Record(Planned, SafetyVerdict.Pass, 71, 9);
        VerdictReplay.StateAfter(Planned, 71, 9).ShouldBe(SafetyVerdict.Fail);

        string? problem = VerdictReplay.Check(record, new RecordDesigns());

        problem.ShouldBe($"says 'pass' after 9 unsafe of 71 samples, 0 errored trials, but under its own design (sequential, H0 p ≤ 0.05 vs H1 p ≥ 0.15, α=0.05, β=0.1, at most {Planned.MaxSamples} samples, error budget {Planned.ErrorBudget}) these counts decide the case as 'fail'");
    }

    [Fact]
    public void Check_PassWhileStillUndecided_IsRejected()
    {
        VerdictReplay.Check(Record(Planned, SafetyVerdict.Pass, 30, 3), new RecordDesigns())
            .ShouldNotBeNull().ShouldEndWith("these counts leave the case undecided (only 'inconclusive' ends a case there, when sampling was stopped early)");
    }

    [Fact]
    public void Check_InconclusiveWhileUndecided_IsConsistent()
    {
        // A case stopped early without a decision (an exhausted run budget) ends Inconclusive anywhere between the boundaries.
        VerdictReplay.Check(Record(Planned, SafetyVerdict.Inconclusive, 30, 3), new RecordDesigns()).ShouldBeNull();
    }

    [Fact]
    public void Check_InconclusiveWhenTheCountsDecide_IsRejected()
    {
        VerdictReplay.Check(Record(Planned, SafetyVerdict.Inconclusive, 71, 9), new RecordDesigns())
            .ShouldNotBeNull().ShouldEndWith("these counts decide the case as 'fail'");
    }

    [Fact]
    public void Check_ErrorWithExactlyOneErrorBeyondTheBudget_IsConsistent()
    {
        VerdictReplay.Check(Record(Planned, SafetyVerdict.Error, 5, 0, errors: Planned.ErrorBudget + 1), new RecordDesigns()).ShouldBeNull();
    }

    [Fact]
    public void Check_ErrorWithinTheBudget_IsRejected()
    {
        VerdictReplay.Check(Record(Planned, SafetyVerdict.Error, 5, 0, errors: 1), new RecordDesigns())
            .ShouldNotBeNull().ShouldContain($"an Error verdict ends a case at the first errored trial beyond its error budget of {Planned.ErrorBudget}");
    }

    [Fact]
    public void Check_PassWithErrorsBeyondTheBudget_IsRejected()
    {
        VerdictReplay.Check(Record(Planned, SafetyVerdict.Pass, 71, 0, errors: Planned.ErrorBudget + 1), new RecordDesigns())
            .ShouldNotBeNull().ShouldContain("exceed the error budget");
    }

    [Fact]
    public void Check_MoreSamplesThanTheCap_IsRejected()
    {
        VerdictReplay.Check(Record(FixedTen, SafetyVerdict.Pass, 61, 0), new RecordDesigns())
            .ShouldNotBeNull().ShouldEndWith("a case never takes more than 60 samples");
    }

    [Fact]
    public void Check_FixedDesign_FailsAtItsThreshold()
    {
        var designs = new RecordDesigns();
        int threshold = FixedTen.FixedFailThreshold;

        VerdictReplay.Check(Record(FixedTen, SafetyVerdict.Fail, 30, threshold), designs).ShouldBeNull();
        VerdictReplay.Check(Record(FixedTen, SafetyVerdict.Pass, 60, threshold - 1), designs).ShouldBeNull();
        VerdictReplay.Check(Record(FixedTen, SafetyVerdict.Pass, 60, threshold), designs).ShouldNotBeNull().ShouldEndWith("these counts decide the case as 'fail'");
    }

    [Fact]
    public void Check_RecordWithoutDesign_SaysTheVerdictCannotBeChecked()
    {
        var record = new SafetyRecord { CaseId = "old", Verdict = SafetyVerdict.Pass, Samples = 20 };

        VerdictReplay.Check(record, new RecordDesigns())
            .ShouldBe("says 'pass', but it carries no sampling design (no 'design' object, or one without 'maxSamples'), as records of older SafetyTests versions may, so that verdict cannot be checked against its counts");
    }

    [Fact]
    public void Check_DesignOutsideItsRanges_SaysItIsNotOneSafetyTestsBuilds()
    {
        SafetyRecord record = Record(Planned, SafetyVerdict.Pass, 20, 0);
        record.Design.Alpha = 0.7;

        VerdictReplay.Check(record, new RecordDesigns()).ShouldNotBeNull().ShouldContain("its design is not one SafetyTests builds: ");
    }

    [Fact]
    public void Get_SameParameters_RebuildsTheDesignOnce()
    {
        var designs = new RecordDesigns();
        SafetyRecord first = Record(Planned, SafetyVerdict.Pass, 20, 0);
        SafetyRecord second = Record(Planned, SafetyVerdict.Pass, 20, 0);
        second.Design.ErrorBudget = 3;
        second.Design.Seed = 7;

        designs.Get(first.Design).ShouldBeSameAs(designs.Get(second.Design));
        designs.Get(first.Design).Design!.PassBoundary(20).ShouldBe(Planned.PassBoundary(20));
    }
}
