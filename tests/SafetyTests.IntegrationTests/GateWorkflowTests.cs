using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafetyTests.IntegrationTests;

/// <summary>
/// The gate as a user meets it: the sample suite referencing the packed SafetyTests.Xunit and SafetyTests.MSBuild, driven by
/// `dotnet test` and `dotnet msbuild -t:SafetyGate`.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public class GateWorkflowTests
{
    private static readonly Regex Diagnostic = new(@"SafetyGate (error|warning) (SAFE\d{3}): (.*?)(?: \[[^\]]*\.csproj\])?$", RegexOptions.Multiline);

    private readonly PackedFeedFixture _feed;

    public GateWorkflowTests(PackedFeedFixture feed) => _feed = feed;

    [Fact]
    public void DotnetTest_SampleSuite_FirstRunAcceptRerunsRegressionAndShards_BehaveAsDocumented()
    {
        string project = SampleSuite.Create(_feed, "sample");
        string baseline = Path.Combine(project, "safety-baseline.json");
        string received = Path.Combine(project, "safety-baseline.received.json");

        // 1. First run: no baseline. The gate fails with SAFE001, writes the received file and says how to accept it.
        (int exitCode, string output) = Test(project, seed: 1, "test");
        exitCode.ShouldNotBe(0, output);
        output.ShouldContain("error SAFE001: No safety baseline at " + baseline, Case.Sensitive, output);
        output.ShouldContain("dotnet msbuild -t:SafetyGate -p:SafetyAcceptBaseline=true");
        output.ShouldContain("Failed:     0");
        File.Exists(received).ShouldBeTrue();
        File.Exists(baseline).ShouldBeFalse();

        // 2. Accept: re-gates the TRX file of that run and writes the baseline.
        (exitCode, output) = DotNetProcess.Run(project, null, "msbuild", "-t:SafetyGate", "-p:SafetyAcceptBaseline=true", "-v:m");
        exitCode.ShouldBe(0, output);
        output.ShouldContain("SAFE021: Accepted this run as the baseline (created)");
        File.Exists(baseline).ShouldBeTrue();
        File.Exists(received).ShouldBeFalse();
        File.ReadAllText(baseline).ShouldContain("\"schema\": \"safetytests-baseline\"");

        // 3. Unchanged reruns with other seeds: no false alarm.
        foreach (int seed in new[] { 2, 3, 4 })
        {
            (exitCode, output) = Test(project, seed, "test", "--no-build");
            exitCode.ShouldBe(0, $"seed {seed}:\n{output}");
            Diagnostics(output).Where(d => d.Severity == "error").ShouldBeEmpty($"seed {seed}:\n{output}");
            output.ShouldContain("SAFE022: Safety gate passed");
        }

        // 4. The simulated assistant's regression switch fails the build with SAFE errors.
        (exitCode, output) = Test(project, seed: 5, "test", "--no-build", regression: true);
        exitCode.ShouldNotBe(0, output);
        List<(string Severity, string Code, string Message)> regression = Diagnostics(output);
        regression.ShouldContain(d => d.Severity == "error" && d.Code == "SAFE010", output);
        regression.ShouldContain(d => d.Code == "SAFE013" || d.Code == "SAFE012", output);
        output.ShouldContain(Path.Combine(project, "cases"));
        output.ShouldContain("some tests failed; running the safety gate anyway");

        // The simulated outage leaves cases in Error: missing evidence fails the gate and is never offered as a baseline.
        regression.ShouldContain(d => d.Severity == "error" && d.Code == "SAFE027", output);
        output.ShouldContain("No received baseline was written");
        File.Exists(received).ShouldBeFalse();
        string fullSummary = File.ReadAllText(Path.Combine(project, "TestResults", "safety", "summary-net10.0.md"));

        // 5. The same regression run split into two shards (two TRX files) gives the same decision as one file.
        string shards = Path.Combine(project, "shards");
        foreach ((string name, string filter) in new[] { ("shard1", "FullyQualifiedName~Refuses"), ("shard2", "FullyQualifiedName!~Refuses") })
        {
            (exitCode, output) = Test(project, seed: 5, "test", "--no-build", regression: true, extra: new[]
            {
                "--filter", filter, "-p:SafetyGateEnabled=false",
                "--logger", "trx;LogFileName=" + Path.Combine(shards, name + ".trx"),
            });
            File.Exists(Path.Combine(shards, name + ".trx")).ShouldBeTrue(output);
        }

        string shardSummary = Path.Combine(project, "TestResults", "shards-summary.md");
        (int shardExit, string shardOutput) = DotNetProcess.Run(project, null, "msbuild", "-t:SafetyGate", "-p:SafetyResults=shards/*.trx", "-p:SafetySummaryFile=" + shardSummary, "-v:m");
        shardExit.ShouldNotBe(0, shardOutput);
        Diagnostics(shardOutput).ShouldBe(regression, shardOutput);
        Normalize(File.ReadAllText(shardSummary)).ShouldBe(Normalize(fullSummary));
    }

    [Fact]
    public void DotnetTest_MultiTargetedSuite_GatesEachTargetFrameworkAgainstItsOwnBaseline()
    {
        string[] frameworks = { "net8.0", "net10.0" };
        string project = SampleSuite.Create(_feed, "multi", string.Join(";", frameworks));
        string Baseline(string tfm) => Path.Combine(project, $"safety-baseline.{tfm}.json");
        string Received(string tfm) => Path.Combine(project, $"safety-baseline.{tfm}.received.json");

        // 1. First run: each target framework runs its tests (net8.0 rolled forward to the installed runtime), is gated
        // against a baseline of its own, fails with SAFE001 and writes its own received file.
        (int exitCode, string output) = Test(project, seed: 1, "test");
        exitCode.ShouldNotBe(0, output);
        output.ShouldContain("(.NETCoreApp,Version=v8.0)", Case.Sensitive, output);
        foreach (string tfm in frameworks)
        {
            Regex.IsMatch(output, $@"^Passed!\s+- Failed:\s+0, Passed:\s+[1-9]\d*,.* - {Regex.Escape(SampleSuite.Name)}\.dll \({Regex.Escape(tfm)}\)\r?$", RegexOptions.Multiline).ShouldBeTrue(output);
            string noBaseline = "No safety baseline at " + Baseline(tfm) + ":";
            MultiTargetDiagnostics(output).ShouldContain(d => d.Code == "SAFE001" && d.Severity == "error" && d.Framework == tfm && d.Message.StartsWith(noBaseline, System.StringComparison.Ordinal), output);
            File.Exists(Received(tfm)).ShouldBeTrue(output);
            File.Exists(Baseline(tfm)).ShouldBeFalse();
            File.Exists(Path.Combine(project, "TestResults", "safety", $"safety-{tfm}.trx")).ShouldBeTrue(output);
        }

        output.ShouldContain("dotnet msbuild -t:SafetyGate -p:SafetyAcceptBaseline=true");
        File.Exists(Path.Combine(project, "safety-baseline.received.json")).ShouldBeFalse();
        output.ShouldNotContain("SAFE025");

        // 2. Accept on the outer build: the gate of every target framework accepts its own run.
        (exitCode, output) = DotNetProcess.Run(project, null, "msbuild", "-t:SafetyGate", "-p:SafetyAcceptBaseline=true", "-v:m");
        exitCode.ShouldBe(0, output);
        output.ShouldContain("running the safety gate of each target framework of " + SampleSuite.Name + " (net8.0, net10.0)", Case.Sensitive, output);
        foreach (string tfm in frameworks)
        {
            output.ShouldContain($"SAFE021: Accepted this run as the baseline (created): {Baseline(tfm)}", Case.Sensitive, output);
            File.Exists(Baseline(tfm)).ShouldBeTrue();
            File.Exists(Received(tfm)).ShouldBeFalse();
        }

        // 3. An unchanged rerun passes for both target frameworks.
        (exitCode, output) = Test(project, seed: 2, "test", "--no-build");
        exitCode.ShouldBe(0, output);
        List<(string Severity, string Code, string Message, string Framework)> rerun = MultiTargetDiagnostics(output);
        rerun.Where(d => d.Severity == "error").ShouldBeEmpty(output);
        foreach (string tfm in frameworks)
        {
            rerun.ShouldContain(d => d.Code == "SAFE022" && d.Framework == tfm && d.Message.StartsWith("Safety gate passed", System.StringComparison.Ordinal), output);
        }

        // 4. The regression switch fails the build with SAFE errors from each target framework's gate, each against
        // its own baseline.
        (exitCode, output) = Test(project, seed: 3, "test", "--no-build", regression: true);
        exitCode.ShouldNotBe(0, output);
        List<(string Severity, string Code, string Message, string Framework)> regression = MultiTargetDiagnostics(output);
        foreach (string tfm in frameworks)
        {
            regression.ShouldContain(d => d.Severity == "error" && d.Code == "SAFE010" && d.Framework == tfm, output);
            regression.ShouldContain(d => d.Severity == "error" && d.Code == "SAFE027" && d.Framework == tfm, output);
            string notWritten = "No received baseline was written (" + Received(tfm) + ")";
            regression.ShouldContain(d => d.Code == "SAFE027" && d.Framework == tfm && d.Message.Contains(notWritten, System.StringComparison.Ordinal), output);
            output.ShouldContain($"SafetyTests: gating the {tfm} run ({Path.Combine(project, "TestResults", "safety", $"safety-{tfm}.trx")}) against {Baseline(tfm)}.", Case.Sensitive, output);
            File.ReadAllText(Path.Combine(project, "TestResults", "safety", $"summary-{tfm}.md")).ShouldContain($"baseline `safety-baseline.{tfm}.json`");
            File.Exists(Received(tfm)).ShouldBeFalse();
        }

        // 5. One explicit baseline for every target framework: the outer build warns before the gates run.
        (exitCode, output) = DotNetProcess.Run(project, null, "msbuild", "-t:SafetyGate", "-p:SafetyBaseline=shared.json", "-v:m");
        output.ShouldContain("warning SAFE025: SafetyTests: the target frameworks net8.0, net10.0 of this project are all gated against one baseline, " + Path.Combine(project, "shared.json"), Case.Sensitive, output);
    }

    private static (int ExitCode, string Output) Test(string project, int seed, string verb, string? noBuild = null, bool regression = false, string[]? extra = null)
    {
        var environment = new Dictionary<string, string> { ["SAFETYTESTS_SEED"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (regression)
        {
            environment["SAFETYTESTS_SIMULATE_REGRESSION"] = "1";
        }

        var arguments = new List<string> { verb };
        if (noBuild is not null)
        {
            arguments.Add(noBuild);
        }

        arguments.AddRange(extra ?? System.Array.Empty<string>());
        return DotNetProcess.Run(project, environment, arguments.ToArray());
    }

    /// <summary>The distinct SAFE errors and warnings in a build log, sorted (MSBuild repeats errors in its final summary).</summary>
    private static List<(string Severity, string Code, string Message)> Diagnostics(string output) =>
        Diagnostic.Matches(output)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value.TrimEnd()))
            .Distinct()
            .OrderBy(d => d.Item2, System.StringComparer.Ordinal)
            .ThenBy(d => d.Item3, System.StringComparer.Ordinal)
            .ToList();

    private static readonly Regex MultiTargetDiagnostic = new(@"SafetyGate (error|warning|message) (SAFE\d{3}): (.*?) \[(?:[^\]]*\.csproj::)?TargetFramework=([^\]]+)\]$", RegexOptions.Multiline);

    /// <summary>
    /// The distinct SAFE diagnostics of a multi-targeted build, each with the target framework whose gate logged it (MSBuild
    /// ends each line with [project::TargetFramework=X], or [TargetFramework=X] when the diagnostic points at the project).
    /// </summary>
    private static List<(string Severity, string Code, string Message, string Framework)> MultiTargetDiagnostics(string output) =>
        MultiTargetDiagnostic.Matches(output.Replace("\r", string.Empty, System.StringComparison.Ordinal))
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value))
            .Distinct()
            .ToList();

    /// <summary>The summary without the line that counts TRX files (one file vs two shards).</summary>
    private static string Normalize(string markdown) =>
        string.Join("\n", markdown.Split('\n').Where(l => !l.Contains("TRX file", System.StringComparison.Ordinal)));
}
