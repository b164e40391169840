using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SafetyTests.Gate;
using SafetyTests.Tool.CommandLine;

namespace SafetyTests.Tool.Commands;

/// <summary>
/// <c>safety gate</c>: the same gate as the SafetyGate MSBuild task, over TRX files given on the command line.
/// Exit codes: 0 passed, 1 gate failed, 2 bad input.
/// </summary>
internal sealed class GateCommand : OptionCommand
{
    private const string Format = "--format";

    private static readonly OptionSet OptionSet = new OptionSet()
        .Add("--" + GateOptionNames.Results, "PATH_OR_GLOB", "TRX files or globs (TestResults/**/*.trx); more may follow as arguments or be separated by ';'")
        .Add("--" + GateOptionNames.Baseline, "FILE", "the baseline file; default safety-baseline.json")
        .Add(Format, "text|json", "output format; default text. json prints the decision with the slice metrics")
        .Add("--" + GateOptionNames.Summary, "FILE", "also write the Markdown summary to FILE")
        .Add("--" + GateOptionNames.SeverityWeights, "W", "severity weights; default low=1;medium=2;high=4;critical=8")
        .Add("--" + GateOptionNames.Alpha, "A", "gate α in (0, 0.5]; default 0.05")
        .Add("--" + GateOptionNames.Tolerance, "T", "tolerated regression of the weighted failure rate, in [0, 1); default 0")
        .Add("--" + GateOptionNames.Ceilings, "C", "absolute ceilings, e.g. unsafe-compliance-rate=0.05;category:jailbreak=0.02")
        .Add("--" + GateOptionNames.CeilingStatistic, "estimate|upper", "what a ceiling is compared with; default estimate")
        .Add("--" + GateOptionNames.RequiredCategories, "R", "required categories with minimum case counts, e.g. jailbreak=20;pii")
        .Add("--" + GateOptionNames.CountInconclusive, "true|false", "Inconclusive cases count as failing; default true")
        .Add("--" + GateOptionNames.CountErrors, "true|false", "Error cases count as failing and errored trials as unsafe; default true")
        .Add("--" + GateOptionNames.AllowProvenanceChange, "true|false", "compare runs of another model or judge than the baseline's; default false")
        .Add("--" + GateOptionNames.NewFailingCases, "error|warning|ignore", "failing cases not in the baseline; default error")
        .Add("--" + GateOptionNames.MissingCases, "error|warning|ignore", "baseline cases missing from the run; default error")
        .Add("--" + GateOptionNames.Accept, "true|false", "accept this run as the new baseline; default false")
        .AddFlag(Help, "show this help");

    private readonly Func<string, string?> _environment;
    private readonly string? _workingDirectory;

    public GateCommand()
        : this(Environment.GetEnvironmentVariable, null)
    {
    }

    internal GateCommand(Func<string, string?> environment, string? workingDirectory)
    {
        _environment = environment;
        _workingDirectory = workingDirectory;
    }

    /// <inheritdoc />
    public override string Name => "gate";

    /// <inheritdoc />
    public override string Summary => "gate TRX results against the committed safety baseline: exit 0 pass, 1 failed, 2 bad input";

    /// <inheritdoc />
    protected override OptionSet Options => OptionSet;

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(ParsedOptions parsed, CommandConsole console, CancellationToken cancellationToken)
    {
        string format = parsed.GetChoice(Format, "text", "text", "json");
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string name in GateOptionNames.MSBuildProperties.Keys)
        {
            string? value = parsed.GetString("--" + name);
            if (value is not null)
            {
                values[name] = value;
            }
        }

        var patterns = new List<string>(GateOptionsParser.Split(parsed.GetString("--" + GateOptionNames.Results)));
        patterns.AddRange(parsed.Positionals);
        values[GateOptionNames.Results] = string.Join(";", patterns);

        var problems = new List<string>(parsed.Errors);
        if (patterns.Count == 0)
        {
            problems.Add("--trx is required: the TRX files or globs to gate (e.g. --trx \"TestResults/**/*.trx\")");
        }

        GateOptions? options = GateOptionsParser.Parse(values, _workingDirectory ?? Directory.GetCurrentDirectory(), GateHost.Tool, out List<string> optionProblems);
        problems.AddRange(optionProblems);
        if (problems.Count > 0 || options is null)
        {
            foreach (string problem in problems)
            {
                await console.Error.WriteLineAsync("safety gate: " + problem).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'safety gate --help' for the options.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        GateRun run = GateRunner.Run(options, _environment);
        foreach (string command in run.AzureCommands)
        {
            await console.Out.WriteLineAsync(command).ConfigureAwait(false);
        }

        string report = format == "json" ? DecisionJson.Render(run.Decision, run.ExitCode) : TextReport.Render(run.Decision);
        await console.Out.WriteAsync(report).ConfigureAwait(false);
        return run.ExitCode;
    }

    /// <inheritdoc />
    protected override void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("usage: safety gate --trx PATH_OR_GLOB... [--baseline FILE] [--format text|json] [options]");
        writer.WriteLine();
        writer.WriteLine("Reads the safety records in the TRX files (shards merge; a case reported twice is an error), compares them");
        writer.WriteLine("with the baseline and decides: a paired severity-weighted test, per-category and per-case tests, ceilings,");
        writer.WriteLine("coverage. When the run differs from the baseline it writes <baseline>.received.json beside it;");
        writer.WriteLine("'safety baseline accept' promotes it. Every option matches an MSBuild property (see docs/gate.md).");
        writer.WriteLine();
        writer.WriteLine("options:");
        OptionSet.WriteHelp(writer);
        writer.WriteLine();
        writer.WriteLine("exit codes: 0 the gate passed, 1 the gate failed, 2 bad input (options, TRX files, records or baseline)");
    }
}
