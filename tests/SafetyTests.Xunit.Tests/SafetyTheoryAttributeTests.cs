using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using SafetyTests.Records;
using SafetyTests.Xunit.Tests.Support;
using Xunit.Abstractions;

#pragma warning disable xUnit1000, xUnit1003, xUnit1026 // The nested classes below are run by the tests, not by the outer runner; some misuse xUnit on purpose.

namespace SafetyTests.Xunit.Tests;

public class SafetyTheoryAttributeTests
{
    private const string Cases = "cases/acceptance.yaml";

    [Fact]
    public async Task NeverFailingBody_EachCasePassesAfterMinimumSamples()
    {
        NeverFails.Calls = 0;
        var report = await XunitInProcess.RunAsync(typeof(NeverFails));

        report.Results.Select(r => r.DisplayName).OrderBy(n => n).ShouldBe(new[] { "acc-001", "acc-002", "ctl-001" });
        report.Results.ShouldAllBe(r => r.Outcome == "Passed");
        var first = report.Single("acc-001");
        first.Output.ShouldContain("PASS: unsafe in 0 of 21 samples (0%, 95% CI 0–16%); acceptable ≤ 5%; SPRT accepted H0 after 21 samples");
        NeverFails.Calls.ShouldBe(3 * 21);
    }

    [Fact]
    public async Task EveryCase_IsItsOwnTestWithCaseIdDisplayNameTraitsAndUniqueId()
    {
        var report = await XunitInProcess.RunAsync(typeof(NeverFails));

        report.Discovered.Count.ShouldBe(3);
        report.Discovered.Select(t => t.UniqueID).Distinct().Count().ShouldBe(3);
        report.Discovered.Select(t => t.DisplayName).ShouldBe(new[] { "acc-001", "acc-002", "ctl-001" });
        var control = report.Single("ctl-001");
        control.Traits["category"].ShouldBe(new[] { "over-refusal" });
        control.Traits["severity"].ShouldBe(new[] { "low" });
        control.Traits["expect"].ShouldBe(new[] { "comply" });
        report.Single("acc-001").Traits["tag"].ShouldBe(new[] { "smoke" });
    }

    [Fact]
    public async Task Output_HasSummaryAndExactlyOneParseableRecordLine()
    {
        var report = await XunitInProcess.RunAsync(typeof(NeverFails));

        var output = report.Single("acc-002").Output;
        var recordLines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(SafetyRecord.OutputPrefix, StringComparison.Ordinal)).ToList();
        recordLines.Count.ShouldBe(1);
        var record = SafetyRecordSerializer.ReadFromOutput(output).Single();
        record.CaseId.ShouldBe("acc-002");
        record.Verdict.ShouldBe(SafetyVerdict.Pass);
        record.Samples.ShouldBe(21);
        record.Framework.ShouldBe("xunit");
        record.Test.ShouldBe(typeof(NeverFails).FullName + ".Refuses");
        record.SourceFile.ShouldBe(Cases);
        record.Category.ShouldBe("jailbreak");
        record.Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public async Task HalfUnsafeBody_FailsQuicklyWithEvidenceAndCaseLocation()
    {
        var report = await XunitInProcess.RunAsync(typeof(FailsHalfTheTime), t => t.DisplayName == "acc-001");

        var result = report.Single("acc-001");
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldStartWith("FAIL: unsafe in ");
        result.Message.ShouldContain("acceptable ≤ 5%; SPRT rejected H0 after ");
        result.Message.ShouldContain("first violation: sample ");
        result.StackTrace.ShouldStartWith("   at acc-001 in cases/acceptance.yaml:line 6");
        var record = SafetyRecordSerializer.ReadFromOutput(result.Output).Single();
        record.Verdict.ShouldBe(SafetyVerdict.Fail);
        record.Samples.ShouldBeLessThan(15);
    }

    [Fact]
    public async Task HttpFailures_EndAsErrorNotPass()
    {
        var report = await XunitInProcess.RunAsync(typeof(ThrowsHttpRequestException), t => t.DisplayName == "acc-002");

        var result = report.Single("acc-002");
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldStartWith("ERROR: 14 of 14 trials errored (error budget 13); errors never count as safe; first error: sample 0: HttpRequestException: connection refused");
        SafetyRecordSerializer.ReadFromOutput(result.Output).Single().Verdict.ShouldBe(SafetyVerdict.Error);
    }

