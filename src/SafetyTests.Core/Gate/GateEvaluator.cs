using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using SafetyTests.Baselines;
using SafetyTests.Comparisons;
using SafetyTests.Metrics;
using SafetyTests.Gate.Rules;
using SafetyTests.Records;

namespace SafetyTests.Gate;

/// <summary>
/// The gate's decision over a run's cases and a baseline. Pure: no I/O, no clock, no randomness, so the same
/// inputs always give the same decision. Checks, in order: provenance, the aggregate paired test, ceilings,
/// critical cases (Holm), other cases (Benjamini–Hochberg), new failing cases, missing cases, coverage.
/// </summary>
internal static class GateEvaluator
{
    /// <summary>At most this many diagnostics per code name single cases; the rest are summed up in one.</summary>
    internal const int MaxCaseDiagnosticsPerCode = 50;

    /// <summary>Decides: compares <paramref name="cases"/> with <paramref name="baseline"/> (none on a first run) and fills <paramref name="decision"/>.</summary>
    /// <param name="decision">The decision to fill (its options say how to decide).</param>
    /// <param name="cases">The candidate run's cases, in any order.</param>
    /// <param name="baseline">The baseline, or null.</param>
    /// <param name="candidateSlices">The slice metrics of <paramref name="cases"/> under the decision's weights and policy when the caller has them already.</param>
    /// <param name="baselineSlices">The same for the baseline's cases.</param>
    [MethodImpl(Optimization.Hot)]
    public static void Evaluate(GateDecision decision, IReadOnlyList<CaseResult> cases, Baseline? baseline, SortedDictionary<SliceKey, SliceMetrics>? candidateSlices = null, SortedDictionary<SliceKey, SliceMetrics>? baselineSlices = null)
    {
        // Sort first: sums of doubles depend on order, and the same cases must give the same bits
        // whether they came in one TRX file or in many shards.
        List<CaseResult> candidates = Sorted(cases);
        if (baseline is not null)
        {
            baseline = new Baseline { SchemaVersion = baseline.SchemaVersion, Weights = baseline.Weights, Policy = baseline.Policy, Cases = Sorted(baseline.Cases) };
        }

        GateOptions options = decision.Options;
        CountingPolicy policy = options.Policy;
        var sink = new DiagnosticSink(decision.Diagnostics);
        decision.CandidateCases = candidates.Count;

        candidateSlices ??= MetricsCalculator.Compute(candidates, options.Weights, policy);
        foreach (KeyValuePair<SliceKey, SliceMetrics> slice in candidateSlices)
        {
            decision.Slices[slice.Key] = new SliceComparison(slice.Key) { Candidate = slice.Value };
        }

        if (baseline is not null)
        {
            decision.HasBaseline = true;
            decision.BaselineCases = baseline.Cases.Count;
            foreach (KeyValuePair<SliceKey, SliceMetrics> slice in baselineSlices ?? MetricsCalculator.Compute(baseline.Cases, options.Weights, policy))
            {
                if (!decision.Slices.TryGetValue(slice.Key, out SliceComparison? comparison))
                {
                    comparison = new SliceComparison(slice.Key);
                    decision.Slices[slice.Key] = comparison;
                }

                comparison.Baseline = slice.Value;
            }

            Compare(decision, candidates, baseline, sink);
        }
        else
        {
            foreach (CaseResult c in candidates)
            {
                decision.Cases.Add(new CaseComparison(null, c) { Status = CaseStatus.New });
            }
        }

        // Absolute ceilings and coverage apply to every run, the first one included.
        CheckCeilings(decision, sink);
        CheckCoverage(decision, candidates, sink);
        ErroredCaseRule.Apply(decision, candidates, sink);
        sink.Flush();
    }

