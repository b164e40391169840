using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace SafetyTests.Tool.Tests;

/// <summary>Runs the real built tool (<c>dotnet SafetyTests.Tool.dll ...</c>) as a separate process.</summary>
internal static class ToolProcess
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] arguments)
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "SafetyTests.Tool.dll");
        File.Exists(tool).ShouldBeTrue($"the tool is built next to the tests: {tool}");
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
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
