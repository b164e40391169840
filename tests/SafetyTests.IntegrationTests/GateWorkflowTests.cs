using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafetyTests.IntegrationTests;

/// <summary>
/// The gate as a user meets it: the sample suite referencing the packed SafetyTests.Xunit and SafetyTests.MSBuild, driven by
/// `dotnet test` and `dotnet msbuild -t:SafetyGate`.
/// </summary>
public class GateWorkflowTests : IClassFixture<PackedFeedFixture>
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
        File.Exists(received).ShouldBeTrue();
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

    /// <summary>The summary without the line that counts TRX files (one file vs two shards).</summary>
    private static string Normalize(string markdown) =>
        string.Join("\n", markdown.Split('\n').Where(l => !l.Contains("TRX file", System.StringComparison.Ordinal)));
}
