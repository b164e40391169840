using System.Collections.Generic;
using System.Globalization;
using SafetyTests.Core.Tests.Gate;
using SafetyTests.Gate;
using SafetyTests.Records;
using SafetyTests.Trx;

namespace SafetyTests.Core.Tests.Trx;

/// <summary>The signals of a TRX file whose test run did not complete (crashed or killed test host, abort, timeout).</summary>
public class TrxReaderRunTests
{
    private const string CrashText = "The active test run was aborted. Reason: Test host process crashed : Process terminated.\ncrash\n   at System.Environment.FailFast(System.String)";

    private static TrxBuilder Suite(int cases, int failing = 0)
    {
        var builder = new TrxBuilder();
        for (int i = 0; i < cases; i++)
        {
            builder.Add(i < failing ? Cases.Record("c" + i.ToString("000", CultureInfo.InvariantCulture), 20, 5, SafetyVerdict.Fail) : Cases.Record("c" + i.ToString("000", CultureInfo.InvariantCulture), 14, 0));
        }

        return builder;
    }

    private static GateDiagnostic SingleProblem(TrxBuilder builder, out string file)
    {
        var dir = new TempDirectory();
        file = builder.WriteTo(dir.Combine("run.trx"));
        TrxReadResult result = TrxReader.Read(new[] { file });
        GateDiagnostic problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("SAFE003");
        problem.Severity.ShouldBe(DiagnosticSeverity.Error);
        problem.File.ShouldBe(file);
        problem.Message.ShouldStartWith($"The test run in {file} did not complete: ");
        problem.Message.ShouldContain("run the tests again");
        dir.Dispose();
        return problem;
    }

    [Fact]
    public void Read_CrashedTestHost_IsIncompleteNamingTheRunLevelError()
    {
        // As the VSTest TRX logger writes it when the test host dies: outcome Failed, one Error RunInfo, counters that
        // count only the results that arrived.
        TrxBuilder builder = Suite(50, failing: 0);
        builder.RunOutcome = "Failed";
        builder.RunInfos.Add(("Error", CrashText));

        GateDiagnostic problem = SingleProblem(builder, out string file);

        problem.Message.ShouldBe($"The test run in {file} did not complete: a run-level error: \"The active test run was aborted. Reason: Test host process crashed : Process terminated.\". Its 50 results are only part of the run, so it is neither gated nor accepted as a baseline. Find out why the run ended early (a crashed or killed test host, an abort, a timeout: see the dotnet test output, or rerun with --blame), fix it and run the tests again to write a complete TRX file.");
    }

    [Fact]
    public void Read_RunWithFailingTests_IsComplete()
    {
        // A normal run with a failed test and a skipped one: outcome Failed, xUnit's per-test [FAIL] notice as an Error
        // RunInfo and its [SKIP] notice as a Warning; the skipped test is neither executed nor counted as notExecuted.
        TrxBuilder builder = Suite(3, failing: 1);
        builder.AddRaw("Tests.Unit.Skipped", "NotExecuted", null);
        builder.RunOutcome = "Failed";
        builder.RunInfos.Add(("Warning", "[xUnit.net 00:00:00.36]     Tests.Unit.Skipped [SKIP]"));
        builder.RunInfos.Add(("Error", "[xUnit.net 00:00:00.37]     Tests.Safety.Refuses(c: c000) [FAIL]"));
        builder.Counters = new Dictionary<string, string> { ["total"] = "4", ["executed"] = "3", ["passed"] = "2", ["failed"] = "1", ["error"] = "0", ["notExecuted"] = "0" };
        using var dir = new TempDirectory();
        string file = builder.WriteTo(dir.Combine("run.trx"));

        TrxReadResult result = TrxReader.Read(new[] { file });

        result.Problems.ShouldBeEmpty();
        result.Cases.Count.ShouldBe(3);
    }

