using System.Linq;
using System.Text;
using SafetyTests.Metrics;

namespace SafetyTests.Gate;

/// <summary>The decision as plain text for a terminal: diagnostics in compiler format, then a slice table.</summary>
internal static class TextReport
{
    public static string Render(GateDecision decision)
    {
        var text = new StringBuilder();
        foreach (GateDiagnostic d in decision.Diagnostics.Where(d => d.Code != DiagnosticCodes.Summary))
        {
            text.Append(Line(d)).Append('\n');
        }

        if (decision.Slices.Count > 0)
        {
            text.Append('\n').Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0,-36} {1,6} {2,8} {3,7} {4,9} {5,9} {6,11}", "slice", "cases", "failing", "incon.", "baseline", "candidate", "difference")).Append('\n');
            foreach (SliceComparison s in decision.Slices.Values)
            {
                SliceMetrics? c = s.Candidate;
                string name = s.Slice.MetricName is string metric && s.Slice.Kind != SliceKind.Overall ? s.Slice.Name + " (" + metric.Replace("-rate", "") + ")" : s.Slice.Name;
                text.Append(string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    "{0,-36} {1,6} {2,8} {3,7} {4,9} {5,9} {6,11}{7}",
                    name.Length > 36 ? name.Substring(0, 35) + "…" : name,
                    c?.Cases ?? 0,
                    c?.Failing ?? 0,
                    c?.Inconclusive ?? 0,
                    Format.Percent(s.Baseline?.Rate),
                    Format.Percent(c?.Rate),
                    Format.Points(s.Paired?.Difference),
                    s.CeilingExceeded ? "  ceiling exceeded" : "")).Append('\n');
            }
        }

        GateDiagnostic? summary = decision.Diagnostics.LastOrDefault(d => d.Code == DiagnosticCodes.Summary);
        if (summary is not null)
        {
            text.Append('\n').Append(summary.Message).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>One diagnostic in the compiler format editors and CI problem matchers understand.</summary>
    public static string Line(GateDiagnostic d)
    {
        string severity = d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        string where = d.File is null ? "" : d.File + (d.Line is int line ? "(" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : "") + ": ";
        return where + severity + " " + d.Code + ": " + d.Message;
    }
}
