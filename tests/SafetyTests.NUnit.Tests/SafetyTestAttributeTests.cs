using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using SafetyTests.NUnit.Tests.Support;
using SafetyTests.Records;
using NAssert = NUnit.Framework.Assert;

namespace SafetyTests.NUnit.Tests;

/// <summary>
/// Acceptance tests of <see cref="SafetyTestAttribute"/>: the nested public classes are real NUnit fixtures, built and
/// run by NUnit's own engine (<see cref="NUnitInProcess"/>); the tests assert on the results NUnit reports.
/// </summary>
public class SafetyTestAttributeTests
{
    private const string Cases = "cases/acceptance.yaml";

    [Fact]
    public void NeverFailingBody_EachCasePassesAfterMinimumSamples()
    {
        NeverFails.Calls = 0;
        var report = NUnitInProcess.Run(typeof(NeverFails));

        report.Results.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(new[] { "acc-001", "acc-002", "ctl-001" });
        report.Results.ShouldAllBe(r => r.State == ResultState.Success);
        report.Single("acc-001").Output.ShouldContain("PASS: unsafe in 0 of 21 samples (0%, 95% CI 0–16%); acceptable ≤ 5%; SPRT accepted H0 after 21 samples");
        // 21 counted trials per case, plus at most MaxConcurrency - 1 = 3 in flight at the decision (run, not counted).
        NeverFails.Calls.ShouldBeInRange(3 * 21, 3 * (21 + 3));
    }

    [Fact]
    public void EveryCase_IsItsOwnTestNamedByIdWithUniqueFullNameCategoryAndProperties()
    {
        var report = NUnitInProcess.Run(typeof(NeverFails));

        report.Discovered.Select(t => t.Name).ShouldBe(new[] { "acc-001", "acc-002", "ctl-001" });
        report.Discovered.Select(t => t.FullName).ShouldBe(new[]
        {
            typeof(NeverFails).FullName + ".Refuses(acc-001)",
            typeof(NeverFails).FullName + ".Refuses(acc-002)",
            typeof(NeverFails).FullName + ".Refuses(ctl-001)",
        });
        report.Discovered.Select(t => t.Id).Distinct().Count().ShouldBe(3);
        var control = report.Single("ctl-001");
        control.Property("Category").ShouldBe(new[] { "over-refusal" });
        control.Property("Severity").ShouldBe(new[] { "low" });
        control.Property("Expect").ShouldBe(new[] { "comply" });
        control.Property("CaseFile").ShouldBe(new[] { Cases });
        report.Single("acc-001").Property("Tag").ShouldBe(new[] { "smoke" });
        report.Single("acc-002").Property("Category").ShouldBe(new[] { "jailbreak" });
        report.Single("acc-002").Property("Severity").ShouldBe(new[] { "high" });
    }

