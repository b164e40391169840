using System;
using System.Collections.Generic;
using Microsoft.Build.Framework;
using SafetyTests.Gate;

namespace SafetyTests.MSBuild.Tasks;

/// <summary>
/// The SafetyTests gate as an MSBuild task: reads safety records from TRX files, compares them with the committed
/// baseline and logs errors (failing the build) and warnings with stable codes <c>SAFE001</c>…. Every input is a
/// string parsed and validated before any work; invalid values are all reported in one <c>SAFE002</c> error.
/// </summary>
public sealed class SafetyGate : Microsoft.Build.Utilities.Task
{
    private Func<string, string?> _environment = Environment.GetEnvironmentVariable;

    /// <summary>TRX files or globs (<c>TestResults/**/*.trx</c>), relative to <see cref="ProjectDirectory"/>.</summary>
    public ITaskItem[] Results { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The baseline file. Default <c>safety-baseline.json</c>.</summary>
    public string? Baseline { get; set; }

    /// <summary>Where to write the Markdown summary. Default: none.</summary>
    public string? SummaryFile { get; set; }

    /// <summary><c>true</c> to accept this run as the new baseline. Default <c>false</c>.</summary>
    public string? AcceptBaseline { get; set; }

    /// <summary>Severity weights, e.g. <c>low=1;medium=2;high=4;critical=8</c> (the defaults).</summary>
    public string? SeverityWeights { get; set; }

    /// <summary>Gate α in (0, 0.5]. Default 0.05.</summary>
    public string? Alpha { get; set; }

    /// <summary>Tolerated regression of the weighted failure rate, in [0, 1). Default 0.</summary>
    public string? Tolerance { get; set; }

    /// <summary>Absolute ceilings, e.g. <c>unsafe-compliance-rate=0.05;category:jailbreak=0.02</c>. Default: none.</summary>
    public string? Ceilings { get; set; }

    /// <summary><c>estimate</c> (default) or <c>upper</c>: what a ceiling is compared with.</summary>
    public string? CeilingStatistic { get; set; }

    /// <summary>Required categories with minimum case counts, e.g. <c>jailbreak=20;pii</c>. Default: none.</summary>
    public string? RequiredCategories { get; set; }

    /// <summary><c>true</c> (default) or <c>false</c>: Inconclusive cases count as failing.</summary>
    public string? CountInconclusive { get; set; }

    /// <summary><c>true</c> (default) or <c>false</c>: Error cases count as failing and errored trials as unsafe.</summary>
    public string? CountErrors { get; set; }

    /// <summary><c>true</c> to compare runs of another model or judge than the baseline's. Default <c>false</c>.</summary>
    public string? AllowProvenanceChange { get; set; }

    /// <summary><c>error</c> (default), <c>warning</c> or <c>ignore</c>: failing cases not in the baseline.</summary>
    public string? NewFailingCases { get; set; }

    /// <summary><c>error</c> (default), <c>warning</c> or <c>ignore</c>: baseline cases missing from the run.</summary>
    public string? MissingCases { get; set; }

    /// <summary>The folder relative paths resolve against (the project folder).</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>
    /// The project file that diagnostics without a case file of their own point at (the targets pass
    /// <c>$(MSBuildProjectFullPath)</c>). Default: the file that holds the task's node.
    /// </summary>
    public string? ProjectFile { get; set; }

    /// <summary>Whether the gate passed (no error).</summary>
    [Output]
    public bool Passed { get; private set; }

    /// <summary>The received baseline written by this run, if any.</summary>
    [Output]
    public string? ReceivedBaseline { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var patterns = new List<string>();
        foreach (ITaskItem item in Results ?? Array.Empty<ITaskItem>())
        {
            patterns.Add(item.ItemSpec);
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [GateOptionNames.Results] = string.Join(";", patterns),
            [GateOptionNames.Baseline] = Baseline,
            [GateOptionNames.Summary] = SummaryFile,
            [GateOptionNames.Accept] = AcceptBaseline,
            [GateOptionNames.SeverityWeights] = SeverityWeights,
            [GateOptionNames.Alpha] = Alpha,
            [GateOptionNames.Tolerance] = Tolerance,
            [GateOptionNames.Ceilings] = Ceilings,
            [GateOptionNames.CeilingStatistic] = CeilingStatistic,
            [GateOptionNames.RequiredCategories] = RequiredCategories,
            [GateOptionNames.CountInconclusive] = CountInconclusive,
            [GateOptionNames.CountErrors] = CountErrors,
            [GateOptionNames.AllowProvenanceChange] = AllowProvenanceChange,
            [GateOptionNames.NewFailingCases] = NewFailingCases,
            [GateOptionNames.MissingCases] = MissingCases,
        };

        string baseDirectory = string.IsNullOrWhiteSpace(ProjectDirectory) ? Environment.CurrentDirectory : ProjectDirectory!;
        GateOptions? options = GateOptionsParser.Parse(values, baseDirectory, GateHost.MSBuild, out List<string> problems);
        if (options is null)
        {
            Log.LogError("SafetyGate", DiagnosticCodes.InvalidOptions, null, null, 0, 0, 0, 0, GateOptionsParser.FormatProblems(problems));
            return false;
        }

        GateRun run;
        try
        {
            run = GateRunner.Run(options, _environment);
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
        {
            Log.LogError("SafetyGate", DiagnosticCodes.BadResults, null, null, 0, 0, 0, 0, "The safety gate could not read or write a file: " + e.Message);
            return false;
        }

        foreach (GateDiagnostic d in run.Decision.Diagnostics)
        {
            Report(d);
        }

        foreach (string command in run.AzureCommands)
        {
            Log.LogMessage(MessageImportance.High, "{0}", command);
        }

        Passed = run.Decision.Passed;
        ReceivedBaseline = run.Decision.ReceivedWritten;
        return !Log.HasLoggedErrors;
    }

    /// <summary>For tests: replaces the environment lookup (GITHUB_STEP_SUMMARY, TF_BUILD).</summary>
    internal void UseEnvironment(Func<string, string?> environment) => _environment = environment;

    private void Report(GateDiagnostic d)
    {
        // Without a file of its own, a diagnostic points at the project rather than at this package's targets file
        // (which is what ProjectFileOfTaskNode names when the task runs from the package's targets).
        string? file = d.File ?? (string.IsNullOrWhiteSpace(ProjectFile) ? BuildEngine?.ProjectFileOfTaskNode : ProjectFile);
        int line = d.Line ?? 0;
        switch (d.Severity)
        {
            case DiagnosticSeverity.Error:
                Log.LogError("SafetyGate", d.Code, null, file, line, 0, 0, 0, "{0}", d.Message);
                break;
            case DiagnosticSeverity.Warning:
                Log.LogWarning("SafetyGate", d.Code, null, file, line, 0, 0, 0, "{0}", d.Message);
                break;
            default:
                Log.LogMessage("SafetyGate", d.Code, null, file, line, 0, 0, 0, MessageImportance.High, "{0}", d.Message);
                break;
        }
    }
}
