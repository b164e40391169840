using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SafetyTests.Records;
using SafetyTests.Statistics;

namespace SafetyTests.Trials;

/// <summary>Turns the counted trials of one case into its safety record and the summary a person reads.</summary>
internal static class SafetyRunReport
{
    private const int MaxListed = 3;

    private const double IntervalConfidence = 0.95;

    public static SafetyRunResult Build(
        SafetyRunContext context,
        SafetyRunOptions options,
        SequentialDecision decision,
        int runSeed,
        IReadOnlyList<TrialResult> counted,
        IReadOnlyList<TrialResult> all,
        long durationMs)
    {
        var design = decision.Design;
        var record = new SafetyRecord
        {
            CaseId = context.CaseId,
            Test = context.TestName,
            Framework = context.Framework,
            Verdict = decision.Verdict,
            Samples = decision.Samples,
            Unsafe = decision.Unsafe,
            Errors = decision.Errors,
            DurationMs = durationMs,
            Design = new DesignRecord
            {
                Mode = design.Mode,
                MaxFailureRate = design.MaxFailureRate,
                UnacceptableFailureRate = design.UnacceptableFailureRate,
                Alpha = design.Alpha,
                Beta = design.Beta,
                MaxSamples = design.MaxSamples,
                ErrorBudget = design.ErrorBudget,
                Seed = runSeed,
            },
        };

        if (context.Case is { } promptCase)
        {
            record.CaseHash = promptCase.ContentHash;
            record.SourceFile = promptCase.Source.File;
            record.SourceLine = promptCase.Source.Line > 0 ? promptCase.Source.Line : null;
            record.Category = promptCase.Category;
            record.Severity = promptCase.Severity;
            record.Expectation = promptCase.Expect;
            record.Tags = new List<string>(promptCase.Tags);
        }
        else
        {
            record.Expectation = Expectation.Custom;
        }

        if (decision.Samples > 0)
        {
            // The exact (Clopper–Pearson) interval: it never under-covers, so a reader can trust "at most X %".
            var interval = BinomialInterval.ClopperPearson(decision.Unsafe, decision.Samples, IntervalConfidence);
            record.IntervalLower = Math.Round(interval.Lower, 6);
            record.IntervalUpper = Math.Round(interval.Upper, 6);
            record.IntervalConfidence = IntervalConfidence;
        }

        Exception? firstViolation = null;
        Exception? firstError = null;
        var outcomes = new TrialOutcome[counted.Count];
        for (int i = 0; i < counted.Count; i++)
        {
            var trial = counted[i];
            outcomes[i] = trial.Outcome;
            if (trial.Exception is null)
            {
                continue;
            }

            if (trial.Exception is SafetyViolationException violation)
            {
                AddDistinct(record.Judges, violation.Judgement.JudgeId + "@" + violation.Judgement.JudgeVersion);
            }

            string text = Invariant($"sample {trial.Index}: {TextRedaction.Describe(trial.Exception)}");
            if (trial.Outcome == TrialOutcome.Unsafe)
            {
                firstViolation ??= trial.Exception;
                if (record.Violations.Count < MaxListed)
                {
                    record.Violations.Add(text);
                }
            }
            else if (trial.Outcome == TrialOutcome.Error)
            {
                firstError ??= trial.Exception;
                if (record.ErrorMessages.Count < MaxListed)
                {
                    record.ErrorMessages.Add(text);
                }
            }
        }

        AggregateProvenance(record, counted, all);
        record.StopReason = decision.StopReason;

        int discarded = all.Count - counted.Count;
        string summary = Summarize(record, options, decision, discarded);
        string recordLine = SafetyRecordSerializer.FormatOutputLine(record);
        return new SafetyRunResult(record, summary, recordLine, options.Inconclusive, outcomes, all.Count, discarded, firstViolation, firstError);
    }

    private static void AggregateProvenance(SafetyRecord record, IReadOnlyList<TrialResult> counted, IReadOnlyList<TrialResult> all)
    {
        // Usage counts every started trial (the tokens were spent); model, settings and judges come from counted trials first.
        long input = 0;
        long output = 0;
        int calls = 0;
        foreach (var result in all)
        {
            var trial = result.Trial;
            input += trial.InputTokens;
            output += trial.OutputTokens;
            calls += trial.ModelCalls;
        }

        if (calls > 0)
        {
            record.InputTokens = input;
            record.OutputTokens = output;
        }

        foreach (var list in new[] { counted, all })
        {
            foreach (var result in list)
            {
                var trial = result.Trial;
                record.ModelId ??= trial.ModelId;
                record.Provider ??= trial.Provider;
                foreach (string judge in trial.Judges)
                {
                    AddDistinct(record.Judges, judge);
                }

                foreach (var setting in trial.SamplingSettings)
                {
                    if (!record.SamplingSettings.ContainsKey(setting.Key))
                    {
                        record.SamplingSettings[setting.Key] = setting.Value;
                    }
                }
            }
        }
    }

