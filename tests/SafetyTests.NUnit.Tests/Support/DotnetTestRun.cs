using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SafetyTests.NUnit.Tests.Support;

/// <summary>Runs a built test assembly with a real <c>dotnet test --logger trx</c> and loads the TRX file it wrote.</summary>
internal sealed class DotnetTestRun
{
    private DotnetTestRun(string trxPath, XDocument trx, string output)
    {
        TrxPath = trxPath;
        Trx = trx;
        Output = output;
    }

    public string TrxPath { get; }

    public XDocument Trx { get; }

    public string Output { get; }

    /// <summary>Runs the assembly named in <paramref name="pathFile"/> (written next to the tests by the build).</summary>
    public static DotnetTestRun Start(string pathFile, string directory, string trxName)
    {
        string assembly = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, pathFile)).Trim();
        File.Exists(assembly).ShouldBeTrue("the fixture suite was not built: " + assembly);
        var start = new ProcessStartInfo(DotnetHost(), new[]
        {
            "test", assembly, "--logger", "trx;LogFileName=" + trxName, "--results-directory", directory,
        })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("SAFETYTESTS_SEED");
        start.Environment.Remove("SAFETYTESTS_RUN_SEED");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet test on " + assembly + " did not finish in 3 minutes.");
        }

        Task.WaitAll(stdout, stderr);
        string output = stdout.Result + stderr.Result;
        string trx = Path.Combine(directory, trxName);
        File.Exists(trx).ShouldBeTrue("no TRX file was written. dotnet test said:" + Environment.NewLine + output);
        return new DotnetTestRun(trx, XDocument.Load(trx), output);
    }

    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
