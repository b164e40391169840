using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GateCases = SafetyTests.Core.Tests.Gate.Cases;
using SafetyTests.Core.Tests.Trx;
using SafetyTests.Records;
using SafetyTests.Tool.CommandLine;
using SafetyTests.Tool.Commands;

namespace SafetyTests.Tool.Tests.Commands;

public class GateCommandTests
{
    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(TempDirectory dir, params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await new GateCommand(_ => null, dir.Path).RunAsync(arguments, new CommandConsole(output, error), CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task<(int ExitCode, string Out, string Error)> AcceptAsync(TempDirectory dir, params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await new BaselineCommand(dir.Path).RunAsync(arguments, new CommandConsole(output, error), CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static void WriteRun(TempDirectory dir, string name, int unsafeCount)
    {
        var builder = new TrxBuilder();
        for (int i = 0; i < 6; i++)
        {
            int u = i < 3 ? unsafeCount : 0;
            builder.Add(GateCases.Record($"c{i}", 20, u, u > 3 ? SafetyVerdict.Fail : SafetyVerdict.Pass, severity: Severity.Critical));
        }

        builder.WriteTo(dir.Combine("results", name));
    }

    [Fact]
    public async Task RunAsync_FirstRunThenAcceptThenRerun_ExitCodes1Then0()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, "run.trx", 0);

        (int first, string firstOut, _) = await RunAsync(dir, "--trx", "results/*.trx");
        first.ShouldBe(1);
        firstOut.ShouldContain("error SAFE001: No safety baseline at " + dir.Combine("safety-baseline.json"));
        firstOut.ShouldContain("safety baseline accept --baseline safety-baseline.json");

        (int accepted, string acceptOut, _) = await AcceptAsync(dir, "accept");
        accepted.ShouldBe(0);
        acceptOut.ShouldContain("info SAFE021: Accepted " + dir.Combine("safety-baseline.received.json"));

        (int rerun, string rerunOut, _) = await RunAsync(dir, "--trx", "results/*.trx");
        rerun.ShouldBe(0);
        rerunOut.ShouldContain("Safety gate passed: 0 errors, 0 warnings; 6 cases from 1 TRX file");
        rerunOut.ShouldContain("overall");
    }

    [Fact]
    public async Task RunAsync_Regression_Exit1AndJsonHasSliceMetrics()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, "run.trx", 0);
        await RunAsync(dir, "--trx", "results/run.trx", "--accept", "true");
        File.Delete(dir.Combine("results", "run.trx"));
        WriteRun(dir, "shard1.trx", 15);

        (int exitCode, string output, _) = await RunAsync(dir, "--trx", "results/shard1.trx", "--format", "json", "--ceilings", "failure-rate=0.1");

        exitCode.ShouldBe(1);
        using var json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        root.GetProperty("passed").GetBoolean().ShouldBeFalse();
        root.GetProperty("exitCode").GetInt32().ShouldBe(1);
        root.GetProperty("aggregate").GetProperty("method").GetString().ShouldBe("sign-flip");
        JsonElement overall = root.GetProperty("slices")[0];
        overall.GetProperty("slice").GetString().ShouldBe("overall");
        overall.GetProperty("metric").GetString().ShouldBe("failure-rate");
        overall.GetProperty("candidate").GetProperty("failureRate").GetDouble().ShouldBe(0.375, 1e-12);
        overall.GetProperty("baseline").GetProperty("failureRate").GetDouble().ShouldBe(0);
        overall.GetProperty("ceiling").GetProperty("exceeded").GetBoolean().ShouldBeTrue();
        var codes = new List<string>();
        foreach (JsonElement d in root.GetProperty("diagnostics").EnumerateArray())
        {
            codes.Add(d.GetProperty("code").GetString()!);
        }

        codes.ShouldContain("SAFE011");
        codes.ShouldContain("SAFE012");
    }

    [Fact]
    public async Task RunAsync_PositionalPatterns_AreTrxFilesToo()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, "a.trx", 0);

        (int exitCode, string output, _) = await RunAsync(dir, "--trx", "results/a.trx", "results/a.trx", "--accept", "true");

        exitCode.ShouldBe(0);
        output.ShouldContain("6 cases from 1 TRX file");
    }

    [Fact]
    public async Task RunAsync_BadOptions_Exit2ListingEveryProblem()
    {
        using var dir = new TempDirectory();

        (int exitCode, _, string error) = await RunAsync(dir, "--alpha", "2", "--count-errors", "no", "--format", "xml", "--colour", "x");

        exitCode.ShouldBe(2);
        error.ShouldContain("safety gate: unknown option '--colour'");
        error.ShouldContain("safety gate: --format 'xml' is not allowed; allowed: text, json");
        error.ShouldContain("safety gate: --trx is required");
        error.ShouldContain("safety gate: --alpha: 2 is out of range; expected a number in (0, 0.5], e.g. 0.05.");
        error.ShouldContain("safety gate: --count-errors: 'no' is not allowed; allowed values are true, false.");
    }

    [Fact]
    public async Task RunAsync_MissingFiles_Exit2()
    {
        using var dir = new TempDirectory();

        (int exitCode, string output, _) = await RunAsync(dir, "--trx", "nothing/**/*.trx");

        exitCode.ShouldBe(2);
        output.ShouldContain("error SAFE003: No TRX file matches 'nothing/**/*.trx'");
    }

    [Fact]
    public async Task BaselineAccept_NothingToAccept_Exit1()
    {
        using var dir = new TempDirectory();

        (int exitCode, _, string error) = await AcceptAsync(dir, "accept", "--baseline", "gates/b.json");

        exitCode.ShouldBe(1);
        error.ShouldContain("error SAFE001: Nothing to accept: " + dir.Combine("gates", "b.received.json") + " does not exist.");
    }

    [Fact]
    public async Task BaselineAccept_UnknownAction_Exit2()
    {
        using var dir = new TempDirectory();

        (int exitCode, _, string error) = await AcceptAsync(dir, "reject");

        exitCode.ShouldBe(2);
        error.ShouldContain("safety baseline: unknown action 'reject'; allowed: accept");
    }
}
