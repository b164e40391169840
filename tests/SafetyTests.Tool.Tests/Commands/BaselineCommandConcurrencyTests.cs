using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GateCases = SafetyTests.Core.Tests.Gate.Cases;
using SafetyTests.Baselines;
using SafetyTests.Core.Tests.Trx;
using SafetyTests.Gate;
using SafetyTests.Tool.CommandLine;
using SafetyTests.Tool.Commands;

namespace SafetyTests.Tool.Tests.Commands;

/// <summary>Two accepts of one baseline at once: they run one after the other, and neither fails (issue 12, C).</summary>
public class BaselineCommandConcurrencyTests
{
    [Fact]
    public async Task BaselineAccept_TwoToolProcessesAtOnce_BothSucceedOneAfterTheOther()
    {
        using var dir = new TempDirectory();
        await WriteReceivedAsync(dir, unsafeCount: 0);
        string baseline = dir.Combine("safety-baseline.json");
        string received = BaselineFiles.ReceivedPath(baseline);
        string receivedText = File.ReadAllText(received);

        // Both processes start while the lock is taken, so they really overlap; then they race for it.
        ToolRun first;
        ToolRun second;
        using (BaselineLock.Acquire(baseline, TimeSpan.FromSeconds(5)))
        {
            first = ToolRun.Start("baseline", "accept", "--baseline", baseline);
            second = ToolRun.Start("baseline", "accept", "--baseline", baseline);
            await first.WaitForErrorLineAsync("Waiting for the lock of safety-baseline.json: process ");
            await second.WaitForErrorLineAsync("Waiting for the lock of safety-baseline.json: process ");
        }

        (int exitA, string outA, string errorA) = await first.ExitAsync();
        (int exitB, string outB, string errorB) = await second.ExitAsync();

        exitA.ShouldBe(0, outA + errorA);
        exitB.ShouldBe(0, outB + errorB);
        string both = outA + outB;
        both.ShouldContain("info SAFE021: Accepted " + received + " as the baseline " + baseline + ".");
        both.ShouldContain("info SAFE021: Already accepted: while this accept waited for the baseline's lock (held by process ");
        both.ShouldContain("another accept promoted " + received + " to " + baseline + ". Nothing is left to accept;");
        (errorA + errorB).ShouldNotContain("could not be moved");
        File.ReadAllText(baseline).ShouldBe(receivedText);
        Directory.GetFiles(dir.Path).Select(Path.GetFileName).ShouldBe(new[] { "safety-baseline.json" });
    }

    [Fact]
    public async Task AcceptReceived_LockHeldPastTheTimeout_FailsNamingTheHolder()
    {
        using var dir = new TempDirectory();
        await WriteReceivedAsync(dir, unsafeCount: 0);
        string baseline = dir.Combine("safety-baseline.json");

        GateDiagnostic result;
        using (BaselineLock.Acquire(baseline, TimeSpan.FromSeconds(5)))
        {
            result = GateRunner.AcceptReceived(baseline, GateHost.Tool, TimeSpan.FromMilliseconds(300), null);
        }

        result.Code.ShouldBe("SAFE028");
        result.Severity.ShouldBe(DiagnosticSeverity.Error);
        result.Message.ShouldStartWith($"Not accepted: Another write of the baseline {baseline} is in progress: process {Environment.ProcessId} (");
        result.Message.ShouldContain("holds its lock " + dir.Combine(".safety-baseline.json.lock"));
        File.Exists(BaselineFiles.ReceivedPath(baseline)).ShouldBeTrue();
        File.Exists(baseline).ShouldBeFalse();
    }

    [Fact]
    public async Task GateAccept_TwoRunsAcceptedAtOnce_BothSucceedAndTheBaselineIsOneOfThem()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, "a", 0);
        WriteRun(dir, "b", 2);

        Task<(int, string)>[] accepts = new[] { "a", "b" }.Select(run => Task.Run(async () =>
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = await new GateCommand(_ => null, dir.Path).RunAsync(["--trx", run + "/*.trx", "--accept", "true"], new CommandConsole(output, error), CancellationToken.None);
            return (exit, output.ToString() + error);
        })).ToArray();
        (int, string)[] results = await Task.WhenAll(accepts);

        results.ShouldAllBe(r => r.Item1 == 0);
        results.ShouldAllBe(r => r.Item2.Contains("Accepted this run as the baseline ("));
        BaselineFiles.TryRead(dir.Combine("safety-baseline.json"))!.Cases.Count.ShouldBe(4); // one whole run, never a mix or half a file
        Directory.GetFiles(dir.Path).Select(Path.GetFileName).ShouldBe(new[] { "safety-baseline.json" });
    }

    private static void WriteRun(TempDirectory dir, string folder, int unsafeCount)
    {
        var builder = new TrxBuilder();
        for (int i = 0; i < 4; i++)
        {
            builder.Add(GateCases.Record($"c{i}", 20, i == 0 ? unsafeCount : 0, SafetyVerdict.Pass));
        }

        builder.WriteTo(dir.Combine(folder, "run.trx"));
    }

    private static async Task WriteReceivedAsync(TempDirectory dir, int unsafeCount)
    {
        WriteRun(dir, "results", unsafeCount);
        int exit = await new GateCommand(_ => null, dir.Path).RunAsync(["--trx", "results/*.trx"], new CommandConsole(new StringWriter(), new StringWriter()), CancellationToken.None);
        exit.ShouldBe(1); // first run: no baseline yet, the received file is written
        Directory.Delete(dir.Combine("results"), recursive: true);
        File.Exists(dir.Combine("safety-baseline.received.json")).ShouldBeTrue();
    }

    /// <summary>The built tool as a separate process whose standard error is watched line by line.</summary>
    private sealed class ToolRun
    {
        private readonly Process _process;
        private readonly Task<string> _output;
        private readonly ConcurrentQueue<string> _errorLines = new();
        private readonly TaskCompletionSource _errorsDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private ToolRun(Process process)
        {
            _process = process;
            _output = process.StandardOutput.ReadToEndAsync();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    _errorsDone.TrySetResult();
                }
                else
                {
                    _errorLines.Enqueue(e.Data);
                }
            };
            process.BeginErrorReadLine();
        }

        public static ToolRun Start(params string[] arguments)
        {
            string tool = Path.Combine(AppContext.BaseDirectory, "SafetyTests.Tool.dll");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(tool);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            return new ToolRun(Process.Start(start)!);
        }

        public async Task WaitForErrorLineAsync(string start)
        {
            var clock = Stopwatch.StartNew();
            while (!_errorLines.Any(l => l.StartsWith(start, StringComparison.Ordinal)))
            {
                if (_process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(50))
                {
                    throw new TimeoutException("The tool did not wait for the lock: " + string.Join("\n", _errorLines) + await _output);
                }

                await Task.Delay(20);
            }
        }

        public async Task<(int ExitCode, string Out, string Error)> ExitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
            await _errorsDone.Task.WaitAsync(timeout.Token);
            string output = await _output;
            int exit = _process.ExitCode;
            _process.Dispose();
            return (exit, output, string.Join("\n", _errorLines));
        }
    }
}