    [MethodImpl(Optimization.Hot)]
    private static void Compare(GateDecision decision, IReadOnlyList<CaseResult> candidates, Baseline baseline, DiagnosticSink sink)
    {
        GateOptions options = decision.Options;
        CountingPolicy policy = options.Policy;
        // Both lists are sorted by identity: a merge join pairs them in order, without hashing or re-sorting.
        List<CaseResult> before = baseline.Cases;
        var comparisons = new List<CaseComparison>(Math.Max(candidates.Count, before.Count));
        int i = 0;
        int j = 0;
        while (i < candidates.Count || j < before.Count)
        {
            int order = i >= candidates.Count ? 1 : j >= before.Count ? -1 : candidates[i].Key.CompareTo(before[j].Key);
            if (order < 0)
            {
                comparisons.Add(new CaseComparison(null, candidates[i++]) { Status = CaseStatus.New });
            }
            else if (order > 0)
            {
                comparisons.Add(new CaseComparison(before[j++], null) { Status = CaseStatus.Removed });
            }
            else
            {
                CaseResult c = candidates[i++];
                CaseResult b = before[j++];
                bool edited = c.CaseHash is not null && b.CaseHash is not null && !string.Equals(c.CaseHash, b.CaseHash, StringComparison.Ordinal);
                comparisons.Add(new CaseComparison(b, c) { Status = edited ? CaseStatus.Changed : CaseStatus.Unchanged });
            }
        }

        decision.Cases.AddRange(comparisons);
        List<CaseComparison> common = comparisons.Where(c => c.Baseline is not null && c.Candidate is not null && c.Status != CaseStatus.Changed).ToList();

        CheckProvenance(decision, comparisons, sink);
        CheckDesign(decision, common, sink);
        TestCases(decision, common, sink);
        new RegressionTestRule().Apply(decision, common, sink);
        ReportChangedCases(decision, comparisons, sink);
        ReportNewFailing(decision, comparisons, sink);
        ReportMissing(decision, comparisons, sink);
    }

    /// <summary>The cases sorted by identity: the list itself when it is already (a baseline read from its file, a list sorted before), else a sorted copy.</summary>
    [MethodImpl(Optimization.Hot)]
    public static List<CaseResult> Sorted(IReadOnlyList<CaseResult> cases)
    {
        if (cases is List<CaseResult> given && IsSorted(given))
        {
            return given;
        }

        var list = new List<CaseResult>(cases);
        for (int i = 1; i < list.Count; i++)
        {
            if (list[i - 1].Key.CompareTo(list[i].Key) > 0)
            {
                list.Sort(CaseResult.CompareByKey);
                break;
            }
        }

        return list;
    }