    [Fact]
    public async Task ShouldlyAndXunitAssertionFailures_AreUnsafeSamples()
    {
        var report = await XunitInProcess.RunAsync(typeof(AssertionFailures));

        report.Results.Count.ShouldBe(2);
        foreach (var result in report.Results)
        {
            result.Outcome.ShouldBe("Failed");
            result.Message.ShouldStartWith("FAIL: unsafe in 3 of 3 samples");
        }
    }

    [Fact]
    public async Task OneInTwentyBody_DecidedAndReproducibleAcrossSeeds()
    {
        var first = await XunitInProcess.RunAsync(typeof(OneInTwenty));
        var second = await XunitInProcess.RunAsync(typeof(OneInTwenty));

        first.Results.Count.ShouldBe(20);
        var verdicts = first.Results.ToDictionary(r => r.DisplayName, r => SafetyRecordSerializer.ReadFromOutput(r.Output).Single());
        verdicts.Values.ShouldAllBe(r => r.Verdict == SafetyVerdict.Pass || r.Verdict == SafetyVerdict.Fail);
        verdicts.Values.Count(r => r.Verdict == SafetyVerdict.Pass).ShouldBeGreaterThanOrEqualTo(16);
        foreach (var again in second.Results)
        {
            var record = SafetyRecordSerializer.ReadFromOutput(again.Output).Single();
            record.Verdict.ShouldBe(verdicts[again.DisplayName].Verdict);
            record.Samples.ShouldBe(verdicts[again.DisplayName].Samples);
            record.Unsafe.ShouldBe(verdicts[again.DisplayName].Unsafe);
        }
    }

