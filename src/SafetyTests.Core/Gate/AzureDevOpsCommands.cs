using System.Collections.Generic;
using System.Text;

namespace SafetyTests.Gate;

/// <summary>Azure Pipelines logging commands for a decision: one <c>task.logissue</c> per error or warning, and the summary upload.</summary>
internal static class AzureDevOpsCommands
{
    public static List<string> Format(GateDecision decision, string? summaryPath)
    {
        var lines = new List<string>();
        foreach (GateDiagnostic d in decision.Diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Message)
            {
                continue;
            }

            var line = new StringBuilder("##vso[task.logissue type=").Append(d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
            if (d.File is not null)
            {
                line.Append(";sourcepath=").Append(EscapeProperty(d.File));
                if (d.Line is int n)
                {
                    line.Append(";linenumber=").Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            line.Append(";code=").Append(d.Code).Append(";]").Append(EscapeData(d.Code + ": " + d.Message));
            lines.Add(line.ToString());
        }

        if (summaryPath is not null)
        {
            lines.Add("##vso[task.uploadsummary]" + EscapeData(summaryPath));
        }

        return lines;
    }

    /// <summary>Escapes a message: '%', CR and LF as the agent expects.</summary>
    public static string EscapeData(string value) => value.Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Escapes a property value: as data, plus ';' and ']'.</summary>
    public static string EscapeProperty(string value) => EscapeData(value).Replace(";", "%3B").Replace("]", "%5D");
}
