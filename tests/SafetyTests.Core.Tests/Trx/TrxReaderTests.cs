using System.Collections.Generic;
using System.IO;
using System.Linq;
using SafetyTests.Core.Tests.Gate;
using SafetyTests.Gate;
using SafetyTests.Records;
using SafetyTests.Trx;

namespace SafetyTests.Core.Tests.Trx;

public class TrxReaderTests
{
    [Fact]
    public void Read_ResultsWithAndWithoutRecords_ReadsRecordsAndCountsAll()
    {
        using var dir = new TempDirectory();
        string file = new TrxBuilder()
            .Add(Cases.Record("a", 24, 0))
            .Add(Cases.Record("b", 14, 3, SafetyVerdict.Fail, severity: Severity.Critical))
            .AddRaw("Tests.Unit.Adds", "Passed", "no record here")
            .AddRaw("Tests.Unit.NoOutput", "Passed", null)
            .WriteTo(dir.Combine("run.trx"));

        TrxReadResult result = TrxReader.Read(new[] { file });

        result.Problems.ShouldBeEmpty();
        result.Results.ShouldBe(4);
        result.ResultsWithRecords.ShouldBe(2);
        result.Cases.Select(c => c.CaseId).ShouldBe(new[] { "a", "b" });
        CaseResult b = result.Cases[1];
        b.Verdict.ShouldBe(SafetyVerdict.Fail);
        b.Samples.ShouldBe(14);
        b.Unsafe.ShouldBe(3);
        b.Severity.ShouldBe(Severity.Critical);
        b.Origin.ShouldBe(file);
        b.Judges.ShouldBe(new[] { "refusal@1" });
    }

    [Fact]
    public void Read_InnerResults_ReadsEveryNestedRecord()
    {
        using var dir = new TempDirectory();
        var inner = new List<string>
        {
            Cases.Line(Cases.Record("row1", 10, 0)),
            Cases.Line(Cases.Record("row2", 10, 1)),
        };
        string file = new TrxBuilder().AddRaw("Tests.DataDriven", "Passed", "parent output", inner).WriteTo(dir.Combine("run.trx"));

        TrxReadResult result = TrxReader.Read(new[] { file });

        result.Problems.ShouldBeEmpty();
        result.Cases.Select(c => c.CaseId).ShouldBe(new[] { "row1", "row2" });
        result.Results.ShouldBe(3);
    }

    [Fact]
    public void Read_RecordWithoutTest_TakesTheTestNameWithoutArguments()
    {
        using var dir = new TempDirectory();
        SafetyRecord record = Cases.Record("a", 5, 0);
        record.Test = null;
        string file = new TrxBuilder().Add(record, "Ns.Suite.Refuses(c: a)").WriteTo(dir.Combine("run.trx"));

        TrxReader.Read(new[] { file }).Cases.Single().Test.ShouldBe("Ns.Suite.Refuses");
    }

    [Fact]
    public void Read_SameCaseInTwoFiles_ReportsBothFiles()
    {
        using var dir = new TempDirectory();
        string first = new TrxBuilder().Add(Cases.Record("a", 5, 0)).WriteTo(dir.Combine("shard1.trx"));
        string second = new TrxBuilder().Add(Cases.Record("a", 5, 0)).Add(Cases.Record("b", 5, 0)).WriteTo(dir.Combine("shard2.trx"));

        TrxReadResult result = TrxReader.Read(new[] { first, second });

        GateDiagnostic problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("SAFE005");
        problem.Severity.ShouldBe(DiagnosticSeverity.Error);
        problem.Message.ShouldContain($"in {first} and in {second}");
        problem.Message.ShouldContain("a (cases/jailbreaks.yaml:3, Tests.Safety.Refuses)");
        problem.File.ShouldBe("cases/jailbreaks.yaml");
        problem.Line.ShouldBe(3);
        result.Cases.Count.ShouldBe(2);
    }

    [Fact]
    public void Read_SameCaseTwiceInOneFile_ReportsTheFile()
    {
        using var dir = new TempDirectory();
        string file = new TrxBuilder().Add(Cases.Record("a", 5, 0)).Add(Cases.Record("a", 6, 0)).WriteTo(dir.Combine("run.trx"));

        TrxReader.Read(new[] { file }).Problems.ShouldHaveSingleItem().Message.ShouldContain("twice in " + file);
    }