    [Fact]
    public void Read_FailNoticeOfATestNamedLikeACrash_IsComplete()
    {
        TrxBuilder builder = Suite(2);
        builder.RunOutcome = "Failed";
        builder.RunInfos.Add(("Error", "[xUnit.net 00:00:00.37]     Tests.Unit.Test_host_process_crashed_handling [FAIL]"));
        using var dir = new TempDirectory();

        TrxReader.Read(new[] { builder.WriteTo(dir.Combine("run.trx")) }).Problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("The active test run was aborted. Reason: Test host process exited with error: ...", "The active test run was aborted. Reason: Test host process exited with error: ...")]
    [InlineData("Canceling test run: test run timeout of 60000 milliseconds exceeded.", "Canceling test run: test run timeout of 60000 milliseconds exceeded.")]
    [InlineData("Test Run Aborted.", "Test Run Aborted.")]
    public void Read_RunLevelErrorOfAnEarlyEnd_IsIncomplete(string text, string quoted)
    {
        TrxBuilder builder = Suite(2);
        builder.RunOutcome = "Failed";
        builder.RunInfos.Add(("Error", text));

        SingleProblem(builder, out _).Message.ShouldContain($"a run-level error: \"{quoted}\"");
    }

    [Theory]
    [InlineData("Aborted")]
    [InlineData("Error")]
    [InlineData("Timeout")]
    [InlineData("PassedButRunAborted")]
    [InlineData("InProgress")]
    public void Read_IncompleteRunOutcome_IsIncomplete(string outcome)
    {
        TrxBuilder builder = Suite(2);
        builder.RunOutcome = outcome;

        SingleProblem(builder, out _).Message.ShouldContain($"ResultSummary outcome=\"{outcome}\"");
    }

    [Theory]
    [InlineData("error")]
    [InlineData("aborted")]
    [InlineData("timeout")]
    public void Read_CounterOfBrokenResults_IsIncomplete(string counter)
    {
        TrxBuilder builder = Suite(2);
        builder.Counters = new Dictionary<string, string> { ["total"] = "2", ["executed"] = "2", ["passed"] = "2", [counter] = "1" };

        SingleProblem(builder, out _).Message.ShouldContain($"Counters {counter}=\"1\"");
    }

    [Fact]
    public void Read_TotalCounterAboveTheResults_IsIncomplete()
    {
        TrxBuilder builder = Suite(50);
        builder.Counters = new Dictionary<string, string> { ["total"] = "100", ["executed"] = "50", ["passed"] = "50" };

        SingleProblem(builder, out _).Message.ShouldContain("Counters total=\"100\" but the file holds 50 results");
    }

    [Fact]
    public void Read_ExecutedCounterAboveTheResults_IsIncomplete()
    {
        TrxBuilder builder = Suite(2);
        builder.Counters = new Dictionary<string, string> { ["total"] = "2", ["executed"] = "3", ["passed"] = "2" };

        SingleProblem(builder, out _).Message.ShouldContain("Counters executed=\"3\" but the file holds 2 results");
    }

    [Fact]
    public void Read_NotExecutedCounterAboveTheSkippedResults_IsIncomplete()
    {
        TrxBuilder builder = Suite(2);
        builder.Counters = new Dictionary<string, string> { ["total"] = "2", ["executed"] = "2", ["passed"] = "2", ["notExecuted"] = "4" };

        SingleProblem(builder, out _).Message.ShouldContain("Counters notExecuted=\"4\" but the file holds 0 results with outcome NotExecuted");
    }

    [Fact]
    public void Read_MoreTestDefinitionsThanResults_IsIncomplete()
    {
        TrxBuilder builder = Suite(3);
        builder.ExtraDefinitions = 2;

        SingleProblem(builder, out _).Message.ShouldContain("TestDefinitions defines 5 tests but the file holds 3 results");
    }

    [Fact]
    public void Read_NoResultSummary_IsIncomplete()
    {
        TrxBuilder builder = Suite(2);
        builder.WriteSummary = false;

        SingleProblem(builder, out _).Message.ShouldContain("it has no ResultSummary");
    }

    [Fact]
    public void Read_SeveralSignals_AreAllNamedInOneMessage()
    {
        TrxBuilder builder = Suite(50);
        builder.RunOutcome = "Aborted";
        builder.RunInfos.Add(("Error", CrashText));
        builder.Counters = new Dictionary<string, string> { ["total"] = "100", ["executed"] = "50", ["aborted"] = "1" };

        string message = SingleProblem(builder, out _).Message;

        message.ShouldContain("ResultSummary outcome=\"Aborted\"; a run-level error: \"The active test run was aborted. Reason: Test host process crashed : Process terminated.\"; Counters aborted=\"1\"; Counters total=\"100\" but the file holds 50 results.");
    }
}