    private static void AddDistinct(IList<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static string Summarize(SafetyRecord record, SafetyRunOptions options, SequentialDecision decision, int discarded)
    {
        var design = decision.Design;
        var text = new StringBuilder();
        string evidence = Invariant($"unsafe in {record.Unsafe} of {record.Samples} samples{RateAndInterval(record)}");
        string acceptable = Invariant($"acceptable ≤ {Percent(design.MaxFailureRate)}");
        switch (record.Verdict)
        {
            case SafetyVerdict.Pass:
                text.Append(Invariant($"PASS: {evidence}; {acceptable}; {record.StopReason}"));
                break;
            case SafetyVerdict.Fail:
                text.Append(Invariant($"FAIL: {evidence}; {acceptable}; {record.StopReason}"));
                if (record.Violations.Count > 0)
                {
                    text.Append("; first violation: ").Append(record.Violations[0]);
                }

                break;
            case SafetyVerdict.Inconclusive:
                text.Append(Invariant($"INCONCLUSIVE: {evidence}; {acceptable}, unacceptable ≥ {Percent(design.UnacceptableFailureRate)}; {record.StopReason}"));
                break;
            case SafetyVerdict.Error:
                text.Append(Invariant($"ERROR: {record.Errors} of {record.Errors + record.Samples} trials errored (error budget {design.ErrorBudget}); errors never count as safe"));
                if (record.ErrorMessages.Count > 0)
                {
                    text.Append("; first error: ").Append(record.ErrorMessages[0]);
                }

                break;
            default:
                text.Append(Invariant($"UNDECIDED: {evidence}"));
                break;
        }

        text.AppendLine();
        if (record.Verdict == SafetyVerdict.Inconclusive)
        {
            string effect = options.Inconclusive switch
            {
                InconclusiveBehavior.Skip => "reports the test as skipped",
                InconclusiveBehavior.Pass => "lets the test pass (the record still says Inconclusive)",
                _ => "fails the test",
            };
            text.AppendLine(Invariant($"Inconclusive {effect} (Inconclusive = {options.Inconclusive}). To decide, raise MaxSamples or widen the gap between MaxFailureRate and UnacceptableFailureRate."));
        }

        if (record.Verdict == SafetyVerdict.Error)
        {
            string soFar = record.Samples == 0 ? "No trial completed without an error, so there is no evidence about the failure rate" : Invariant($"Evidence so far: {evidence}");
            text.AppendLine(Invariant($"{soFar}. Fix the cause of the errors (transport, timeouts, judge failures) and rerun; raising MaxErrorRate tolerates more of them."));
        }

        for (int i = record.Verdict == SafetyVerdict.Fail ? 1 : 0; i < record.Violations.Count; i++)
        {
            text.Append(i == 0 ? "violation: " : "further violation: ").AppendLine(record.Violations[i]);
        }

        if (record.Errors > 0 && record.Verdict != SafetyVerdict.Error)
        {
            text.AppendLine(Invariant($"errors: {record.Errors} errored trials (tolerated up to {design.ErrorBudget}; not counted as samples)"));
        }

        for (int i = record.Verdict == SafetyVerdict.Error ? 1 : 0; i < record.ErrorMessages.Count; i++)
        {
            text.Append(i == 0 ? "error: " : "further error: ").AppendLine(record.ErrorMessages[i]);
        }

        string mode = design.Mode == SamplingMode.Sequential
            ? Invariant($"sequential (SPRT), at most {design.MaxSamples} samples; H0 p ≤ {Percent(design.MaxFailureRate)} vs H1 p ≥ {Percent(design.UnacceptableFailureRate)}; α {Percent(design.Alpha)}, β {Percent(design.Beta)}")
            : Invariant($"fixed, {design.MaxSamples} samples, fail at {design.FixedFailThreshold} unsafe (exact binomial test of p ≤ {Percent(design.MaxFailureRate)} at α {Percent(design.Alpha)})");
        text.AppendLine(Invariant($"design: {mode}; error budget {design.ErrorBudget}; run seed {record.Design.Seed}; up to {options.MaxConcurrency} trials in flight"));

        var provenance = new List<string>();
        if (record.ModelId is not null || record.Provider is not null)
        {
            provenance.Add("model " + (record.ModelId ?? "?") + (record.Provider is null ? string.Empty : " (" + record.Provider + ")"));
        }

        if (record.Judges.Count > 0)
        {
            provenance.Add("judges " + string.Join(", ", record.Judges));
        }

        if (record.InputTokens is long input && record.OutputTokens is long output)
        {
            provenance.Add(Invariant($"tokens {input} in / {output} out"));
        }

        if (discarded > 0)
        {
            provenance.Add(Invariant($"{discarded} trial{(discarded == 1 ? string.Empty : "s")} in flight at the decision not counted"));
        }

        provenance.Add(Invariant($"{(record.DurationMs ?? 0) / 1000.0:0.0##} s"));
        text.Append("run: ").Append(string.Join("; ", provenance));
        return text.ToString();
    }

    private static string RateAndInterval(SafetyRecord record)
    {
        if (record.Samples == 0)
        {
            return string.Empty;
        }

        double rate = (double)record.Unsafe / record.Samples;
        return Invariant($" ({Percent(rate)}, 95% CI {Number(record.IntervalLower ?? 0)}–{Percent(record.IntervalUpper ?? 1)})");
    }

    /// <summary>Formats a rate as a percentage: one decimal below 10 %, whole numbers above.</summary>
    internal static string Percent(double rate) => Number(rate) + "%";

    private static string Number(double rate)
    {
        double percent = rate * 100;
        return percent < 10
            ? percent.ToString("0.#", CultureInfo.InvariantCulture)
            : percent.ToString("0", CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
