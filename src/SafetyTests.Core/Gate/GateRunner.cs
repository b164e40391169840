using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using SafetyTests.Baselines;
using SafetyTests.Gate.Rules;
using SafetyTests.Metrics;
using SafetyTests.Trx;

namespace SafetyTests.Gate;

/// <summary>
/// Runs the gate end to end for a host (the MSBuild task or the tool): expands the TRX patterns, reads the
/// records, loads the baseline, decides, maintains the received/accepted baseline files and writes the summary.
/// The host only logs what comes back.
/// </summary>
internal static class GateRunner
{
    /// <summary>Told when each phase of <see cref="Run"/> ends, with the time since the start (the scale benchmark prints them).</summary>
    internal static Action<string, TimeSpan>? PhaseEnded { get; set; }

    public static GateRun Run(GateOptions options, Func<string, string?> environment)
    {
        var decision = new GateDecision(options);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // The baseline is read while the TRX files are (the two are independent), and the received file is
        // written while the decision is made: on two cores this halves the wall time of a 100,000-case gate.
        // One string instance per distinct test, file, category, model and judge across all inputs: keys and
        // provenance then compare by reference.
        var strings = new StringPool();
        Task<(Baseline? Baseline, GateDiagnostic? Problem, SortedDictionary<SliceKey, SliceMetrics>? Slices)>? baselineTask = options.AcceptBaseline
            ? null
            : Task.Run(() => ReadBaseline(options, strings));
        List<CaseResult>? cases = ReadInputs(decision, strings);
        PhaseEnded?.Invoke("TRX files read", clock.Elapsed);
        Baseline? baseline = null;
        SortedDictionary<SliceKey, SliceMetrics>? baselineSlices = null;
        if (baselineTask is not null)
        {
            (baseline, GateDiagnostic? problem, baselineSlices) = baselineTask.GetAwaiter().GetResult();
            PhaseEnded?.Invoke("baseline read", clock.Elapsed);
            if (problem is not null && cases is not null)
            {
                decision.BadInput = true;
                decision.Diagnostics.Add(problem);
            }
        }

        if (!decision.BadInput && cases is not null)
        {
            // Sorted once and measured once: the decision and the received file share both.
            List<CaseResult> sorted = GateEvaluator.Sorted(cases);
            SortedDictionary<SliceKey, SliceMetrics> slices = MetricsCalculator.Compute(sorted, options.Weights, options.Policy);
            var run = new Baseline { Weights = options.Weights, Policy = options.Policy, Cases = sorted, Slices = slices };
            string target = options.AcceptBaseline ? options.BaselinePath : BaselineFiles.ReceivedPath(options.BaselinePath);
            string? compareWith = options.AcceptBaseline || baseline is not null ? options.BaselinePath : null;

            // One writer of a baseline and its received file at a time (two accepts at once, or a gate beside an accept).
            BaselineLock? writing = TryLock(decision, options.BaselinePath);
            if (writing is not null)
            {
                using (writing)
                {
                    bool existed = File.Exists(options.BaselinePath);

                    // A run with an errored case is missing evidence: it is neither accepted nor offered as a received baseline.
                    bool errored = ErroredCaseRule.AnyErrored(sorted);
                    Task<bool>? write = errored ? null : Task.Run(() => BaselineFiles.WriteIfDifferent(target, compareWith, w => BaselineSerializer.Serialize(run, w)));
                    GateEvaluator.Evaluate(decision, sorted, options.AcceptBaseline ? null : baseline, slices, baselineSlices);
                    PhaseEnded?.Invoke("decided", clock.Elapsed);
                    if (write is null)
                    {
                        NotWritten(decision, target);
                    }
                    else
                    {
                        bool differs = write.GetAwaiter().GetResult();
                        PhaseEnded?.Invoke("received file written", clock.Elapsed);
                        if (options.AcceptBaseline)
                        {
                            Accepted(decision, existed, differs, cases.Count);
                        }
                        else
                        {
                            Received(decision, differs, baseline);
                        }
                    }
                }
            }
        }

        decision.Diagnostics.Add(SummaryDiagnostic(decision));
        string markdown = MarkdownSummary.Render(decision);
        WriteSummaries(decision, markdown, environment);
        List<string> azure = IsSet(environment("TF_BUILD"))
            ? AzureDevOpsCommands.Format(decision, options.SummaryPath)
            : new List<string>();
        PhaseEnded?.Invoke("summaries written", clock.Elapsed);
        return new GateRun(decision, markdown, azure);
    }