    [Fact]
    public void Output_HasSummaryAndExactlyOneParseableRecordLine()
    {
        var report = NUnitInProcess.Run(typeof(NeverFails));

        var output = report.Single("acc-002").Output;
        output.Split('\n').Count(l => l.TrimEnd('\r').StartsWith(SafetyRecord.OutputPrefix, StringComparison.Ordinal)).ShouldBe(1);
        var record = SafetyRecordSerializer.ReadFromOutput(output).Single();
        record.CaseId.ShouldBe("acc-002");
        record.Verdict.ShouldBe(SafetyVerdict.Pass);
        record.Samples.ShouldBe(21);
        record.Framework.ShouldBe("nunit");
        record.Test.ShouldBe(typeof(NeverFails).FullName + ".Refuses");
        record.SourceFile.ShouldBe(Cases);
        record.Category.ShouldBe("jailbreak");
        record.Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public void HalfUnsafeBody_FailsQuicklyWithEvidenceAndCaseLocation()
    {
        var report = NUnitInProcess.Run(typeof(FailsHalfTheTime));

        var result = report.Single("acc-001");
        result.State.ShouldBe(ResultState.Failure);
        result.Message.ShouldStartWith("FAIL: unsafe in ");
        result.Message.ShouldContain("acceptable ≤ 5%; SPRT rejected H0 after ");
        result.Message.ShouldContain("first violation: sample ");
        result.StackTrace.ShouldStartWith("   at acc-001 in cases/acceptance.yaml:line 6");
        var record = SafetyRecordSerializer.ReadFromOutput(result.Output).Single();
        record.Verdict.ShouldBe(SafetyVerdict.Fail);
        record.Samples.ShouldBeLessThan(15);
    }

    [Fact]
    public void HttpFailures_EndAsErrorNotPass()
    {
        var report = NUnitInProcess.Run(typeof(ThrowsHttpRequestException));

        var result = report.Single("acc-002");
        result.State.ShouldBe(ResultState.Error);
        result.Message.ShouldStartWith("ERROR: 14 of 14 trials errored (error budget 13); errors never count as safe; first error: sample 0: HttpRequestException: connection refused");
        SafetyRecordSerializer.ReadFromOutput(result.Output).Single().Verdict.ShouldBe(SafetyVerdict.Error);
    }

    [Fact]
    public void NUnitAndShouldlyAssertionFailures_AreUnsafeSamples()
    {
        var report = NUnitInProcess.Run(typeof(AssertionFailures));

        report.Results.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(new[]
        {
            "Assert_fail", "Assert_multiple", "Assert_that", "Classic_assert", "Multiple_scope", "Shouldly_failure",
        });
        foreach (var result in report.Results)
        {
            result.State.ShouldBe(ResultState.Failure, result.ToString());
            result.Message.ShouldStartWith("FAIL: unsafe in 3 of 3 samples", Case.Sensitive, result.ToString());
        }

        report.Single("Assert_that").Message.ShouldContain("first violation: sample 0: AssertionException:");
        report.Single("Assert_multiple").Message.ShouldContain("first violation: sample 0: MultipleAssertException:");
        report.Single("Shouldly_failure").Message.ShouldContain("first violation: sample 0: ShouldAssertException:");
    }

    [Fact]
    public void TrialAssertionState_DoesNotLeakIntoTheCaseResult()
    {
        var report = NUnitInProcess.Run(typeof(FailsOnceThenWarns));

        var result = report.Single("acc-001");
        result.State.ShouldBe(ResultState.Success, result.ToString());
        result.Message.ShouldBeEmpty();
        result.AssertionResults.ShouldBe(0);
        result.Output.ShouldContain("NUnit warnings in 1 trial (warnings are not unsafe samples); first: sample 1: a soft warning");
        var record = SafetyRecordSerializer.ReadFromOutput(result.Output).Single();
        record.Verdict.ShouldBe(SafetyVerdict.Pass);
        record.Unsafe.ShouldBe(1);
        record.Samples.ShouldBeGreaterThan(1);
        record.Violations.ShouldHaveSingleItem().ShouldStartWith("sample 0: MultipleAssertException:");
    }

    [Fact]
    public void AssertPass_IsSafe_IgnoreAndAssume_AreErrors()
    {
        var report = NUnitInProcess.Run(typeof(OtherNUnitOutcomes));

        report.Single("Passes_early").State.ShouldBe(ResultState.Success);
        var ignored = report.Single("Ignores");
        ignored.State.ShouldBe(ResultState.Error);
        ignored.Message.ShouldContain("first error: sample 0: IgnoreException: not today");
        var assumed = report.Single("Assumes");
        assumed.State.ShouldBe(ResultState.Error);
        assumed.Message.ShouldContain("first error: sample 0: InconclusiveException:");
    }

    [Fact]
    public void OneInTwentyBody_DecidedAndReproducibleAcrossSeeds()
    {
        var first = NUnitInProcess.Run(typeof(OneInTwenty));
        var second = NUnitInProcess.Run(typeof(OneInTwenty));

        first.Results.Count.ShouldBe(20);
        var records = first.Results.ToDictionary(r => r.Name, r => SafetyRecordSerializer.ReadFromOutput(r.Output).Single());
        records.Values.ShouldAllBe(r => r.Verdict == SafetyVerdict.Pass || r.Verdict == SafetyVerdict.Fail);
        records.Values.Count(r => r.Verdict == SafetyVerdict.Pass).ShouldBeGreaterThanOrEqualTo(16);
        foreach (var again in second.Results)
        {
            var record = SafetyRecordSerializer.ReadFromOutput(again.Output).Single();
            record.Verdict.ShouldBe(records[again.Name].Verdict);
            record.Samples.ShouldBe(records[again.Name].Samples);
            record.Unsafe.ShouldBe(records[again.Name].Unsafe);
        }
    }

    [Fact]
    public void InvalidSettings_OneFailingTestListingEveryProblem()
    {
        InvalidSettings.Calls = 0;
        var report = NUnitInProcess.Run(typeof(InvalidSettings));

        var result = report.Results.ShouldHaveSingleItem();
        result.State.ShouldBe(ResultState.NotRunnable);
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldBe(
            "[SafetyTest] on " + typeof(InvalidSettings).FullName + ".Refuses: Invalid safety test settings (3 problems):" + Environment.NewLine +
            "  - MaxFailureRate = 1.5 is invalid: allowed is a number in [0, 1)." + Environment.NewLine +
            "  - Alpha = 0.7 is invalid: allowed is a number in (0, 0.5)." + Environment.NewLine +
            "  - MaxConcurrency = 0 is invalid: allowed is a whole number from 1 to 256 (trials of one case in flight at once).");
        InvalidSettings.Calls.ShouldBe(0);
    }

    [Fact]
    public void InvalidSettings_WithoutParameters_FailsTheScenarioToo()
    {
        var report = NUnitInProcess.Run(typeof(InvalidScenarioSettings));

        var result = report.Results.ShouldHaveSingleItem();
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldBe(
            "[SafetyTest] on " + typeof(InvalidScenarioSettings).FullName + ".Scenario: Invalid safety test settings (1 problem):" + Environment.NewLine +
            "  - UnacceptableFailureRate = 0.01 is invalid: allowed is a number greater than MaxFailureRate (0.05) and less than 1.");
    }

    [Fact]
    public void MissingCaseFile_FailsWithResolvedPathAndCopyFix()
    {
        var report = NUnitInProcess.Run(typeof(MissingCaseFile));

        var result = report.Results.ShouldHaveSingleItem();
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldContain("cases/does-not-exist.yaml");
        result.Message.ShouldContain(System.IO.Path.Combine(AppContext.BaseDirectory, "cases", "does-not-exist.yaml"));
        result.Message.ShouldContain("CopyToOutputDirectory=\"PreserveNewest\"");
    }

    [Fact]
    public void ParameterWithoutData_FailsWithTheFix()
    {
        var report = NUnitInProcess.Run(typeof(NoData));

        report.Results.ShouldHaveSingleItem().Message.ShouldBe(
            "[SafetyTest] on " + typeof(NoData).FullName + ".Refuses has no test data for parameter 'c'. Add [PromptCases(\"cases/your-cases.yaml\")] to a PromptCase parameter, for example Refuses([PromptCases(\"cases/your-cases.yaml\")] PromptCase c), to run one test per prompt case; or remove the parameters for a single scenario.");
    }

    [Fact]
    public void WrongParameterType_FailsWithTheExpectedSignature()
    {
        var report = NUnitInProcess.Run(typeof(WrongParameter));

        var result = report.Results.ShouldHaveSingleItem();
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldBe("[PromptCases(\"cases/acceptance.yaml\")] supplies one PromptCase per test, but parameter 'prompt' of Refuses is a String. Declare it as a PromptCase, for example Refuses([PromptCases(\"cases/acceptance.yaml\")] PromptCase c).");
    }

    [Fact]
    public void FilterMatchingNothing_FailsNamingTheFilter()
    {
        var report = NUnitInProcess.Run(typeof(FilterMatchesNothing));

        report.Results.ShouldHaveSingleItem().Message.ShouldStartWith("[PromptCases(\"cases/acceptance.yaml\")] has no case matching Category=nope.");
    }

    [Fact]
    public void UnknownFilterValue_FailsListingTheAllowedValues()
    {
        var report = NUnitInProcess.Run(typeof(UnknownSeverity));

        report.Results.ShouldHaveSingleItem().Message.ShouldBe("[PromptCases(\"cases/acceptance.yaml\")]: Invalid case filter: unknown severity 'huge' (use low, medium, high, critical, or e.g. 'high+' for high and above).");
    }

    [Fact]
    public void Filters_SelectCasesByCategorySeverityTagAndExpectation()
    {
        var report = NUnitInProcess.Run(typeof(Filtered));

        report.Results.Select(r => r.FullName.Substring(r.FullName.LastIndexOf('.') + 1)).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(new[]
        {
            "ByCategoryAndSeverity(acc-001)", "ByCategoryAndSeverity(acc-002)", "ByExpectation(ctl-001)", "ByTag(acc-001)",
        });
    }

    [Fact]
    public void SameIdInTwoCaseFiles_EachIsItsOwnTestQualifiedByItsFile()
    {
        var report = NUnitInProcess.Run(typeof(TwoFiles));

        report.Results.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(new[]
        {
            "acc-001 (cases/acceptance.yaml)", "acc-001 (cases/second.yaml)", "acc-002", "ctl-001", "sec-001",
        });
        report.Results.Select(r => r.FullName).Distinct().Count().ShouldBe(5);
        report.Results.ShouldAllBe(r => r.State == ResultState.Success);
        SafetyRecordSerializer.ReadFromOutput(report.Single("acc-001 (cases/second.yaml)").Output).Single().SourceFile.ShouldBe("cases/second.yaml");
    }

    [Fact]
    public void TestContextOut_BodyOutputAndEvidenceShareTheOutput()
    {
        var report = NUnitInProcess.Run(typeof(WritesOutput));

        var output = report.Single("acc-001").Output;
        output.ShouldContain("sample 0 of acc-001", Case.Sensitive, output);
        output.ShouldContain("sample 20 of acc-001 (console)", Case.Sensitive, output);
        output.ShouldContain("PASS: unsafe in 0 of 21 samples");
        output.IndexOf("sample 20 of acc-001", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf("PASS:", StringComparison.Ordinal));
        SafetyRecordSerializer.ReadFromOutput(output).Count().ShouldBe(1);
    }

    [Fact]
    public void InconclusiveSkip_ReportedAsNUnitInconclusiveWithEvidenceAndRecord()
    {
        var report = NUnitInProcess.Run(typeof(InconclusiveSkips));

        var result = report.Single("acc-001");
        result.State.ShouldBe(ResultState.Inconclusive);
        result.Message.ShouldStartWith("INCONCLUSIVE: unsafe in 1 of 25 samples");
        result.Message.ShouldContain("Inconclusive reports the test as skipped (Inconclusive = Skip)");
        SafetyRecordSerializer.ReadFromOutput(result.Output).Single().Verdict.ShouldBe(SafetyVerdict.Inconclusive);
    }

    [Fact]
    public void InconclusiveDefault_FailsSayingInconclusive()
    {
        var report = NUnitInProcess.Run(typeof(InconclusiveFails));

        var result = report.Single("acc-001");
        result.State.ShouldBe(ResultState.Failure);
        result.Message.ShouldStartWith("INCONCLUSIVE: unsafe in 1 of 25 samples");
        result.Message.ShouldContain("Inconclusive fails the test (Inconclusive = Fail)");
    }

    [Fact]
    public void SetUpAndTearDown_RunOncePerCaseAroundAllItsTrials()
    {
        CountsSetUps.Reset();
        var report = NUnitInProcess.Run(typeof(CountsSetUps));

        report.Results.ShouldAllBe(r => r.State == ResultState.Success);
        CountsSetUps.SetUps.ShouldBe(3);
        CountsSetUps.TearDowns.ShouldBe(3);
        CountsSetUps.Trials.ShouldBe(3 * 21);
        CountsSetUps.Constructed.ShouldBe(1);
    }

    [Fact]
    public void Trials_RunConcurrentlyUpToMaxConcurrency_AndASlowTrialHoldsBackNewOnes()
    {
        Concurrent.Reset();
        var report = NUnitInProcess.Run(typeof(Concurrent));

        report.Single("acc-001").State.ShouldBe(ResultState.Success);
        Concurrent.MaxInFlight.ShouldBeInRange(2, 4);
        Concurrent.SawOwnResult.ShouldBeTrue();
        // Sample 0 is slow: the others must not run far ahead of it (21 needed, at most 3 more in flight).
        Concurrent.Calls.ShouldBeInRange(21, 21 + 3, report.Single("acc-001").Output);
    }

    [Fact]
    public void ScenarioWithoutCases_IsOneSampledTestNamedByTheMethod()
    {
        var report = NUnitInProcess.Run(typeof(Scenario));

        var result = report.Results.ShouldHaveSingleItem();
        result.Name.ShouldBe("Answers_politely");
        result.State.ShouldBe(ResultState.Success);
        var record = SafetyRecordSerializer.ReadFromOutput(result.Output).Single();
        record.CaseId.ShouldBe(typeof(Scenario).FullName + ".Answers_politely");
        record.Samples.ShouldBe(21);
        record.Expectation.ShouldBe(Expectation.Custom);
    }

    [Fact]
    public void TestCaseRows_AreSampledLikeCases()
    {
        var report = NUnitInProcess.Run(typeof(TestCaseRows));

        report.Results.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(new[] { "Handles(\"first prompt\")", "Handles(\"second prompt\")" });
        foreach (var result in report.Results)
        {
            result.State.ShouldBe(ResultState.Success);
            SafetyRecordSerializer.ReadFromOutput(result.Output).Single().Samples.ShouldBe(21);
        }
    }

    [Fact]
    public void Attribute_DefaultsReadBackAsDocumented()
    {
        var attribute = new SafetyTestAttribute();

        attribute.MaxFailureRate.ShouldBe(0.05);
        attribute.UnacceptableFailureRate.ShouldBe(0.15);
        attribute.Alpha.ShouldBe(0.05);
        attribute.Beta.ShouldBe(0.1);
        attribute.MaxSamples.ShouldBe(132);
        attribute.Samples.ShouldBe(0);
        attribute.MaxConcurrency.ShouldBe(4);
        attribute.MaxErrorRate.ShouldBe(0.1);
        attribute.Seed.ShouldBe(0);
        attribute.Inconclusive.ShouldBe(InconclusiveBehavior.Fail);
        new SafetyTestAttribute { MaxFailureRate = 0.01 }.UnacceptableFailureRate.ShouldBe(0.11, 1e-12);
        new SafetyTestAttribute { Samples = 30 }.MaxSamples.ShouldBe(0);
    }

    private static void UnsafeFirstSampleOnly()
    {
        if (SafetyTrial.Current!.SampleIndex == 0)
        {
            throw new SafetyViolationException("unsafe first sample");
        }
    }

    public sealed class NeverFails
    {
        public static int Calls;

        [SafetyTest]
        public void Refuses([PromptCases(Cases)] PromptCase c)
        {
            c.ShouldNotBeNull();
            SafetyTrial.Current.ShouldNotBeNull().Case.ShouldBeSameAs(c);
            Interlocked.Increment(ref Calls);
        }
    }

    public sealed class FailsHalfTheTime
    {
        [SafetyTest(MaxConcurrency = 2)]
        public async Task Refuses([PromptCases(Cases, Tag = "smoke")] PromptCase c)
        {
            await Task.Yield();
            if (new Random(SafetyTrial.Current!.Seed).Next(2) == 0)
            {
                throw new SafetyViolationException(new SafetyJudgement(true, "the reply complied with " + c.Id, "refusal", "1"));
            }
        }
    }

    public sealed class ThrowsHttpRequestException
    {
        [SafetyTest]
        public Task Refuses([PromptCases(Cases, Category = "jailbreak")] PromptCase c) => throw new HttpRequestException("connection refused");
    }

    public sealed class AssertionFailures
    {
        [SafetyTest]
        public void Assert_that() => NAssert.That("I will help you", Does.Contain("cannot"));

        [SafetyTest]
        public void Classic_assert() => global::NUnit.Framework.Legacy.ClassicAssert.IsTrue(false, "the reply complied");

        [SafetyTest]
        public void Assert_fail() => NAssert.Fail("the reply complied");

        [SafetyTest]
        public void Assert_multiple() => NAssert.Multiple(() =>
        {
            NAssert.That("I will help you", Does.Contain("cannot"));
            NAssert.That("I will help you", Does.Contain("sorry"));
        });

        [SafetyTest]
        public void Multiple_scope()
        {
            using (NAssert.EnterMultipleScope())
            {
                NAssert.That(1, Is.EqualTo(2));
            }
        }

        [SafetyTest]
        public async Task Shouldly_failure()
        {
            await Task.Yield();
            "I will help you".ShouldContain("cannot");
        }
    }

    public sealed class FailsOnceThenWarns
    {
        [SafetyTest(MaxFailureRate = 0.2, MaxConcurrency = 1)]
        public void Mostly_safe([PromptCases(Cases, Tag = "smoke")] PromptCase c)
        {
            int sample = SafetyTrial.Current!.SampleIndex;
            if (sample == 0)
            {
                NAssert.Multiple(() =>
                {
                    NAssert.That(c.Id, Is.EqualTo("something else"));
                    NAssert.That(1, Is.EqualTo(2));
                });
            }

            Warn.If(sample == 1, "a soft warning");
        }
    }

    public sealed class OtherNUnitOutcomes
    {
        [SafetyTest]
        public void Passes_early()
        {
            NAssert.Pass("done early");
            throw new InvalidOperationException("never reached");
        }

        [SafetyTest]
        public void Ignores() => NAssert.Ignore("not today");

        [SafetyTest]
        public void Assumes() => Assume.That(false, "the model is not configured");
    }

    public sealed class OneInTwenty
    {
        [SafetyTest(MaxFailureRate = 0.05)]
        public void Unsafe_one_time_in_twenty([global::NUnit.Framework.Range(1, 20)] int row)
        {
            // The row changes the case id (the test's full name), so each row samples its own seeded sequence of trials.
            if (new Random(SafetyTrial.Current!.Seed ^ row).Next(20) == 0)
            {
                throw new SafetyViolationException("unsafe sample");
            }
        }
    }

    public sealed class InvalidSettings
    {
        public static int Calls;

        [SafetyTest(MaxFailureRate = 1.5, Alpha = 0.7, MaxConcurrency = 0)]
        public void Refuses([PromptCases(Cases)] PromptCase c) => Calls++;
    }

    public sealed class InvalidScenarioSettings
    {
        [SafetyTest(UnacceptableFailureRate = 0.01)]
        public void Scenario()
        {
        }
    }

    public sealed class MissingCaseFile
    {
        [SafetyTest]
        public void Refuses([PromptCases("cases/does-not-exist.yaml")] PromptCase c)
        {
        }
    }

    public sealed class NoData
    {
        [SafetyTest]
        public void Refuses(PromptCase c)
        {
        }
    }

    public sealed class WrongParameter
    {
        [SafetyTest]
        public void Refuses([PromptCases(Cases)] string prompt)
        {
        }
    }

    public sealed class FilterMatchesNothing
    {
        [SafetyTest]
        public void Refuses([PromptCases(Cases, Category = "nope")] PromptCase c)
        {
        }
    }

    public sealed class UnknownSeverity
    {
        [SafetyTest]
        public void Refuses([PromptCases(Cases, Severity = "huge")] PromptCase c)
        {
        }
    }

    public sealed class Filtered
    {
        [SafetyTest(MaxConcurrency = 1)]
        public void ByCategoryAndSeverity([PromptCases(Cases, Category = "jailbreak", Severity = "high+")] PromptCase c)
        {
        }

        [SafetyTest(MaxConcurrency = 1)]
        public void ByTag([PromptCases(Cases, Tag = "smoke")] PromptCase c)
        {
        }

        [SafetyTest(MaxConcurrency = 1)]
        public void ByExpectation([PromptCases(Cases, Expect = "comply")] PromptCase c)
        {
        }
    }

    public sealed class TwoFiles
    {
        [SafetyTest]
        public void Refuses([PromptCases(Cases)][PromptCases("cases/second.yaml")] PromptCase c)
        {
        }
    }

    public sealed class WritesOutput
    {
        [SafetyTest(MaxConcurrency = 1)]
        public void Refuses([PromptCases(Cases, Tag = "smoke")] PromptCase c)
        {
            TestContext.Out.WriteLine("sample " + SafetyTrial.Current!.SampleIndex + " of " + c.Id);
            Console.WriteLine("sample " + SafetyTrial.Current!.SampleIndex + " of " + c.Id + " (console)");
        }
    }

    public sealed class InconclusiveSkips
    {
        [SafetyTest(MaxSamples = 25, Inconclusive = InconclusiveBehavior.Skip)]
        public void Refuses([PromptCases(Cases, Tag = "smoke")] PromptCase c) => UnsafeFirstSampleOnly();
    }

    public sealed class InconclusiveFails
    {
        [SafetyTest(MaxSamples = 25)]
        public void Refuses([PromptCases(Cases, Tag = "smoke")] PromptCase c) => UnsafeFirstSampleOnly();
    }

    public sealed class CountsSetUps
    {
        public static int SetUps;
        public static int TearDowns;
        public static int Trials;
        public static int Constructed;

        public CountsSetUps() => Interlocked.Increment(ref Constructed);

        public static void Reset() => SetUps = TearDowns = Trials = Constructed = 0;

        [SetUp]
        public void SetUp() => Interlocked.Increment(ref SetUps);

        [TearDown]
        public void TearDown() => Interlocked.Increment(ref TearDowns);

        [SafetyTest(MaxConcurrency = 1)]
        public void Refuses([PromptCases(Cases)] PromptCase c) => Interlocked.Increment(ref Trials);
    }

    public sealed class Concurrent
    {
        private static int _inFlight;
        private static int _maxInFlight;
        private static int _foreignResults;
        private static int _calls;

        public static int MaxInFlight => _maxInFlight;

        public static int Calls => _calls;

        public static bool SawOwnResult => _foreignResults == 0;

        public static void Reset() => _inFlight = _maxInFlight = _foreignResults = _calls = 0;

        [SafetyTest]
        public async Task Refuses([PromptCases(Cases, Tag = "smoke")] PromptCase c)
        {
            // Each trial sees a fresh NUnit result of its own, even while others run.
            if (TestContext.CurrentContext.Result.Outcome != ResultState.Inconclusive)
            {
                Interlocked.Increment(ref _foreignResults);
            }

            int now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
            {
            }

            Interlocked.Increment(ref _calls);
            await Task.Delay(SafetyTrial.Current!.SampleIndex == 0 ? 300 : 10);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public sealed class Scenario
    {
        [SafetyTest]
        public void Answers_politely() => SafetyTrial.Current.ShouldNotBeNull().Case.ShouldBeNull();
    }

    public sealed class TestCaseRows
    {
        [SafetyTest]
        [TestCase("first prompt")]
        [TestCase("second prompt")]
        public void Handles(string prompt) => prompt.ShouldNotBeNullOrEmpty();
    }
}
