using System.Collections.Generic;
using System.Linq;
using System.Text;
using SafetyTests.Metrics;
using SafetyTests.Records;

namespace SafetyTests.Gate;

/// <summary>Renders a gate decision as Markdown: the verdict, the aggregate test, a table per slice kind, the cases that moved and every diagnostic.</summary>
internal static class MarkdownSummary
{
    internal const int MaxRows = 200;

    public static string Render(GateDecision decision)
    {
        GateOptions options = decision.Options;
        var md = new StringBuilder();
        string mark = decision.Passed ? "✅" : "❌";
        md.Append("## ").Append(mark).Append(" Safety gate ").Append(decision.Passed ? "passed" : "failed")
          .Append(" — ").Append(Format.Plural(decision.ErrorCount, "error")).Append(", ").Append(Format.Plural(decision.WarningCount, "warning")).Append("\n\n");

        md.Append(Format.Plural(decision.CandidateCases, "case")).Append(" from ").Append(Format.Plural(decision.Files.Count, "TRX file"))
          .Append(" (").Append(Format.Int(decision.Results)).Append(" test results, ").Append(Format.Int(decision.ResultsWithRecords)).Append(" with safety records) · baseline `")
          .Append(Escape(GateEvaluator.Relative(options.BaseDirectory, options.BaselinePath))).Append('`')
          .Append(decision.HasBaseline ? " (" + Format.Plural(decision.BaselineCases, "case") + ")" : decision.Accepted ? " (accepted from this run)" : " (none yet)")
          .Append(" · α ").Append(Format.Number(options.Alpha)).Append(" · tolerance ").Append(Format.Points(options.Tolerance).TrimStart('+', '±'))
          .Append(" · weights ").Append(string.Join(", ", new[] { Severity.Low, Severity.Medium, Severity.High, Severity.Critical }.Select(s => options.Weights.Describe(s))))
          .Append(" · Inconclusive ").Append(options.Policy.CountInconclusive ? "counts" : "does not count")
          .Append(" and Error ").Append(options.Policy.CountErrors ? "counts" : "does not count").Append(" as failing\n\n");

        if (decision.Aggregate is AggregateTest aggregate)
        {
            md.Append("**Aggregate test** (").Append(aggregate.Method).Append("): ")
              .Append(aggregate.Regressed ? "**regression** — " : "no significant regression — ")
              .Append(Escape(aggregate.Explanation)).Append("\n\n");
        }

        if (decision.HasBaseline)
        {
            md.Append("| new | regressed | worsened (verdict only) | improved | removed | changed | unchanged |\n|---:|---:|---:|---:|---:|---:|---:|\n| ")
              .Append(string.Join(" | ", new[] { CaseStatus.New, CaseStatus.Regressed, CaseStatus.Worsened, CaseStatus.Improved, CaseStatus.Removed, CaseStatus.Changed, CaseStatus.Unchanged }.Select(s => Format.Int(decision.CountStatus(s)))))
              .Append(" |\n\n");
        }

        foreach (IGrouping<SliceKind, SliceComparison> kind in decision.Slices.Values.GroupBy(s => s.Slice.Kind))
        {
            md.Append("### ").Append(Title(kind.Key)).Append("\n\n");
            md.Append("| slice | metric | cases | samples | failing | inconclusive | errored | baseline | candidate | 95% CI | paired difference | 95% CI | ceiling | decision |\n");
            md.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---|\n");
            foreach (SliceComparison s in kind)
            {
                SliceMetrics? c = s.Candidate;
                md.Append("| ").Append(Escape(s.Slice.Kind == SliceKind.Overall ? "overall" : s.Slice.Value))
                  .Append(" | ").Append(s.Slice.MetricName ?? "")
                  .Append(" | ").Append(c is null ? "0" : Format.Int(c.Cases))
                  .Append(" | ").Append(c is null ? "0" : Format.Int(c.Samples))
                  .Append(" | ").Append(c is null ? "0" : Format.Int(c.Failing))
                  .Append(" | ").Append(c is null ? "0" : Format.Int(c.Inconclusive))
                  .Append(" | ").Append(c is null ? "0" : Format.Int(c.Errored))
                  .Append(" | ").Append(Format.Percent(s.Baseline?.Rate))
                  .Append(" | ").Append(Format.Percent(c?.Rate))
                  .Append(" | ").Append(Format.Interval(c?.Lower, c?.Upper))
                  .Append(" | ").Append(Format.Points(s.Paired?.Difference))
                  .Append(" | ").Append(Format.PointsInterval(s.Paired?.Lower, s.Paired?.Upper))
                  .Append(" | ").Append(s.Ceiling is null ? "" : Format.Percent(s.Ceiling.Maximum))
                  .Append(" | ").Append(SliceDecision(decision, s))
                  .Append(" |\n");
            }

            md.Append('\n');
        }

        AppendCases(md, decision, CaseStatus.Regressed, "Regressed cases");
        AppendCases(md, decision, CaseStatus.Worsened, "Worse verdict only, not significantly worse");
        AppendCases(md, decision, CaseStatus.New, "New cases", onlyFailing: true);
        AppendCases(md, decision, CaseStatus.Changed, "Changed cases (content edited; judged as new)");
        AppendCases(md, decision, CaseStatus.Removed, "Removed cases (missing from this run)");
        AppendCases(md, decision, CaseStatus.Improved, "Improved cases");

        List<GateDiagnostic> shown = decision.Diagnostics.Where(d => d.Code != DiagnosticCodes.Summary).ToList();
        if (shown.Count > 0)
        {
            md.Append("### Diagnostics\n\n| code | severity | where | message |\n|---|---|---|---|\n");
            foreach (GateDiagnostic d in shown.OrderByDescending(d => d.Severity).Take(MaxRows))
            {
                string where = d.File is null ? d.Subject ?? "" : GateEvaluator.Relative(options.BaseDirectory, d.File) + (d.Line is int line ? ":" + Format.Int(line) : "");
                md.Append("| ").Append(d.Code).Append(" | ").Append(d.Severity.ToString().ToLowerInvariant()).Append(" | ")
                  .Append(Escape(where)).Append(" | ").Append(Escape(d.Message)).Append(" |\n");
            }

            if (shown.Count > MaxRows)
            {
                md.Append("\n… and ").Append(Format.Int(shown.Count - MaxRows)).Append(" more diagnostics in the build log.\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    private static string SliceDecision(GateDecision decision, SliceComparison s)
    {
        var parts = new List<string>();
        if (s.CeilingExceeded)
        {
            parts.Add("❌ ceiling exceeded");
        }

        if (s.Slice.Kind == SliceKind.Overall && decision.Aggregate is AggregateTest a && a.Method != "none")
        {
            parts.Add(a.Regressed ? "❌ regressed (adjusted p " + Format.P(a.AdjustedPValue) + ")" : "✅ no significant regression (p " + Format.P(a.PValue) + ")");
        }
        else if (s.Regressed)
        {
            parts.Add("❌ regressed (adjusted p " + Format.P(s.AdjustedPValue) + ")");
        }
        else if (s.Paired is { IsTestable: true } p && p.PValue < decision.Options.Alpha)
        {
            parts.Add("⚠️ worse (p " + Format.P(p.PValue) + ", informational)");
        }
        else if (s.Baseline is null && decision.HasBaseline)
        {
            parts.Add("new slice");
        }
        else if (s.Candidate is null)
        {
            parts.Add("missing from this run");
        }

        return parts.Count == 0 ? "ok" : string.Join("; ", parts);
    }

    private static void AppendCases(StringBuilder md, GateDecision decision, CaseStatus status, string title, bool onlyFailing = false)
    {
        CountingPolicy policy = decision.Options.Policy;
        List<CaseComparison> rows = decision.Cases.Where(c => c.Status == status && (!onlyFailing || c.Candidate!.IsFailing(policy))).ToList();
        if (rows.Count == 0 || (status == CaseStatus.New && !decision.HasBaseline))
        {
            return;
        }

        md.Append("### ").Append(title).Append(onlyFailing ? " that fail" : "").Append(" (").Append(Format.Int(rows.Count)).Append(")\n\n");
        md.Append("| case | category | severity | baseline | candidate | difference | 95% CI | p | adjusted p |\n|---|---|---|---|---|---:|---|---:|---:|\n");
        foreach (CaseComparison c in rows.Take(MaxRows))
        {
            CaseResult k = c.Case;
            md.Append("| ").Append(Escape(k.DisplayName))
              .Append(" | ").Append(Escape(k.CategoryName))
              .Append(" | ").Append(SafetyNames.Severities.Name(k.Severity))
              .Append(" | ").Append(c.Baseline is null ? "–" : SafetyNames.Verdicts.Name(c.Baseline.Verdict) + " " + c.Baseline.CountsText(policy))
              .Append(" | ").Append(c.Candidate is null ? "–" : SafetyNames.Verdicts.Name(c.Candidate.Verdict) + " " + c.Candidate.CountsText(policy))
              .Append(" | ").Append(Format.Points(c.Difference))
              .Append(" | ").Append(Format.PointsInterval(c.Lower, c.Upper))
              .Append(" | ").Append(Format.P(c.PValue))
              .Append(" | ").Append(c.AdjustedPValue is null ? "–" : Format.P(c.AdjustedPValue) + " (" + c.Correction + ")")
              .Append(" |\n");
        }

        if (rows.Count > MaxRows)
        {
            md.Append("\n… and ").Append(Format.Int(rows.Count - MaxRows)).Append(" more.\n");
        }

        md.Append('\n');
    }

    private static string Title(SliceKind kind) => kind switch
    {
        SliceKind.Overall => "Overall",
        SliceKind.Category => "By category",
        SliceKind.Severity => "By severity",
        _ => "By expectation",
    };

    private static string Escape(string text) => text.Replace("\r", "").Replace("\n", "<br>").Replace("|", "\\|");
}