    /// <summary>Promotes the received baseline (the <c>safety baseline accept</c> verb).</summary>
    /// <returns>A diagnostic saying what happened (an error when there is nothing to accept or the file is damaged).</returns>
    public static GateDiagnostic AcceptReceived(string baselinePath, GateHost host) => AcceptReceived(baselinePath, host, BaselineLock.DefaultTimeout, null);

    /// <summary>Promotes the received baseline, waiting up to <paramref name="lockTimeout"/> for another accept of the same baseline.</summary>
    /// <param name="baselinePath">The baseline.</param>
    /// <param name="host">Who runs the accept (for the hints).</param>
    /// <param name="lockTimeout">How long to wait for another writer of the baseline.</param>
    /// <param name="waiting">Told once when another writer holds the baseline's lock (the tool prints it).</param>
    /// <returns>A diagnostic saying what happened (an error when there is nothing to accept, the file is damaged or the lock stayed taken).</returns>
    internal static GateDiagnostic AcceptReceived(string baselinePath, GateHost host, TimeSpan lockTimeout, Action<string>? waiting)
    {
        string received = BaselineFiles.ReceivedPath(baselinePath);
        bool receivedAtStart = File.Exists(received);
        BaselineLock? held = null;
        try
        {
            held = BaselineLock.Acquire(baselinePath, lockTimeout, waiting);
            if (!BaselineFiles.Accept(baselinePath))
            {
                if (receivedAtStart && held.Waited)
                {
                    // The other accept took the same received file: what this one was asked to do is done.
                    string holder = held.WaitedFor is null ? "" : " (held by " + held.WaitedFor + ")";
                    return new GateDiagnostic(DiagnosticCodes.BaselineAccepted, DiagnosticSeverity.Message, $"Already accepted: while this accept waited for the baseline's lock{holder}, another accept promoted {received} to {baselinePath}. Nothing is left to accept; commit {Path.GetFileName(baselinePath)} so CI gates against it.", baselinePath);
                }

                string how = host == GateHost.Tool
                    ? "run the gate first (safety gate --trx ... --baseline " + baselinePath + "), which writes it when the run differs from the baseline"
                    : "run dotnet test first, which writes it when the run differs from the baseline";
                return new GateDiagnostic(DiagnosticCodes.NoBaseline, DiagnosticSeverity.Error, $"Nothing to accept: {received} does not exist. To create it, {how}. If the baseline is already up to date, there is nothing to do.", received);
            }
        }
        catch (TimeoutException e)
        {
            return new GateDiagnostic(DiagnosticCodes.BaselineLocked, DiagnosticSeverity.Error, "Not accepted: " + e.Message, baselinePath);
        }
        catch (FormatException e)
        {
            return new GateDiagnostic(DiagnosticCodes.BadBaseline, DiagnosticSeverity.Error, $"Not accepted: {e.Message} Run the gate again to write a new received file.", received);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new GateDiagnostic(DiagnosticCodes.BadBaseline, DiagnosticSeverity.Error, $"Not accepted: {received} could not be moved to {baselinePath}: {e.Message}", received);
        }
        finally
        {
            held?.Dispose();
        }

        return new GateDiagnostic(DiagnosticCodes.BaselineAccepted, DiagnosticSeverity.Message, $"Accepted {received} as the baseline {baselinePath}. Commit {Path.GetFileName(baselinePath)} so CI gates against it.", baselinePath);
    }

