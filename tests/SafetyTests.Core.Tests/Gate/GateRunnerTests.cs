using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SafetyTests.Baselines;
using SafetyTests.Core.Tests.Trx;
using SafetyTests.Gate;
using SafetyTests.Records;

namespace SafetyTests.Core.Tests.Gate;

public class GateRunnerTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static GateOptions Options(TempDirectory dir, GateHost host = GateHost.MSBuild, Action<Dictionary<string, string?>>? configure = null)
    {
        var values = new Dictionary<string, string?> { ["trx"] = "TestResults/**/*.trx", ["summary"] = "TestResults/safety-summary.md" };
        configure?.Invoke(values);
        return GateOptionsParser.Parse(values, dir.Path, host, out List<string> problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
    }

    private static List<SafetyRecord> Suite(int unsafeEach = 0)
    {
        var records = new List<SafetyRecord>();
        for (int i = 0; i < 12; i++)
        {
            records.Add(Cases.Record($"c{i:00}", 20, i % 3 == 0 ? unsafeEach : 0, category: "cat" + (i % 3), severity: i == 0 ? Severity.Critical : Severity.Medium));
        }

        return records;
    }

    private static void WriteRun(TempDirectory dir, IEnumerable<SafetyRecord> records, int shards = 1)
    {
        string results = dir.Combine("TestResults");
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        List<SafetyRecord> list = records.ToList();
        for (int s = 0; s < shards; s++)
        {
            var builder = new TrxBuilder();
            for (int i = s; i < list.Count; i += shards)
            {
                builder.Add(list[i]);
            }

            builder.WriteTo(dir.Combine("TestResults", "shard" + s, "run.trx"));
        }
    }

    [Fact]
    public void Run_FirstRunWithoutBaseline_FailsWritesReceivedAndSaysHowToAccept()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());

        GateRun run = GateRunner.Run(Options(dir), NoEnvironment);

        run.ExitCode.ShouldBe(1);
        GateDiagnostic first = run.Decision.Diagnostics[0];
        first.Code.ShouldBe("SAFE001");
        first.Message.ShouldBe($"No safety baseline at {dir.Combine("safety-baseline.json")}: this looks like the first gated run. This run (12 cases) was written to {dir.Combine("safety-baseline.received.json")}. Review it, then create the baseline: dotnet msbuild -t:SafetyGate -p:SafetyAcceptBaseline=true (re-gates this run's TRX files and writes the baseline; or dotnet test -p:SafetyAcceptBaseline=true), then commit safety-baseline.json. Until a baseline exists the gate cannot tell a regression from the normal state.");
        File.Exists(dir.Combine("safety-baseline.received.json")).ShouldBeTrue();
        File.Exists(dir.Combine("safety-baseline.json")).ShouldBeFalse();
        File.ReadAllText(dir.Combine("TestResults", "safety-summary.md")).ShouldStartWith("## ❌ Safety gate failed — 1 error, 0 warnings");
    }

    [Fact]
    public void Run_ToolHost_FirstRunNamesTheToolCommand()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());

        GateRun run = GateRunner.Run(Options(dir, GateHost.Tool), NoEnvironment);

        run.Decision.Diagnostics[0].Message.ShouldContain("create the baseline: safety baseline accept --baseline safety-baseline.json, then commit it.");
    }

    [Fact]
    public void Run_AcceptThenUnchangedRerun_PassesWithoutReceivedFile()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        GateRunner.Run(Options(dir), NoEnvironment).ExitCode.ShouldBe(1);

        GateRun accepted = GateRunner.Run(Options(dir, configure: v => v["accept"] = "true"), NoEnvironment);
        accepted.ExitCode.ShouldBe(0);
        accepted.Decision.Accepted.ShouldBeTrue();
        accepted.Decision.Diagnostics.Single(d => d.Code == "SAFE021").Message.ShouldContain("(created)");
        File.Exists(dir.Combine("safety-baseline.received.json")).ShouldBeFalse();

        GateRun rerun = GateRunner.Run(Options(dir), NoEnvironment);
        rerun.ExitCode.ShouldBe(0);
        rerun.Decision.ReceivedWritten.ShouldBeNull();
        rerun.Decision.Diagnostics.Last().Message.ShouldStartWith("Safety gate passed: 0 errors, 0 warnings; 12 cases from 1 TRX file, severity-weighted failure rate 0.0% (baseline 0.0%)");
    }

    [Fact]
    public void Run_ChangedRun_WritesReceivedAndAcceptPromotesIt()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        GateRunner.Run(Options(dir, configure: v => v["accept"] = "true"), NoEnvironment);
        WriteRun(dir, Suite(unsafeEach: 1));

        GateRun run = GateRunner.Run(Options(dir), NoEnvironment);

        run.ExitCode.ShouldBe(0);
        string received = dir.Combine("safety-baseline.received.json");
        run.Decision.ReceivedWritten.ShouldBe(received);
        run.Decision.Diagnostics.Single(d => d.Code == "SAFE020").Message.ShouldStartWith("This run differs from the baseline (0 new, 0 regressed, 0 worsened in verdict only, 0 improved, 0 removed, 0 changed, 12 unchanged cases); wrote " + received);

        GateDiagnostic accepted = GateRunner.AcceptReceived(dir.Combine("safety-baseline.json"), GateHost.Tool);
        accepted.Code.ShouldBe("SAFE021");
        File.Exists(received).ShouldBeFalse();
        BaselineFiles.TryRead(dir.Combine("safety-baseline.json"))!.Cases.Sum(c => c.Unsafe).ShouldBe(4);
        GateRunner.AcceptReceived(dir.Combine("safety-baseline.json"), GateHost.Tool).Code.ShouldBe("SAFE001");
    }

    [Fact]
    public void Run_Regression_FailsAndStillWritesReceived()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        GateRunner.Run(Options(dir, configure: v => v["accept"] = "true"), NoEnvironment);
        WriteRun(dir, Suite(unsafeEach: 12).Select(r => { r.Verdict = r.Unsafe > 0 ? SafetyVerdict.Fail : SafetyVerdict.Pass; return r; }));

        GateRun run = GateRunner.Run(Options(dir), NoEnvironment);

        run.ExitCode.ShouldBe(1);
        run.Decision.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Code).Distinct().OrderBy(c => c).ShouldBe(new[] { "SAFE012" });
        File.Exists(dir.Combine("safety-baseline.received.json")).ShouldBeTrue();
        string md = File.ReadAllText(dir.Combine("TestResults", "safety-summary.md"));
        md.ShouldContain("### Regressed cases (4)");
        md.ShouldContain("| overall | failure-rate | 12 |");
        md.ShouldContain("| cat0 |  | 4 | 80 | 4 | 0 | 0 | 0.0% | 60.0% |");
        md.ShouldContain("| overall | failure-rate | 12 |");
    }

    [Fact]
    public void Run_VerdictFlipWithoutSignificance_IsWorsenedNotRegressed()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        GateRunner.Run(Options(dir, configure: v => v["accept"] = "true"), NoEnvironment);
        List<SafetyRecord> rerun = Suite();
        rerun[4] = Cases.Record("c04", 20, 2, SafetyVerdict.Fail, category: "cat1", severity: Severity.Medium);
        WriteRun(dir, rerun);

        GateRun run = GateRunner.Run(Options(dir), NoEnvironment);

        run.ExitCode.ShouldBe(0);
        run.Decision.CountStatus(CaseStatus.Worsened).ShouldBe(1);
        run.Decision.CountStatus(CaseStatus.Regressed).ShouldBe(0);
        run.Decision.Diagnostics.Single(d => d.Code == "SAFE020").Message.ShouldContain("(0 new, 0 regressed, 1 worsened in verdict only, 0 improved,");
        string md = File.ReadAllText(dir.Combine("TestResults", "safety-summary.md"));
        md.ShouldContain("| new | regressed | worsened (verdict only) | improved | removed | changed | unchanged |");
        md.ShouldContain("| 0 | 0 | 1 | 0 | 0 | 0 | 11 |");
        md.ShouldContain("### Worse verdict only, not significantly worse (1)");
        md.ShouldNotContain("### Regressed cases");
        string json = DecisionJson.Render(run.Decision, run.ExitCode);
        json.ShouldContain("\"worsened\": 1");
        json.ShouldContain("\"status\": \"worsened\"");
    }

    [Fact]
    public void Run_ShardedFiles_GiveTheSameDecisionAsOneFile()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        GateRunner.Run(Options(dir, configure: v => v["accept"] = "true"), NoEnvironment);
        List<SafetyRecord> candidate = Suite(unsafeEach: 3);

        WriteRun(dir, candidate, shards: 1);
        GateRun single = GateRunner.Run(Options(dir), NoEnvironment);
        WriteRun(dir, candidate, shards: 4);
        GateRun sharded = GateRunner.Run(Options(dir), NoEnvironment);

        sharded.Decision.Files.Count.ShouldBe(4);
        sharded.Decision.Diagnostics.Where(d => d.Code != "SAFE022").Select(d => d.ToString()).ShouldBe(single.Decision.Diagnostics.Where(d => d.Code != "SAFE022").Select(d => d.ToString()));
        string Strip(string json) => string.Join("\n", json.Split('\n').Where(l => !l.Contains(".trx", StringComparison.Ordinal) && !l.Contains("Safety gate passed", StringComparison.Ordinal)));
        Strip(DecisionJson.Render(sharded.Decision, sharded.ExitCode)).ShouldBe(Strip(DecisionJson.Render(single.Decision, single.ExitCode)));
    }

    [Fact]
    public void Run_DuplicateAcrossShards_IsBadInputAndWritesNothing()
    {
        using var dir = new TempDirectory();
        new TrxBuilder().Add(Cases.Record("a", 5, 0)).WriteTo(dir.Combine("TestResults", "1", "r.trx"));
        new TrxBuilder().Add(Cases.Record("a", 5, 0)).WriteTo(dir.Combine("TestResults", "2", "r.trx"));

        GateRun run = GateRunner.Run(Options(dir), NoEnvironment);

        run.ExitCode.ShouldBe(2);
        run.Decision.Diagnostics[0].Code.ShouldBe("SAFE005");
        File.Exists(dir.Combine("safety-baseline.received.json")).ShouldBeFalse();
    }

    [Fact]
    public void Run_AcceptWithBadInput_NeverWritesTheBaseline()
    {
        using var dir = new TempDirectory();
        new TrxBuilder().AddRaw("T.x", "Failed", SafetyRecord.OutputPrefix + "{broken").WriteTo(dir.Combine("TestResults", "r.trx"));

        GateRun run = GateRunner.Run(Options(dir, configure: v => v["accept"] = "true"), NoEnvironment);

        run.ExitCode.ShouldBe(2);
        File.Exists(dir.Combine("safety-baseline.json")).ShouldBeFalse();
    }

    [Fact]
    public void Run_NoRecords_IsBadInput()
    {
        using var dir = new TempDirectory();
        new TrxBuilder().AddRaw("T.Unit", "Passed", "hello").WriteTo(dir.Combine("TestResults", "r.trx"));

        GateRun run = GateRunner.Run(Options(dir), NoEnvironment);

        run.ExitCode.ShouldBe(2);
        run.Decision.Diagnostics[0].Message.ShouldStartWith($"The 1 TRX file hold 1 test result but no safety record");
    }

    [Fact]
    public void Run_GlobMatchesNothing_IsBadInput()
    {
        using var dir = new TempDirectory();

        GateRun run = GateRunner.Run(Options(dir), NoEnvironment);

        run.ExitCode.ShouldBe(2);
        run.Decision.Diagnostics[0].Message.ShouldStartWith("No TRX file matches 'TestResults/**/*.trx'");
    }

    [Fact]
    public void Run_CorruptBaseline_IsBadInput()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        File.WriteAllText(dir.Combine("safety-baseline.json"), "{\"schema\": \"safetytests-baseline\", \"schemaVersion\": 1, \"cases\": [");

        GateRun run = GateRunner.Run(Options(dir), NoEnvironment);

        run.ExitCode.ShouldBe(2);
        GateDiagnostic error = run.Decision.Diagnostics[0];
        error.Code.ShouldBe("SAFE006");
        error.Message.ShouldStartWith($"Invalid baseline file {dir.Combine("safety-baseline.json")}: unexpected end of text, expected a value or ']' at line 1, column 66.");
        error.Message.ShouldContain("Restore it from version control");
    }

    [Fact]
    public void Run_UnderGitHubActionsAndAzurePipelines_WritesStepSummaryAndLoggingCommands()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        string stepSummary = dir.Combine("step-summary.md");
        File.WriteAllText(stepSummary, "earlier step\n");
        var env = new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = stepSummary, ["TF_BUILD"] = "True" };

        GateRun run = GateRunner.Run(Options(dir), name => env.TryGetValue(name, out string? v) ? v : null);

        File.ReadAllText(stepSummary).ShouldStartWith("earlier step\n## ❌ Safety gate failed");
        run.AzureCommands[0].ShouldStartWith($"##vso[task.logissue type=error;sourcepath={dir.Combine("safety-baseline.json")};code=SAFE001;]SAFE001: No safety baseline at");
        run.AzureCommands[^1].ShouldBe("##vso[task.uploadsummary]" + dir.Combine("TestResults", "safety-summary.md"));
    }

    [Fact]
    public void Run_AcceptOnACrashedRun_IsBadInputAndWritesNoBaseline()
    {
        // Issue 12: the test host crashed after half of the cases; the gate accepted the half run as the baseline.
        using var dir = new TempDirectory();
        var builder = new TrxBuilder { RunOutcome = "Failed" };
        foreach (SafetyRecord record in Suite().Take(6))
        {
            builder.Add(record);
        }

        builder.RunInfos.Add(("Error", "The active test run was aborted. Reason: Test host process crashed : Process terminated."));
        string trx = builder.WriteTo(dir.Combine("TestResults", "run.trx"));

        GateRun run = GateRunner.Run(Options(dir, GateHost.Tool, v => v["accept"] = "true"), NoEnvironment);

        run.ExitCode.ShouldBe(2);
        run.Decision.Accepted.ShouldBeFalse();
        GateDiagnostic error = run.Decision.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldHaveSingleItem();
        error.Code.ShouldBe("SAFE003");
        error.Message.ShouldStartWith($"The test run in {trx} did not complete: a run-level error: \"The active test run was aborted. Reason: Test host process crashed : Process terminated.\".");
        run.Decision.Diagnostics.ShouldNotContain(d => d.Code == "SAFE021");
        File.Exists(dir.Combine("safety-baseline.json")).ShouldBeFalse();
        File.Exists(dir.Combine("safety-baseline.received.json")).ShouldBeFalse();
    }

    [Fact]
    public void Run_VerdictEditedToPass_IsBadInputInsteadOfAPassingGate()
    {
        // A failing critical case whose record was edited to "pass" must not turn the failing gate into a pass.
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        GateRunner.Run(Options(dir, configure: v => v["accept"] = "true"), NoEnvironment).ExitCode.ShouldBe(0);
        List<SafetyRecord> failing = Suite(unsafeEach: 5);
        failing.Where(r => r.Unsafe > 0).ToList().ForEach(r => r.Verdict = SafetyVerdict.Fail);
        WriteRun(dir, failing);
        GateRunner.Run(Options(dir), NoEnvironment).ExitCode.ShouldBe(1);
        string trx = dir.Combine("TestResults", "shard0", "run.trx");
        File.WriteAllText(trx, File.ReadAllText(trx).Replace("&quot;verdict&quot;:&quot;fail&quot;", "&quot;verdict&quot;:&quot;pass&quot;", StringComparison.Ordinal).Replace("\"verdict\":\"fail\"", "\"verdict\":\"pass\"", StringComparison.Ordinal).Replace("outcome=\"Failed\"", "outcome=\"Passed\"", StringComparison.Ordinal));

        GateRun run = GateRunner.Run(Options(dir), NoEnvironment);

        run.ExitCode.ShouldBe(2);
        List<GateDiagnostic> errors = run.Decision.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        errors.Count.ShouldBe(4);
        errors.ShouldAllBe(d => d.Code == "SAFE008" && d.File == trx);
        errors[0].Message.ShouldContain("its safety record says 'pass' after 5 unsafe of 20 samples");
    }

    [Fact]
    public void AzureDevOpsCommands_EscapeData_EscapesNewlinesAndPercent()
    {
        AzureDevOpsCommands.EscapeData("50%\r\nnext").ShouldBe("50%AZP25%0D%0Anext");
        AzureDevOpsCommands.EscapeProperty("a;b]c").ShouldBe("a%3Bb%5Dc");
    }
}
