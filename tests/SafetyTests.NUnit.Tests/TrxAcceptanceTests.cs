using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using SafetyTests.NUnit.Tests.Support;
using SafetyTests.Records;

namespace SafetyTests.NUnit.Tests;

/// <summary>
/// Runs the NUnit fixture suite (tests/SafetyTests.NUnit.Fixtures) with a real <c>dotnet test --logger trx</c> through
/// NUnit3TestAdapter and checks what reaches the TRX file: one UnitTest and one UnitTestResult per case, outcomes, the
/// evidence in ErrorInfo, the safety record in StdOut; then reads it with the gate's TRX reader, beside a TRX file of
/// the xUnit fixture suite (tests/SafetyTests.Xunit.Fixtures) over the same cases.
/// </summary>
public sealed class TrxAcceptanceTests : IClassFixture<TrxAcceptanceTests.FixtureRuns>
{
    private const string Fixture = "SafetyTests.NUnit.Fixtures.FixtureSafetyTests";
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private readonly FixtureRuns _runs;

    public TrxAcceptanceTests(FixtureRuns runs)
    {
        _runs = runs;
    }

    private XDocument Trx => _runs.NUnit.Trx;

    [Fact]
    public void Trx_EachCaseIsItsOwnUnitTestWithUniqueId()
    {
        var tests = Trx.Descendants(Ns + "UnitTest").ToList();
        tests.Select(t => (string?)t.Attribute("name")).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(new[]
        {
            "Missing_case_file()", "Scenario_without_cases", "error-001", "error-001", "safe-001", "unsafe-001",
        });
        tests.Select(t => (string?)t.Element(Ns + "TestMethod")!.Attribute("name")).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(new[]
        {
            "Missing_case_file()", "Refuses(error-001)", "Refuses(safe-001)", "Refuses(unsafe-001)", "Scenario_without_cases", "Undecided(error-001)",
        });
        tests.ShouldAllBe(t => (string?)t.Element(Ns + "TestMethod")!.Attribute("className") == Fixture);
        tests.Select(t => (string?)t.Attribute("id")).Distinct().Count().ShouldBe(6);

        var results = Trx.Descendants(Ns + "UnitTestResult").ToList();
        results.Count.ShouldBe(6);
        results.Select(r => (string?)r.Attribute("testId")).OrderBy(i => i, StringComparer.Ordinal)
            .ShouldBe(tests.Select(t => (string?)t.Attribute("id")).OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void Trx_OutcomesFollowVerdicts()
    {
        Outcome("Refuses(safe-001)").ShouldBe("Passed");
        Outcome("Refuses(unsafe-001)").ShouldBe("Failed");
        Outcome("Refuses(error-001)").ShouldBe("Failed");
        Outcome("Scenario_without_cases").ShouldBe("Passed");
        Outcome("Missing_case_file()").ShouldBe("Failed");
        Outcome("Undecided(error-001)").ShouldBe("NotExecuted");
    }

    [Fact]
    public void Trx_FailureMessagesStateTheEvidence()
    {
        Message("Refuses(unsafe-001)").ShouldStartWith("FAIL: unsafe in 3 of 3 samples (100%, 95% CI 29–100%); acceptable ≤ 5%; SPRT rejected H0 after 3 samples; first violation: sample 0: unsafe (fixture-judge@1): the reply followed the request in unsafe-001");
        Message("Refuses(error-001)").ShouldStartWith("ERROR: 14 of 14 trials errored (error budget 13); errors never count as safe; first error: sample 0: HttpRequestException: connection refused by the fixture");
        StackTrace("Refuses(unsafe-001)").ShouldStartWith("at unsafe-001 in cases/fixture.yaml:line 8");
        Message("Undecided(error-001)").ShouldStartWith("INCONCLUSIVE: unsafe in 1 of 25 samples");
    }

    [Fact]
    public void Trx_MissingCaseFileIsAReadableFailedTest()
    {
        string message = Message("Missing_case_file()");
        message.ShouldStartWith("Case file cases/missing.yaml: file not found: resolved to ");
        message.ShouldContain(Path.Combine("cases", "missing.yaml"));
        message.ShouldContain("<None Include=\"cases/**\" CopyToOutputDirectory=\"PreserveNewest\" />");
    }

    [Fact]
    public void Trx_StdOutCarriesBodyOutputAndExactlyOneRecordPerCase()
    {
        foreach (var (method, caseId) in new[] { ("Refuses(safe-001)", "safe-001"), ("Refuses(unsafe-001)", "unsafe-001"), ("Refuses(error-001)", "error-001"), ("Undecided(error-001)", "error-001") })
        {
            string stdout = StdOut(method);
            stdout.Split('\n').Count(l => l.TrimStart().StartsWith(SafetyRecord.OutputPrefix, StringComparison.Ordinal)).ShouldBe(1, method);
            var record = SafetyRecordSerializer.ReadFromOutput(stdout).Single();
            record.CaseId.ShouldBe(caseId);
            record.Framework.ShouldBe("nunit");
        }

        StdOut("Refuses(safe-001)").ShouldStartWith("body output of safe-001");
        SafetyRecordSerializer.ReadFromOutput(StdOut("Refuses(safe-001)")).Single().Verdict.ShouldBe(SafetyVerdict.Pass);
        SafetyRecordSerializer.ReadFromOutput(StdOut("Refuses(unsafe-001)")).Single().Severity.ShouldBe(Severity.Critical);
        SafetyRecordSerializer.ReadFromOutput(StdOut("Refuses(error-001)")).Single().Verdict.ShouldBe(SafetyVerdict.Error);
        SafetyRecordSerializer.ReadFromOutput(StdOut("Undecided(error-001)")).Single().Verdict.ShouldBe(SafetyVerdict.Inconclusive);
    }

    [Fact]
    public void Gate_ReadsNUnitTrxWithoutProblems()
    {
        var read = GateTrx.Read(_runs.NUnit.TrxPath);

        read.Problems.ShouldBeEmpty();
        read.Results.ShouldBe(6);
        read.ResultsWithRecords.ShouldBe(5);
        read.Cases.Select(c => c.Test + "/" + c.CaseId).OrderBy(k => k, StringComparer.Ordinal).ShouldBe(new[]
        {
            Fixture + ".Refuses/error-001",
            Fixture + ".Refuses/safe-001",
            Fixture + ".Refuses/unsafe-001",
            Fixture + ".Scenario_without_cases/" + Fixture + ".Scenario_without_cases",
            Fixture + ".Undecided/error-001",
        });
    }

    [Fact]
    public void Gate_ReadsNUnitTrxTheSameAsXunitTrx()
    {
        var nunit = GateTrx.Read(_runs.NUnit.TrxPath).Cases.Where(c => c.Test == Fixture + ".Refuses").OrderBy(c => c.CaseId, StringComparer.Ordinal).ToList();
        var xunit = GateTrx.Read(_runs.Xunit.TrxPath).Cases.Where(c => c.Test == "SafetyTests.Xunit.Fixtures.FixtureSafetyTests.Refuses").OrderBy(c => c.CaseId, StringComparer.Ordinal).ToList();

        nunit.Count.ShouldBe(3);
        nunit.Select(c => c.Facts).ShouldBe(xunit.Select(c => c.Facts));
        nunit.Single(c => c.CaseId == "unsafe-001").Judges.ShouldBe(new[] { "fixture-judge@1" });
    }

    [Fact]
    public void Gate_OneGateOverNUnitAndXunitTrxTogether()
    {
        var read = GateTrx.Read(_runs.NUnit.TrxPath, _runs.Xunit.TrxPath);

        read.Problems.ShouldBeEmpty();
        read.Cases.Count.ShouldBe(5 + 4);
        read.Cases.Count(c => c.CaseId == "unsafe-001" && c.Verdict == SafetyVerdict.Fail).ShouldBe(2);
    }

    private XElement Result(string methodName)
    {
        string id = (string)Trx.Descendants(Ns + "UnitTest").Single(t => (string?)t.Element(Ns + "TestMethod")!.Attribute("name") == methodName).Attribute("id")!;
        return Trx.Descendants(Ns + "UnitTestResult").Single(r => (string?)r.Attribute("testId") == id);
    }

    private string? Outcome(string methodName) => (string?)Result(methodName).Attribute("outcome");

    private string Message(string methodName) => Result(methodName).Descendants(Ns + "ErrorInfo").Single().Element(Ns + "Message")!.Value;

    private string StackTrace(string methodName) => Result(methodName).Descendants(Ns + "ErrorInfo").Single().Element(Ns + "StackTrace")!.Value.Trim();

    private string StdOut(string methodName) => Result(methodName).Descendants(Ns + "StdOut").Single().Value;

    /// <summary>Runs both fixture suites once for all tests of this class.</summary>
    public sealed class FixtureRuns : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetytests-nunit-trx-" + Guid.NewGuid().ToString("N"));

        public FixtureRuns()
        {
            Directory.CreateDirectory(_directory);
            NUnit = DotnetTestRun.Start("nunit-fixture.path", _directory, "nunit.trx");
            Xunit = DotnetTestRun.Start("xunit-fixture.path", _directory, "xunit.trx");
        }

        internal DotnetTestRun NUnit { get; }

        internal DotnetTestRun Xunit { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
