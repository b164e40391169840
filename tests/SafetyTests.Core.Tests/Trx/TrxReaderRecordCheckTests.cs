using System.Linq;
using SafetyTests.Core.Tests.Gate;
using SafetyTests.Gate;
using SafetyTests.Records;
using SafetyTests.Trx;

namespace SafetyTests.Core.Tests.Trx;

/// <summary>Records checked against their own counts and design and against their test's outcome (SAFE008).</summary>
public class TrxReaderRecordCheckTests
{
    private static TrxReadResult Read(TrxBuilder builder, out string file)
    {
        using var dir = new TempDirectory();
        file = builder.WriteTo(dir.Combine("run.trx"));
        return TrxReader.Read(new[] { file });
    }

    /// <summary>A record written as the runner wrote it, then edited in the TRX file (the builder does not repair it).</summary>
    private static TrxBuilder WithEditedRecord(SafetyRecord record, string outcome, SafetyVerdict edited)
    {
        SafetyRecord consistent = Cases.Consistent(record);
        consistent.Verdict = edited;
        string output = "unsafe in " + record.Unsafe + " of " + record.Samples + " samples\n" + SafetyRecordSerializer.FormatOutputLine(consistent) + "\n";
        return new TrxBuilder().AddRaw("Tests.Safety.Refuses(c: " + record.CaseId + ")", outcome, output);
    }

    [Fact]
    public void Read_VerdictEditedToPass_IsRejectedNamingFileLineAndCase()
    {
        // 5 unsafe of 20 fails under the fixtures' design; the verdict was edited to pass, the outcome left Failed.
        TrxBuilder builder = WithEditedRecord(Cases.Record("jb-001", 20, 5, SafetyVerdict.Fail), "Failed", SafetyVerdict.Pass);

        TrxReadResult result = Read(builder, out string file);

        GateDiagnostic problem = result.Problems.First();
        problem.Code.ShouldBe("SAFE008");
        problem.Severity.ShouldBe(DiagnosticSeverity.Error);
        problem.File.ShouldBe(file);
        problem.Line.ShouldBe(7);
        problem.Subject.ShouldBe("jb-001 (cases/jailbreaks.yaml:3, Tests.Safety.Refuses)");
        problem.Message.ShouldBe($"Case jb-001 (cases/jailbreaks.yaml:3, Tests.Safety.Refuses) in {file} (line 7, test 'Tests.Safety.Refuses(c: jb-001)'): its safety record says 'pass' after 5 unsafe of 20 samples, 0 errored trials, but under its own design (sequential, H0 p ≤ 0.05 vs H1 p ≥ 0.2, α=0.05, β=0.1, at most 50 samples, error budget 5) these counts decide the case as 'fail'. The gate does not trust a verdict that the evidence beside it contradicts: the TRX file was edited, or written by a SafetyTests version this gate cannot check. Run the tests again (with the SafetyTests version the gate uses) to write a new TRX file.");

        // The Failed outcome of its test contradicts the edited verdict too.
        result.Problems.Count.ShouldBe(2);
        result.Problems[1].Message.ShouldContain("has the outcome 'Failed', but its safety record (case jb-001 (cases/jailbreaks.yaml:3, Tests.Safety.Refuses)) says 'pass'");
    }

    [Fact]
    public void Read_PassedTestWithAFailingCase_IsRejected()
    {
        TrxReadResult result = Read(new TrxBuilder().Add(Cases.Record("jb-002", 20, 5, SafetyVerdict.Fail), outcome: "Passed"), out string file);

        GateDiagnostic problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("SAFE008");
        problem.Line.ShouldBe(5);
        problem.Message.ShouldStartWith($"Test 'Tests.Safety.Refuses(c: jb-002)' in {file} (line 5) has the outcome 'Passed', but the safety record of case jb-002 (cases/jailbreaks.yaml:3, Tests.Safety.Refuses) in it says 'fail': a failing or errored case fails its test.");
    }

    [Fact]
    public void Read_FailedTestWhoseCasePasses_IsRejected()
    {
        TrxReadResult result = Read(new TrxBuilder().Add(Cases.Record("jb-003", 14, 0), outcome: "Failed"), out _);

        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("has the outcome 'Failed', but its safety record (case jb-003 (cases/jailbreaks.yaml:3, Tests.Safety.Refuses)) says 'pass', and a test whose cases all pass does not fail. If the test failed after its safety decision (in a fixture, Dispose or teardown), fix that failure first.");
    }

    [Theory]
    [InlineData("Failed")]
    [InlineData("Passed")]
    [InlineData("NotExecuted")]
    public void Read_InconclusiveCase_IsConsistentWithEveryInconclusiveBehavior(string outcome)
    {
        // Inconclusive = Fail, Pass or Skip.
        TrxReadResult result = Read(new TrxBuilder().Add(Cases.Record("jb-004", 30, 3, SafetyVerdict.Inconclusive), outcome: outcome), out _);

        result.Problems.ShouldBeEmpty();
        result.Cases.ShouldHaveSingleItem().Verdict.ShouldBe(SafetyVerdict.Inconclusive);
    }

    [Fact]
    public void Read_SkippedTestWhoseCasePasses_IsRejected()
    {
        TrxReadResult result = Read(new TrxBuilder().Add(Cases.Record("jb-005", 14, 0), outcome: "NotExecuted"), out _);

        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("has the outcome 'NotExecuted', but the safety record of case jb-005 (cases/jailbreaks.yaml:3, Tests.Safety.Refuses) in it says 'pass': only an inconclusive case ends as a test that did not run (Inconclusive = Skip)");
    }

    [Fact]
    public void Read_ErrorCaseInAFailedTest_IsConsistent()
    {
        TrxReadResult result = Read(new TrxBuilder().Add(Cases.Record("jb-006", 4, 0, SafetyVerdict.Error, errors: 6)), out _);

        result.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Read_RecordWithoutDesign_IsRejectedAsUncheckable()
    {
        // A record as an older writer may have left it: counts and verdict, no design.
        string output = SafetyRecord.OutputPrefix + "{\"schemaVersion\":1,\"caseId\":\"old-001\",\"test\":\"Tests.Safety.Refuses\",\"verdict\":\"pass\",\"samples\":14,\"unsafe\":0}";
        TrxReadResult result = Read(new TrxBuilder().AddRaw("Tests.Safety.Refuses(c: old-001)", "Passed", output + "\n"), out _);

        GateDiagnostic problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("SAFE008");
        problem.Message.ShouldContain("its safety record says 'pass', but it carries no sampling design");
    }

    [Fact]
    public void Read_ManyInconsistentRecords_ListsTheFirstTwentyAndCountsTheRest()
    {
        var builder = new TrxBuilder();
        for (int i = 0; i < 25; i++)
        {
            builder.Add(Cases.Record("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 14, 0), outcome: "Failed");
        }

        TrxReadResult result = Read(builder, out string file);

        result.Problems.Count.ShouldBe(TrxReader.MaxInconsistentPerFile + 1);
        result.Problems.ShouldAllBe(p => p.Code == "SAFE008");
        result.Problems[^1].Message.ShouldStartWith($"5 more results in {file} carry safety records that contradict their counts or their test outcome (the first 20 are listed).");
    }
}
