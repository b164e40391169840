using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SafetyTests.Tool.CommandLine;

namespace SafetyTests.Tool;

/// <summary>Entry point of the <c>safety</c> command.</summary>
internal static class Program
{
    /// <summary>Runs one verb and returns its exit code: 0 success, 1 a negative result (for example a failed gate), 2 bad input.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        return await RunAsync(args, CommandConsole.System, cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>Dispatches the command line to its verb.</summary>
    /// <param name="args">The command line: the verb, then its arguments.</param>
    /// <param name="console">Where to write.</param>
    /// <param name="cancellationToken">Cancels the verb.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteUsage(args.Count == 0 ? console.Error : console.Out);
            return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }

        var command = CommandTable.Find(args[0]);
        if (command is null)
        {
            await console.Error.WriteLineAsync($"safety: unknown verb '{args[0]}'. Verbs: {string.Join(", ", CommandTable.All.Select(c => c.Name))}. Run 'safety --help' for details.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        return await command.RunAsync(args.Skip(1).ToArray(), console, cancellationToken).ConfigureAwait(false);
    }

    private static void WriteUsage(System.IO.TextWriter writer)
    {
        writer.WriteLine("usage: safety <verb> [options]   (safety <verb> --help for the options of a verb)");
        writer.WriteLine();
        writer.WriteLine("verbs:");
        int width = CommandTable.All.Max(c => c.Name.Length);
        foreach (var command in CommandTable.All)
        {
            writer.WriteLine($"  {command.Name.PadRight(width)}  {command.Summary}");
        }

        writer.WriteLine();
        writer.WriteLine("exit codes: 0 success, 1 negative result (for example a failed gate), 2 bad input");
    }
}