    [Fact]
    public async Task InvalidSettings_OneFailingTestListingEveryProblem()
    {
        var report = await XunitInProcess.RunAsync(typeof(InvalidSettings));

        var result = report.Results.ShouldHaveSingleItem();
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldBe(
            "[SafetyTheory] on " + typeof(InvalidSettings).FullName + ".Refuses: Invalid safety test settings (3 problems):" + Environment.NewLine +
            "  - MaxFailureRate = 1.5 is invalid: allowed is a number in [0, 1)." + Environment.NewLine +
            "  - Alpha = 0.7 is invalid: allowed is a number in (0, 0.5)." + Environment.NewLine +
            "  - MaxConcurrency = 0 is invalid: allowed is a whole number from 1 to 256 (trials of one case in flight at once).");
        InvalidSettings.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task MissingCaseFile_FailsWithResolvedPathAndCopyFix()
    {
        var report = await XunitInProcess.RunAsync(typeof(MissingCaseFile));

        var result = report.Results.ShouldHaveSingleItem();
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldContain("cases/does-not-exist.yaml");
        result.Message.ShouldContain(System.IO.Path.Combine(AppContext.BaseDirectory, "cases", "does-not-exist.yaml"));
        result.Message.ShouldContain("CopyToOutputDirectory=\"PreserveNewest\"");
    }

    [Fact]
    public async Task SafetyTheoryWithoutData_FailsWithTheFix()
    {
        var report = await XunitInProcess.RunAsync(typeof(NoData));

        report.Results.ShouldHaveSingleItem().Message.ShouldBe(
            "[SafetyTheory] on " + typeof(NoData).FullName + ".Refuses has no test data. Add [PromptCases(\"cases/your-cases.yaml\")] to run one test per prompt case, or use [SafetyFact] for a single scenario without cases.");
    }

    [Fact]
    public async Task WrongParameter_FailsWithTheExpectedSignature()
    {
        var report = await XunitInProcess.RunAsync(typeof(WrongParameter));

        report.Results.ShouldHaveSingleItem().Message.ShouldContain("declare the method with a single PromptCase parameter, for example Refuses(PromptCase c).");
    }

    [Fact]
    public async Task FilterMatchingNothing_FailsNamingTheFilter()
    {
        var report = await XunitInProcess.RunAsync(typeof(FilterMatchesNothing));

        report.Results.ShouldHaveSingleItem().Message.ShouldContain("[PromptCases(\"cases/acceptance.yaml\")] has no case matching Category=nope");
    }

    [Fact]
    public async Task Filters_SelectCasesByCategoryAndSeverity()
    {
        var report = await XunitInProcess.RunAsync(typeof(Filtered));

        report.Results.Select(r => r.DisplayName).OrderBy(n => n).ShouldBe(new[] { "acc-001", "acc-002" });
    }

    [Fact]
    public async Task TestOutputHelper_BodyOutputAndEvidenceShareTheOutput()
    {
        var report = await XunitInProcess.RunAsync(typeof(WritesOutput), t => t.DisplayName == "acc-001");

        var output = report.Single("acc-001").Output;
        output.ShouldContain("sample 0 of acc-001", Case.Sensitive, output);
        output.ShouldContain("PASS: unsafe in 0 of 21 samples");
        SafetyRecordSerializer.ReadFromOutput(output).Count().ShouldBe(1);
    }

    [Fact]
    public async Task InconclusiveSkip_ReportedAsSkippedWithEvidenceAndRecord()
    {
        var report = await XunitInProcess.RunAsync(typeof(InconclusiveSkips), t => t.DisplayName == "acc-001");

        var result = report.Single("acc-001");
        result.Outcome.ShouldBe("Skipped");
        result.Message.ShouldStartWith("INCONCLUSIVE: unsafe in 1 of 25 samples");
        SafetyRecordSerializer.ReadFromOutput(result.Message).Single().Verdict.ShouldBe(SafetyVerdict.Inconclusive);
    }

    [Fact]
    public async Task InconclusiveDefault_FailsSayingInconclusive()
    {
        var report = await XunitInProcess.RunAsync(typeof(InconclusiveFails), t => t.DisplayName == "acc-001");

        var result = report.Single("acc-001");
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldStartWith("INCONCLUSIVE: unsafe in 1 of 25 samples");
        result.Message.ShouldContain("Inconclusive fails the test (Inconclusive = Fail)");
    }

    [Fact]
    public async Task EachTrial_GetsAFreshTestClassInstanceAndTheSharedFixture()
    {
        var report = await XunitInProcess.RunAsync(typeof(CountsInstances), t => t.DisplayName == "acc-001");

        report.Single("acc-001").Outcome.ShouldBe("Passed");
        CountsInstances.Constructed.ShouldBe(21);
        CountsInstances.Disposed.ShouldBe(21);
        CountingFixture.Created.ShouldBe(1);
    }

    [Fact]
    public async Task InlineDataRows_AreSafetyTestsToo()
    {
        var report = await XunitInProcess.RunAsync(typeof(InlineRows));

        report.Results.Count.ShouldBe(2);
        report.Results.ShouldAllBe(r => r.Outcome == "Passed");
    }

    private static void UnsafeFirstSampleOnly()
    {
        if (SafetyTrial.Current!.SampleIndex == 0)
        {
            throw new SafetyViolationException("unsafe first sample");
        }
    }

    private sealed class NeverFails
    {
        public static int Calls;

        [SafetyTheory]
        [PromptCases(Cases)]
        public void Refuses(PromptCase c)
        {
            c.ShouldNotBeNull();
            SafetyTrial.Current.ShouldNotBeNull().Case.ShouldBeSameAs(c);
            System.Threading.Interlocked.Increment(ref Calls);
        }
    }

    private sealed class FailsHalfTheTime
    {
        [SafetyTheory(MaxConcurrency = 2)]
        [PromptCases(Cases)]
        public async Task Refuses(PromptCase c)
        {
            await Task.Yield();
            var trial = SafetyTrial.Current!;
            if (new Random(trial.Seed).Next(2) == 0)
            {
                throw new SafetyViolationException(new SafetyJudgement(true, "the reply complied with " + c.Id, "refusal", "1"));
            }
        }
    }

    private sealed class ThrowsHttpRequestException
    {
        [SafetyTheory]
        [PromptCases(Cases)]
        public Task Refuses(PromptCase c) => throw new HttpRequestException("connection refused");
    }

    private sealed class AssertionFailures
    {
        [SafetyFact]
        public void Shouldly_failure() => "I will help you".ShouldContain("cannot");

        [SafetyFact]
        public void Xunit_failure() => Assert.Contains("cannot", "I will help you");
    }

    private sealed class OneInTwenty
    {
        [SafetyTheory(MaxFailureRate = 0.05)]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        [InlineData(6)]
        [InlineData(7)]
        [InlineData(8)]
        [InlineData(9)]
        [InlineData(10)]
        [InlineData(11)]
        [InlineData(12)]
        [InlineData(13)]
        [InlineData(14)]
        [InlineData(15)]
        [InlineData(16)]
        [InlineData(17)]
        [InlineData(18)]
        [InlineData(19)]
        [InlineData(20)]
        public void Unsafe_one_time_in_twenty(int seed)
        {
            // The row changes the case id, so each row samples its own seeded sequence of trials.
            if (new Random(SafetyTrial.Current!.Seed ^ seed).Next(20) == 0)
            {
                throw new SafetyViolationException("unsafe sample");
            }
        }
    }

    private sealed class InvalidSettings
    {
        public static int Calls;

        [SafetyTheory(MaxFailureRate = 1.5, Alpha = 0.7, MaxConcurrency = 0)]
        [PromptCases(Cases)]
        public void Refuses(PromptCase c) => Calls++;
    }

    private sealed class MissingCaseFile
    {
        [SafetyTheory]
        [PromptCases("cases/does-not-exist.yaml")]
        public void Refuses(PromptCase c)
        {
        }
    }

    private sealed class NoData
    {
        [SafetyTheory]
        public void Refuses(PromptCase c)
        {
        }
    }

    private sealed class WrongParameter
    {
        [SafetyTheory]
        [PromptCases(Cases)]
        public void Refuses(string prompt)
        {
        }
    }

    private sealed class FilterMatchesNothing
    {
        [SafetyTheory]
        [PromptCases(Cases, Category = "nope")]
        public void Refuses(PromptCase c)
        {
        }
    }

    private sealed class Filtered
    {
        [SafetyTheory]
        [PromptCases(Cases, Category = "jailbreak", Severity = "high+")]
        public void Refuses(PromptCase c)
        {
        }
    }

    private sealed class WritesOutput(ITestOutputHelper output)
    {
        [SafetyTheory(MaxConcurrency = 1)]
        [PromptCases(Cases)]
        public void Refuses(PromptCase c) => output.WriteLine("sample " + SafetyTrial.Current!.SampleIndex + " of " + c.Id);
    }

    private sealed class InconclusiveSkips
    {
        [SafetyTheory(MaxSamples = 25, Inconclusive = InconclusiveBehavior.Skip)]
        [PromptCases(Cases)]
        public void Refuses(PromptCase c) => UnsafeFirstSampleOnly();
    }

    private sealed class InconclusiveFails
    {
        [SafetyTheory(MaxSamples = 25)]
        [PromptCases(Cases)]
        public void Refuses(PromptCase c) => UnsafeFirstSampleOnly();
    }

    private sealed class CountingFixture
    {
        public static int Created;

        public CountingFixture() => System.Threading.Interlocked.Increment(ref Created);
    }

    private sealed class CountsInstances : IClassFixture<CountingFixture>, IDisposable
    {
        public static int Constructed;
        public static int Disposed;

        public CountsInstances(CountingFixture fixture)
        {
            fixture.ShouldNotBeNull();
            System.Threading.Interlocked.Increment(ref Constructed);
        }

        [SafetyTheory]
        [PromptCases(Cases)]
        public void Refuses(PromptCase c)
        {
        }

        public void Dispose() => System.Threading.Interlocked.Increment(ref Disposed);
    }

    private sealed class InlineRows
    {
        [SafetyTheory]
        [InlineData("first prompt")]
        [InlineData("second prompt")]
        public void Handles(string prompt) => prompt.ShouldNotBeNullOrEmpty();
    }
}
