using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SafetyTests.Gate;
using SafetyTests.Tool.CommandLine;

namespace SafetyTests.Tool.Commands;

/// <summary><c>safety baseline accept [--baseline FILE]</c>: promotes the received baseline written by the gate.</summary>
internal sealed class BaselineCommand : OptionCommand
{
    private const string BaselineOption = "--baseline";

    private static readonly OptionSet OptionSet = new OptionSet()
        .Add(BaselineOption, "FILE", "the baseline file; default safety-baseline.json (the received file is FILE with .received before the extension)")
        .AddFlag(Help, "show this help");

    private readonly string? _workingDirectory;

    public BaselineCommand()
        : this(null)
    {
    }

    internal BaselineCommand(string? workingDirectory) => _workingDirectory = workingDirectory;

    /// <inheritdoc />
    public override string Name => "baseline";

    /// <inheritdoc />
    public override string Summary => "manage the safety baseline: 'baseline accept' promotes safety-baseline.received.json";

    /// <inheritdoc />
    protected override OptionSet Options => OptionSet;

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(ParsedOptions parsed, CommandConsole console, CancellationToken cancellationToken)
    {
        var problems = new List<string>(parsed.Errors);
        if (parsed.Positionals.Count != 1 || parsed.Positionals[0] != "accept")
        {
            problems.Add(parsed.Positionals.Count == 0
                ? "missing action; allowed: accept"
                : $"unknown action '{string.Join(" ", parsed.Positionals)}'; allowed: accept");
        }

        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                await console.Error.WriteLineAsync("safety baseline: " + problem).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'safety baseline --help' for the options.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        string baseline = Path.GetFullPath(Path.Combine(_workingDirectory ?? Directory.GetCurrentDirectory(), parsed.GetString(BaselineOption) ?? GateOptionsParser.DefaultBaselineFile));
        GateDiagnostic result = GateRunner.AcceptReceived(baseline, GateHost.Tool, Baselines.BaselineLock.DefaultTimeout, line => console.Error.WriteLine(line));
        TextWriter writer = result.Severity == DiagnosticSeverity.Error ? console.Error : console.Out;
        await writer.WriteLineAsync(TextReport.Line(result)).ConfigureAwait(false);
        return result.Code switch
        {
            DiagnosticCodes.BaselineAccepted => ExitCodes.Success,
            DiagnosticCodes.NoBaseline => ExitCodes.Negative,
            _ => ExitCodes.BadInput,
        };
    }

    /// <inheritdoc />
    protected override void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("usage: safety baseline accept [--baseline FILE]");
        writer.WriteLine();
        writer.WriteLine("Replaces the baseline with the received file the gate wrote beside it (validated first; the replacement");
        writer.WriteLine("is atomic). Commit the baseline afterwards so CI gates against it. Accepts of one baseline run one at a");
        writer.WriteLine("time: a second accept waits (up to 60 s) for the first, then finds its work done.");
        writer.WriteLine();
        writer.WriteLine("options:");
        OptionSet.WriteHelp(writer);
        writer.WriteLine();
        writer.WriteLine("exit codes: 0 accepted, 1 nothing to accept, 2 bad input or a damaged received file");
    }
}