    [Fact]
    public void Read_SameCaseIdUnderDifferentTestsOrFiles_AreDifferentCases()
    {
        using var dir = new TempDirectory();
        string file = new TrxBuilder()
            .Add(Cases.Record("a", 5, 0, test: "T.One"))
            .Add(Cases.Record("a", 5, 0, test: "T.Two"))
            .Add(Cases.Record("a", 5, 0, test: "T.One", file: "cases/other.yaml"))
            .WriteTo(dir.Combine("run.trx"));

        TrxReadResult result = TrxReader.Read(new[] { file });

        result.Problems.ShouldBeEmpty();
        result.Cases.Count.ShouldBe(3);
    }

    [Fact]
    public void Read_DamagedRecord_IsAnErrorNotSkipped()
    {
        using var dir = new TempDirectory();
        string file = new TrxBuilder().AddRaw("T.Broken(c: x)", "Failed", SafetyRecord.OutputPrefix + "{\"caseId\":\"x\",").WriteTo(dir.Combine("run.trx"));

        GateDiagnostic problem = TrxReader.Read(new[] { file }).Problems.ShouldHaveSingleItem();

        problem.Code.ShouldBe("SAFE003");
        problem.Message.ShouldContain("Test 'T.Broken(c: x)'");
        problem.Message.ShouldContain("damaged safety record");
        problem.File.ShouldBe(file);
        problem.Line.ShouldNotBeNull();
    }

    [Fact]
    public void Read_NotXml_ReportsFileAndLine()
    {
        using var dir = new TempDirectory();
        string file = dir.Combine("cut.trx");
        File.WriteAllText(file, "<?xml version=\"1.0\"?>\n<TestRun>\n<Results>\n<UnitTestResult testName=\"x\"");

        GateDiagnostic problem = TrxReader.Read(new[] { file }).Problems.ShouldHaveSingleItem();

        problem.Code.ShouldBe("SAFE003");
        problem.Message.ShouldContain("is not valid XML");
    }

    [Fact]
    public void Read_ForeignXml_SaysItIsNotTrx()
    {
        using var dir = new TempDirectory();
        string file = dir.Combine("coverage.xml");
        File.WriteAllText(file, "<coverage><package/></coverage>");

        TrxReader.Read(new[] { file }).Problems.ShouldHaveSingleItem().Message.ShouldContain("is not a TRX file (its root element is 'coverage'");
    }

    [Fact]
    public void Read_AbortedRun_IsAnError()
    {
        using var dir = new TempDirectory();
        string file = new TrxBuilder { RunOutcome = "Aborted" }.Add(Cases.Record("a", 5, 0)).WriteTo(dir.Combine("run.trx"));

        TrxReader.Read(new[] { file }).Problems.ShouldHaveSingleItem().Message.ShouldContain("did not complete: ResultSummary outcome=\"Aborted\"");
    }

    [Fact]
    public void Read_MissingFile_IsAnError()
    {
        using var dir = new TempDirectory();

        TrxReader.Read(new[] { dir.Combine("none.trx") }).Problems.ShouldHaveSingleItem().Message.ShouldContain("does not exist");
    }

    [Fact]
    public void Read_DtdInFile_IsRejected()
    {
        using var dir = new TempDirectory();
        string file = dir.Combine("evil.trx");
        File.WriteAllText(file, "<?xml version=\"1.0\"?><!DOCTYPE TestRun [<!ENTITY x \"y\">]><TestRun>&x;</TestRun>");

        TrxReader.Read(new[] { file }).Problems.ShouldHaveSingleItem().Code.ShouldBe("SAFE003");
    }

    [Fact]
    public void Read_ManyFiles_MergesInGivenOrder()
    {
        using var dir = new TempDirectory();
        var files = new List<string>();
        for (int f = 0; f < 6; f++)
        {
            var builder = new TrxBuilder();
            for (int i = 0; i < 20; i++)
            {
                builder.Add(Cases.Record($"f{f}-c{i:00}", 10, i % 3));
            }

            files.Add(builder.WriteTo(dir.Combine($"shard{f}.trx")));
        }

        TrxReadResult result = TrxReader.Read(files);

        result.Cases.Count.ShouldBe(120);
        result.Cases.Select(c => c.CaseId).ShouldBe(Enumerable.Range(0, 6).SelectMany(f => Enumerable.Range(0, 20).Select(i => $"f{f}-c{i:00}")));
    }
}