    /// <summary>Takes the baseline's lock for the gate's writes; on failure the gate fails with a message saying who holds it.</summary>
    private static BaselineLock? TryLock(GateDecision decision, string baselinePath)
    {
        try
        {
            return BaselineLock.Acquire(baselinePath, BaselineLock.DefaultTimeout);
        }
        catch (TimeoutException e)
        {
            decision.BadInput = true;
            decision.Diagnostics.Add(new GateDiagnostic(DiagnosticCodes.BaselineLocked, DiagnosticSeverity.Error, e.Message, baselinePath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            decision.BadInput = true;
            decision.Diagnostics.Add(new GateDiagnostic(DiagnosticCodes.BaselineLocked, DiagnosticSeverity.Error, $"The lock file of the baseline {baselinePath} ({BaselineLock.PathFor(baselinePath)}) cannot be created: {e.Message}. The gate needs to write beside the baseline; check the folder's permissions.", baselinePath));
        }

        return null;
    }

    private static List<CaseResult>? ReadInputs(GateDecision decision, StringPool strings)
    {
        GateOptions options = decision.Options;
        if (options.Results.Count == 0)
        {
            decision.BadInput = true;
            decision.Diagnostics.Add(new GateDiagnostic(
                DiagnosticCodes.InvalidOptions,
                DiagnosticSeverity.Error,
                $"No TRX files were given to the gate. Set {GateOptionNames.Display(GateOptionNames.Results, options.Host)} to the TRX files or a glob (e.g. TestResults/**/*.trx)."));
            return null;
        }

        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string pattern in options.Results)
        {
            List<string> matches = PathGlob.Expand(pattern, options.BaseDirectory);
            if (matches.Count == 0)
            {
                decision.BadInput = true;
                decision.Diagnostics.Add(new GateDiagnostic(
                    DiagnosticCodes.BadResults,
                    DiagnosticSeverity.Error,
                    $"No TRX file matches '{pattern}' (relative to {options.BaseDirectory}). Check {GateOptionNames.Display(GateOptionNames.Results, options.Host)}, and that the test run wrote TRX files (dotnet test --logger trx).",
                    null,
                    null,
                    pattern));
            }

            foreach (string file in matches)
            {
                if (seen.Add(file))
                {
                    files.Add(file);
                }
            }
        }

        TrxReadResult read = TrxReader.Read(files, strings);
        decision.Files.AddRange(read.Files);
        decision.Results = read.Results;
        decision.ResultsWithRecords = read.ResultsWithRecords;
        if (read.Problems.Count > 0)
        {
            decision.BadInput = true;
            decision.Diagnostics.AddRange(read.Problems);
        }

        if (read.Cases.Count == 0 && !decision.BadInput)
        {
            decision.BadInput = true;
            decision.Diagnostics.Add(new GateDiagnostic(
                DiagnosticCodes.NoRecords,
                DiagnosticSeverity.Error,
                $"The {Format.Plural(read.Files.Count, "TRX file")} hold {Format.Plural(read.Results, "test result")} but no safety record, so there is nothing to gate. Safety tests ([SafetyTheory], [SafetyTest]) write one '{Records.SafetyRecord.OutputPrefix.Trim()}' line per case into the test output; check that the right test project ran and that the files are the TRX files of the safety tests.",
                read.Files.Count == 1 ? read.Files[0] : null));
        }

        return decision.BadInput ? null : read.Cases;
    }

    /// <summary>Reads the baseline and measures its slices under the gate's weights and policy (on the thread that read it).</summary>
    private static (Baseline? Baseline, GateDiagnostic? Problem, SortedDictionary<SliceKey, SliceMetrics>? Slices) ReadBaseline(GateOptions options, StringPool strings)
    {
        try
        {
            Baseline? baseline = BaselineFiles.TryRead(options.BaselinePath, strings);
            return (baseline, null, baseline is null ? null : MetricsCalculator.Compute(GateEvaluator.Sorted(baseline.Cases), options.Weights, options.Policy));
        }
        catch (FormatException e)
        {
            return (null, new GateDiagnostic(DiagnosticCodes.BadBaseline, DiagnosticSeverity.Error, e.Message + " Restore it from version control, or accept a new baseline (" + GateEvaluator.AcceptHint(options) + ").", options.BaselinePath), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new GateDiagnostic(DiagnosticCodes.BadBaseline, DiagnosticSeverity.Error, $"The baseline file {options.BaselinePath} cannot be read: {e.Message}", options.BaselinePath), null);
        }
    }

    private static void NotWritten(GateDecision decision, string target)
    {
        GateOptions options = decision.Options;

        // A received file from an earlier run must not be accepted in place of this one.
        BaselineFiles.DeleteIfExists(BaselineFiles.ReceivedPath(options.BaselinePath));
        decision.Diagnostics.Add(new GateDiagnostic(
            DiagnosticCodes.CaseErrored,
            options.AcceptBaseline ? DiagnosticSeverity.Error : DiagnosticSeverity.Message,
            options.AcceptBaseline
                ? $"Not accepted: this run has cases that ended in error (listed above), and a run with missing evidence never becomes the baseline; {options.BaselinePath} was left as it was. Fix the errors and rerun the tests, then accept."
                : $"No received baseline was written ({target}): this run has cases that ended in error, and a run with missing evidence is never offered as a baseline.",
            options.BaselinePath));
    }

    private static void Accepted(GateDecision decision, bool existed, bool changed, int cases)
    {
        GateOptions options = decision.Options;
        BaselineFiles.DeleteIfExists(BaselineFiles.ReceivedPath(options.BaselinePath));
        decision.Accepted = true;
        string change = !existed ? "created" : changed ? "updated" : "unchanged";
        decision.Diagnostics.Add(new GateDiagnostic(
            DiagnosticCodes.BaselineAccepted,
            DiagnosticSeverity.Message,
            $"Accepted this run as the baseline ({change}): {options.BaselinePath} with {Format.Plural(cases, "case")}. Review the diff and commit it so CI gates against it.",
            options.BaselinePath));
    }

    private static void Received(GateDecision decision, bool differs, Baseline? baseline)
    {
        GateOptions options = decision.Options;
        string received = BaselineFiles.ReceivedPath(options.BaselinePath);
        if (!differs)
        {
            BaselineFiles.DeleteIfExists(received);
            return;
        }

        decision.ReceivedWritten = received;
        if (baseline is null)
        {
            decision.Diagnostics.Insert(0, new GateDiagnostic(
                DiagnosticCodes.NoBaseline,
                DiagnosticSeverity.Error,
                $"No safety baseline at {options.BaselinePath}: this looks like the first gated run. This run ({Format.Plural(decision.CandidateCases, "case")}) was written to {received}. Review it, then create the baseline: {FirstRunHint(options)}. Until a baseline exists the gate cannot tell a regression from the normal state.",
                options.BaselinePath));
            return;
        }

        string counts = $"{decision.CountStatus(CaseStatus.New)} new, {decision.CountStatus(CaseStatus.Regressed)} regressed, {decision.CountStatus(CaseStatus.Worsened)} worsened in verdict only, {decision.CountStatus(CaseStatus.Improved)} improved, {decision.CountStatus(CaseStatus.Removed)} removed, {decision.CountStatus(CaseStatus.Changed)} changed, {decision.CountStatus(CaseStatus.Unchanged)} unchanged cases";
        decision.Diagnostics.Add(new GateDiagnostic(
            DiagnosticCodes.ReceivedWritten,
            DiagnosticSeverity.Message,
            $"This run differs from the baseline ({counts}); wrote {received}. To make it the new baseline: {GateEvaluator.AcceptHint(options)}.",
            received));
    }

    private static string FirstRunHint(GateOptions options) => options.Host == GateHost.MSBuild
        ? "dotnet msbuild -t:SafetyGate -p:SafetyAcceptBaseline=true (re-gates this run's TRX files and writes the baseline; or dotnet test -p:SafetyAcceptBaseline=true), then commit " + GateEvaluator.Relative(options.BaseDirectory, options.BaselinePath)
        : "safety baseline accept --baseline " + GateEvaluator.Relative(options.BaseDirectory, options.BaselinePath) + ", then commit it";

    private static GateDiagnostic SummaryDiagnostic(GateDecision decision)
    {
        string verdict = decision.Passed ? "passed" : "FAILED";
        var text = new StringBuilder($"Safety gate {verdict}: {Format.Plural(decision.ErrorCount, "error")}, {Format.Plural(decision.WarningCount, "warning")}");
        if (!decision.BadInput)
        {
            text.Append($"; {Format.Plural(decision.CandidateCases, "case")} from {Format.Plural(decision.Files.Count, "TRX file")}");
            if (decision.Slices.TryGetValue(Metrics.SliceKey.Overall, out SliceComparison? overall) && overall.Candidate?.Rate is double rate)
            {
                text.Append($", severity-weighted failure rate {Format.Percent(rate)}");
                if (overall.Baseline?.Rate is double before)
                {
                    text.Append($" (baseline {Format.Percent(before)})");
                }
            }
        }

        if (decision.Options.SummaryPath is string path)
        {
            text.Append($". Summary: {path}");
        }

        text.Append('.');
        return new GateDiagnostic(DiagnosticCodes.Summary, DiagnosticSeverity.Message, text.ToString(), decision.Options.SummaryPath);
    }

    private static void WriteSummaries(GateDecision decision, string markdown, Func<string, string?> environment)
    {
        if (decision.Options.SummaryPath is string path)
        {
            try
            {
                BaselineFiles.WriteAtomically(path, markdown);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                decision.Diagnostics.Add(new GateDiagnostic(DiagnosticCodes.Summary, DiagnosticSeverity.Warning, $"Could not write the summary file {path}: {e.Message}", path));
            }
        }

        string? step = environment("GITHUB_STEP_SUMMARY");
        if (IsSet(step))
        {
            try
            {
                File.AppendAllText(step!, markdown + "\n", new UTF8Encoding(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                decision.Diagnostics.Add(new GateDiagnostic(DiagnosticCodes.Summary, DiagnosticSeverity.Warning, $"Could not append to $GITHUB_STEP_SUMMARY ({step}): {e.Message}", step));
            }
        }
    }

    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