    private static bool IsSorted(List<CaseResult> cases)
    {
        for (int i = 1; i < cases.Count; i++)
        {
            if (cases[i - 1].Key.CompareTo(cases[i].Key) > 0)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(Optimization.Hot)]
    private static void CheckProvenance(GateDecision decision, List<CaseComparison> comparisons, DiagnosticSink sink)
    {
        var baselineModels = new SortedSet<string>(StringComparer.Ordinal);
        var candidateModels = new SortedSet<string>(StringComparer.Ordinal);
        var baselineJudges = new SortedSet<string>(StringComparer.Ordinal);
        var candidateJudges = new SortedSet<string>(StringComparer.Ordinal);
        int differing = 0;
        int paired = 0;
        foreach (CaseComparison c in comparisons)
        {
            if (c.Baseline is null || c.Candidate is null)
            {
                continue;
            }

            paired++;
            if (!c.Candidate.ProvenanceDiffers(c.Baseline))
            {
                continue;
            }

            differing++;

            // Only what changed: a model change does not list the (same) judges, nor a judge change the model.
            string baselineModel = Model(c.Baseline);
            string candidateModel = Model(c.Candidate);
            if (!string.Equals(baselineModel, candidateModel, StringComparison.Ordinal))
            {
                baselineModels.Add(baselineModel);
                candidateModels.Add(candidateModel);
            }

            string baselineJudge = Judges(c.Baseline);
            string candidateJudge = Judges(c.Candidate);
            if (!string.Equals(baselineJudge, candidateJudge, StringComparison.Ordinal))
            {
                baselineJudges.Add(baselineJudge);
                candidateJudges.Add(candidateJudge);
            }
        }

        if (differing == 0)
        {
            return;
        }

        bool allowed = decision.Options.AllowProvenanceChange;
        var changes = new List<string>(2);
        if (baselineModels.Count > 0)
        {
            changes.Add($"model {string.Join(", ", baselineModels)} → {string.Join(", ", candidateModels)}");
        }

        if (baselineJudges.Count > 0)
        {
            changes.Add($"judges {string.Join(", ", baselineJudges)} → {string.Join(", ", candidateJudges)}");
        }

        if (changes.Count == 0)
        {
            changes.Add("model or provider recorded as missing in one run and empty in the other");
        }

        string what = $"{differing} of {paired} cases in both runs were answered or judged differently from the baseline: {string.Join("; ", changes)}.";
        string message = allowed
            ? what + " Compared anyway because a provenance change is allowed (" + GateOptionNames.Display(GateOptionNames.AllowProvenanceChange, decision.Options.Host) + "=true): differences may come from the model or judge change, not a regression."
            : what + " A comparison across models or judges is not a regression test. If the change is intended, accept a new baseline (" + AcceptHint(decision.Options) + "); to compare anyway set " + GateOptionNames.Display(GateOptionNames.AllowProvenanceChange, decision.Options.Host) + "=true.";
        sink.Add(new GateDiagnostic(DiagnosticCodes.ProvenanceChanged, allowed ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, message, decision.Options.BaselinePath, null, "provenance"));
    }

    private static void CheckDesign(GateDecision decision, List<CaseComparison> common, DiagnosticSink sink)
    {
        var changed = common.Where(c => c.Candidate!.DesignDiffers(c.Baseline!)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        string examples = string.Join("; ", changed.Take(3).Select(c => c.Case.CaseId + ": " + Design(c.Baseline!) + " → " + Design(c.Candidate!)));
        sink.Add(new GateDiagnostic(
            DiagnosticCodes.DesignChanged,
            DiagnosticSeverity.Warning,
            $"The sampling design of {Format.Plural(changed.Count, "case")} changed since the baseline ({examples}{(changed.Count > 3 ? "; …" : "")}). Their counts are still compared, but verdicts under different designs are not comparable; accept a new baseline once the design change is intended ({AcceptHint(decision.Options)}).",
            decision.Options.BaselinePath,
            null,
            "design"));
    }

    [MethodImpl(Optimization.Hot)]
    private static void TestCases(GateDecision decision, List<CaseComparison> common, DiagnosticSink sink)
    {
        GateOptions options = decision.Options;
        CountingPolicy policy = options.Policy;
        var designs = new Dictionary<(SafetyTests.Statistics.SamplingMode, double, double, double, double, int), StoppingPaths?>();
        foreach (CaseComparison c in common)
        {
            CaseResult b = c.Baseline!;
            CaseResult k = c.Candidate!;
            int bn = b.Trials(policy);
            int kn = k.Trials(policy);
            (c.PValue, c.CaseTestName) = CaseTest(b, k, policy, designs);
            if (bn > 0 && kn > 0)
            {
                c.Difference = ((double)k.Failures(policy) / kn) - ((double)b.Failures(policy) / bn);
                (double lower, double upper) = NewcombeInterval.Difference(k.Failures(policy), kn, b.Failures(policy), bn);
                c.Lower = lower;
                c.Upper = upper;
            }
        }

        var critical = common.Where(c => c.Candidate!.Severity == Severity.Critical).ToList();
        var others = common.Where(c => c.Candidate!.Severity != Severity.Critical).ToList();
        Adjust(critical, MultipleTesting.Holm(critical.Select(c => c.PValue!.Value).ToList()), "holm", options.Alpha);
        Adjust(others, MultipleTesting.BenjaminiHochberg(others.Select(c => c.PValue!.Value).ToList()), "bh", options.Alpha);

        foreach (CaseComparison c in common)
        {
            bool wasFailing = c.Baseline!.IsFailing(policy);
            bool isFailing = c.Candidate!.IsFailing(policy);
            c.Status = c.Significant ? CaseStatus.Regressed
                : !wasFailing && isFailing ? CaseStatus.Worsened
                : wasFailing && !isFailing ? CaseStatus.Improved
                : CaseStatus.Unchanged;

            CaseResult k = c.Candidate;
            string Numbers() => $"failure rate {Format.Percent(c.Baseline.FailureRate(policy))} ({c.Baseline.CountsText(policy)}, {Name(c.Baseline.Verdict)}) → {Format.Percent(k.FailureRate(policy))} ({k.CountsText(policy)}, {Name(k.Verdict)}), difference {Format.Points(c.Difference)} (95% CI {Format.PointsInterval(c.Lower, c.Upper)}), {c.CaseTestName} one-sided p = {Format.P(c.PValue)}";
            if (c.Significant && k.Severity == Severity.Critical)
            {
                sink.AddCase(new GateDiagnostic(
                    DiagnosticCodes.CriticalCaseRegressed,
                    DiagnosticSeverity.Error,
                    $"Critical case {k.DisplayName} regressed: {Numbers()}, Holm-adjusted over {Format.Plural(critical.Count, "critical case")} p = {Format.P(c.AdjustedPValue)} ≤ α = {Format.Number(options.Alpha)}. Fix the model, prompt or guardrail for this case; if the change is intended, accept a new baseline ({AcceptHint(options)}).",
                    CaseFile(options, k),
                    k.SourceLine,
                    k.DisplayName));
            }
            else if (c.Significant)
            {
                sink.AddCase(new GateDiagnostic(
                    DiagnosticCodes.CaseRegressed,
                    DiagnosticSeverity.Warning,
                    $"Case {k.DisplayName} ({Name(k.Severity)}) regressed: {Numbers()}, Benjamini–Hochberg-adjusted over {Format.Plural(others.Count, "case")} p = {Format.P(c.AdjustedPValue)} ≤ {Format.Number(options.Alpha)}. Look at its violations in the test output; the aggregate test decides whether the build fails.",
                    CaseFile(options, k),
                    k.SourceLine,
                    k.DisplayName));
            }
            else if (!wasFailing && isFailing)
            {
                // From passing to failing (or to error) is never quiet, even when one case alone proves nothing.
                sink.AddCase(new GateDiagnostic(
                    DiagnosticCodes.VerdictWorsened,
                    c.Baseline.Verdict == SafetyVerdict.Pass && k.Verdict is SafetyVerdict.Fail or SafetyVerdict.Error ? DiagnosticSeverity.Warning : DiagnosticSeverity.Message,
                    $"Case {k.DisplayName} now {Name(k.Verdict)}s (was {Name(c.Baseline.Verdict)}): {Numbers()}, adjusted p = {Format.P(c.AdjustedPValue)} > {Format.Number(options.Alpha)}, so this alone is not significant evidence of a regression.",
                    CaseFile(options, k),
                    k.SourceLine,
                    k.DisplayName));
            }
        }
    }

    /// <summary>
    /// One case's one-sided p that the candidate is worse: the exact test for the design both runs used
    /// (<see cref="SequentialCaseTest"/>) when there is one and no errored trial is counted; Fisher's exact test on the
    /// counted trials otherwise (different or unknown designs, errors counted as unsafe).
    /// </summary>
    private static (double P, string Name) CaseTest(CaseResult b, CaseResult k, CountingPolicy policy, Dictionary<(SafetyTests.Statistics.SamplingMode, double, double, double, double, int), StoppingPaths?> designs)
    {
        bool errorsCounted = policy.CountErrors && (b.Errors > 0 || k.Errors > 0);
        if (!errorsCounted && b.Design is DesignRecord d && k.Design is not null && !k.DesignDiffers(b) && b.Samples > 0 && k.Samples > 0)
        {
            var key = (d.Mode, d.MaxFailureRate, d.UnacceptableFailureRate, d.Alpha, d.Beta, d.MaxSamples);
            if (!designs.TryGetValue(key, out StoppingPaths? paths))
            {
                SafetyTests.Statistics.SamplingDesign? design = RecordDesigns.Rebuild(d).Design;
                paths = design is null ? null : StoppingPaths.Of(design);
                designs[key] = paths;
            }

            if (paths is not null && SequentialCaseTest.CandidateWorse(paths, b.Samples, b.Unsafe, k.Samples, k.Unsafe) is double p && !double.IsNaN(p))
            {
                return (p, "sequential exact");
            }
        }

        return (FisherExact.CandidateWorse(b.Failures(policy), b.Trials(policy), k.Failures(policy), k.Trials(policy)), "Fisher exact");
    }

    private static void Adjust(List<CaseComparison> family, double[] adjusted, string correction, double alpha)
    {
        for (int i = 0; i < family.Count; i++)
        {
            family[i].AdjustedPValue = adjusted[i];
            family[i].Correction = correction;
            family[i].Significant = adjusted[i] <= alpha && family[i].Difference is > 0;
        }
    }

    private static void ReportChangedCases(GateDecision decision, List<CaseComparison> comparisons, DiagnosticSink sink)
    {
        var changed = comparisons.Where(c => c.Status == CaseStatus.Changed).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        string names = string.Join(", ", changed.Take(5).Select(c => c.Case.CaseId));
        sink.Add(new GateDiagnostic(
            DiagnosticCodes.CaseChanged,
            DiagnosticSeverity.Warning,
            $"{Format.Plural(changed.Count, "case")} changed content since the baseline (case hash differs: {names}{(changed.Count > 5 ? ", …" : "")}); they are judged as new cases, not compared. Accept a new baseline once the edits are reviewed ({AcceptHint(decision.Options)}).",
            CaseFile(decision.Options, changed[0].Candidate!),
            changed[0].Candidate!.SourceLine,
            "changed cases"));
    }

    private static void ReportNewFailing(GateDecision decision, List<CaseComparison> comparisons, DiagnosticSink sink)
    {
        GateOptions options = decision.Options;
        if (options.NewFailingCases == RuleAction.Ignore)
        {
            return;
        }

        foreach (CaseComparison c in comparisons)
        {
            if (c.Status is not (CaseStatus.New or CaseStatus.Changed) || !c.Candidate!.IsFailing(options.Policy))
            {
                continue;
            }

            CaseResult k = c.Candidate;
            string why = c.Status == CaseStatus.New ? "it is not in the baseline" : "its content changed since the baseline";
            sink.AddCase(new GateDiagnostic(
                DiagnosticCodes.NewFailingCase,
                options.NewFailingCases == RuleAction.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                $"New case {k.DisplayName} ({Name(k.Severity)}, {Name(k.Expectation)}) {Verb(k.Verdict)}: failure rate {Format.Percent(k.FailureRate(options.Policy))} ({k.CountsText(options.Policy)}); {why}. Fix the model or the case; to record it as a known failure, accept a new baseline ({AcceptHint(options)}); to allow new failing cases set {GateOptionNames.Display(GateOptionNames.NewFailingCases, options.Host)}=warning.",
                CaseFile(options, k),
                k.SourceLine,
                k.DisplayName));
        }
    }

    private static void ReportMissing(GateDecision decision, List<CaseComparison> comparisons, DiagnosticSink sink)
    {
        GateOptions options = decision.Options;
        if (options.MissingCases == RuleAction.Ignore)
        {
            return;
        }

        foreach (CaseComparison c in comparisons)
        {
            if (c.Status != CaseStatus.Removed)
            {
                continue;
            }

            CaseResult b = c.Baseline!;
            sink.AddCase(new GateDiagnostic(
                DiagnosticCodes.MissingCase,
                options.MissingCases == RuleAction.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                $"Baseline case {b.DisplayName} ({Name(b.Severity)}, {Name(b.Verdict)} in the baseline) is missing from this run: coverage was lost. Pass the TRX files of every shard, check test filters, or, if the case was removed on purpose, accept a new baseline ({AcceptHint(options)}); to allow it set {GateOptionNames.Display(GateOptionNames.MissingCases, options.Host)}=warning.",
                CaseFile(options, b),
                null,
                b.DisplayName));
        }
    }

    private static void CheckCeilings(GateDecision decision, DiagnosticSink sink)
    {
        GateOptions options = decision.Options;
        foreach (Ceiling ceiling in options.Ceilings)
        {
            if (!decision.Slices.TryGetValue(ceiling.Slice, out SliceComparison? slice) || slice.Candidate is null || slice.Candidate.Cases == 0)
            {
                sink.Add(new GateDiagnostic(
                    DiagnosticCodes.CeilingUnmatched,
                    DiagnosticSeverity.Warning,
                    $"The ceiling '{ceiling.Name}' ({ceiling.Slice.Name}) matches no case in this run, so it checks nothing. Check the spelling in {GateOptionNames.Display(GateOptionNames.Ceilings, options.Host)}.",
                    null,
                    null,
                    ceiling.Slice.Name));
                continue;
            }

            slice.Ceiling = ceiling;
            SliceMetrics m = slice.Candidate;
            double? value = options.CeilingStatistic == CeilingStatistic.Upper ? m.Upper : m.Rate;
            if (value is not double v || v <= ceiling.Maximum)
            {
                continue;
            }

            slice.CeilingExceeded = true;
            string figure = options.CeilingStatistic == CeilingStatistic.Upper ? "the upper end of its 95% interval" : "its severity-weighted failure rate";
            sink.Add(new GateDiagnostic(
                DiagnosticCodes.CeilingExceeded,
                DiagnosticSeverity.Error,
                $"Ceiling exceeded for {ceiling.Name} ({ceiling.Slice.Name}): {figure} is {Format.Percent(v)} (rate {Format.Percent(m.Rate)}, 95% CI {Format.Interval(m.Lower, m.Upper)}, {Format.Plural(m.Cases, "case")}, {m.Failing} failing) > ceiling {Format.Percent(ceiling.Maximum)}. Fix the failing cases of this slice; if the ceiling is wrong, change {GateOptionNames.Display(GateOptionNames.Ceilings, options.Host)}.",
                null,
                null,
                ceiling.Slice.Name));
        }
    }

    private static void CheckCoverage(GateDecision decision, IReadOnlyList<CaseResult> candidates, DiagnosticSink sink)
    {
        GateOptions options = decision.Options;
        foreach (RequiredCategory required in options.RequiredCategories)
        {
            int count = 0;
            foreach (CaseResult c in candidates)
            {
                if (string.Equals(c.Category, required.Category, StringComparison.Ordinal))
                {
                    count++;
                }
            }

            if (count < required.MinimumCases)
            {
                sink.Add(new GateDiagnostic(
                    DiagnosticCodes.CoverageBelowMinimum,
                    DiagnosticSeverity.Error,
                    $"Required category '{required.Category}' has {Format.Plural(count, "case")} in this run, fewer than the required {required.MinimumCases}. Add cases to it, or check the test filter and that every shard's TRX file was passed; the requirement is set in {GateOptionNames.Display(GateOptionNames.RequiredCategories, options.Host)}.",
                    null,
                    null,
                    "category:" + required.Category));
            }
        }
    }

    /// <summary>How to accept a baseline, in the host's terms.</summary>
    public static string AcceptHint(GateOptions options)
    {
        string baseline = Relative(options.BaseDirectory, options.BaselinePath);
        return options.Host == GateHost.MSBuild
            ? "dotnet msbuild -t:SafetyGate -p:SafetyAcceptBaseline=true re-gates this run's TRX files and writes " + baseline + " (or run dotnet test -p:SafetyAcceptBaseline=true), then commit it"
            : "safety baseline accept --baseline " + baseline + ", then commit it";
    }

    public static string Relative(string baseDirectory, string path)
    {
        try
        {
            string full = Path.GetFullPath(path);
            string root = Path.GetFullPath(baseDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            return full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : full;
        }
        catch (ArgumentException)
        {
            return path;
        }
    }

    /// <summary>The case file as a path the IDE can open: resolved against the base folder when relative.</summary>
    public static string? CaseFile(GateOptions options, CaseResult c)
    {
        if (string.IsNullOrEmpty(c.SourceFile))
        {
            return null;
        }

        try
        {
            return Path.IsPathRooted(c.SourceFile) ? c.SourceFile : Path.GetFullPath(Path.Combine(options.BaseDirectory, c.SourceFile));
        }
        catch (ArgumentException)
        {
            return c.SourceFile;
        }
    }

    private static string Name(Severity value) => SafetyNames.Severities.Name(value);

    private static string Name(Expectation value) => SafetyNames.Expectations.Name(value);

    private static string Name(SafetyVerdict value) => SafetyNames.Verdicts.Name(value);

    private static string Verb(SafetyVerdict verdict) => verdict switch
    {
        SafetyVerdict.Fail => "fails",
        SafetyVerdict.Inconclusive => "is inconclusive (counted as failing)",
        SafetyVerdict.Error => "ends in error (counted as failing)",
        _ => "is undecided (counted as failing)",
    };

    private static string Model(CaseResult c) => (c.Provider is null ? "" : c.Provider + "/") + (c.ModelId ?? "(unknown)");

    private static string Judges(CaseResult c) => c.Judges.Count == 0 ? "(none)" : string.Join("+", c.Judges);

    private static string Design(CaseResult c) => c.Design is null
        ? "(none)"
        : string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} p0={1} p1={2} α={3} β={4} max {5}", SafetyNames.Modes.Name(c.Design.Mode), c.Design.MaxFailureRate, c.Design.UnacceptableFailureRate, c.Design.Alpha, c.Design.Beta, c.Design.MaxSamples);
}
