using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using SafetyTests.Records;

namespace SafetyTests.Xunit.Tests;

/// <summary>
/// Runs the fixture suite (tests/SafetyTests.Xunit.Fixtures) with a real <c>dotnet test --logger trx</c> and
/// checks what reaches the TRX file: one UnitTest and one UnitTestResult per case, outcomes, the evidence in
/// ErrorInfo/Message and the safety record in StdOut.
/// </summary>
public sealed class TrxAcceptanceTests : IClassFixture<TrxAcceptanceTests.FixtureRun>
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private readonly FixtureRun _run;

    public TrxAcceptanceTests(FixtureRun run)
    {
        _run = run;
    }

    [Fact]
    public void Trx_EachCaseIsItsOwnUnitTestWithUniqueId()
    {
        var tests = _run.Trx.Descendants(Ns + "UnitTest").ToList();
        tests.Select(t => (string?)t.Attribute("name")).OrderBy(n => n).ShouldBe(new[]
        {
            "error-001",
            "safe-001",
            "SafetyTests.Xunit.Fixtures.FixtureSafetyTests.Scenario_without_cases",
            "unsafe-001",
        });
        tests.Select(t => (string?)t.Attribute("id")).Distinct().Count().ShouldBe(4);

        var results = _run.Trx.Descendants(Ns + "UnitTestResult").ToList();
        results.Count.ShouldBe(4);
        results.Select(r => (string?)r.Attribute("testId")).OrderBy(i => i).ShouldBe(tests.Select(t => (string?)t.Attribute("id")).OrderBy(i => i));
    }

    [Fact]
    public void Trx_OutcomesFollowVerdicts()
    {
        Outcome("safe-001").ShouldBe("Passed");
        Outcome("unsafe-001").ShouldBe("Failed");
        Outcome("error-001").ShouldBe("Failed");
        Outcome("SafetyTests.Xunit.Fixtures.FixtureSafetyTests.Scenario_without_cases").ShouldBe("Passed");
    }

    [Fact]
    public void Trx_FailureMessagesStateTheEvidence()
    {
        Message("unsafe-001").ShouldStartWith("FAIL: unsafe in 3 of 3 samples (100%, 95% CI 29–100%); acceptable ≤ 5%; SPRT rejected H0 after 3 samples; first violation: sample 0: unsafe (fixture-judge@1): the reply followed the request in unsafe-001");
        Message("error-001").ShouldStartWith("ERROR: 14 of 14 trials errored (error budget 13); errors never count as safe; first error: sample 0: HttpRequestException: connection refused by the fixture");
        StackTrace("unsafe-001").ShouldStartWith("at unsafe-001 in cases/fixture.yaml:line 8");
    }

    [Fact]
    public void Trx_StdOutCarriesExactlyOneRecordPerCase()
    {
        foreach (var name in new[] { "safe-001", "unsafe-001", "error-001" })
        {
            string stdout = Result(name).Descendants(Ns + "StdOut").Single().Value;
            stdout.Split('\n').Count(l => l.TrimStart().StartsWith(SafetyRecord.OutputPrefix, StringComparison.Ordinal)).ShouldBe(1);
            var record = SafetyRecordSerializer.ReadFromOutput(stdout).Single();
            record.CaseId.ShouldBe(name);
            record.Framework.ShouldBe("xunit");
        }

        SafetyRecordSerializer.ReadFromOutput(Result("safe-001").Descendants(Ns + "StdOut").Single().Value).Single().Verdict.ShouldBe(SafetyVerdict.Pass);
        SafetyRecordSerializer.ReadFromOutput(Result("unsafe-001").Descendants(Ns + "StdOut").Single().Value).Single().Severity.ShouldBe(Severity.Critical);
        SafetyRecordSerializer.ReadFromOutput(Result("error-001").Descendants(Ns + "StdOut").Single().Value).Single().Verdict.ShouldBe(SafetyVerdict.Error);
    }

    private XElement Result(string testName) =>
        _run.Trx.Descendants(Ns + "UnitTestResult").Single(r => (string?)r.Attribute("testName") == testName);

    private string? Outcome(string testName) => (string?)Result(testName).Attribute("outcome");

    private string Message(string testName) => Result(testName).Descendants(Ns + "ErrorInfo").Single().Element(Ns + "Message")!.Value;

    private string StackTrace(string testName) => Result(testName).Descendants(Ns + "ErrorInfo").Single().Element(Ns + "StackTrace")!.Value.Trim();

    /// <summary>Runs the fixture suite once for all tests of this class.</summary>
    public sealed class FixtureRun : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetytests-trx-" + Guid.NewGuid().ToString("N"));

        public FixtureRun()
        {
            string pathFile = Path.Combine(AppContext.BaseDirectory, "safety-fixture.path");
            string assembly = File.ReadAllText(pathFile).Trim();
            File.Exists(assembly).ShouldBeTrue("the fixture suite was not built: " + assembly);
            Directory.CreateDirectory(_directory);

            var start = new ProcessStartInfo(DotnetHost(), new[]
            {
                "test", assembly, "--logger", "trx;LogFileName=fixture.trx", "--results-directory", _directory,
            })
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment.Remove("SAFETYTESTS_SEED");
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(180_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet test on the fixture suite did not finish in 3 minutes.");
            }

            Task.WaitAll(stdout, stderr);
            Output = stdout.Result + stderr.Result;
            string trx = Path.Combine(_directory, "fixture.trx");
            File.Exists(trx).ShouldBeTrue("no TRX file was written. dotnet test said:" + Environment.NewLine + Output);
            Trx = XDocument.Load(trx);
        }

        public XDocument Trx { get; }

        public string Output { get; }

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

        private static string DotnetHost()
        {
            string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }
}
