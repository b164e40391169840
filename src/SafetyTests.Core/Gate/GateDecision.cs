using System.Collections.Generic;
using SafetyTests.Metrics;

namespace SafetyTests.Gate;

/// <summary>Everything the gate decided and why: the diagnostics, the slices, the aggregate test and every case.</summary>
internal sealed class GateDecision
{
    public GateDecision(GateOptions options) => Options = options;

    public GateOptions Options { get; }

    public List<GateDiagnostic> Diagnostics { get; } = new();

    /// <summary>True when no diagnostic is an error.</summary>
    public bool Passed
    {
        get
        {
            foreach (GateDiagnostic d in Diagnostics)
            {
                if (d.Severity == DiagnosticSeverity.Error)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public int ErrorCount => Count(DiagnosticSeverity.Error);

    public int WarningCount => Count(DiagnosticSeverity.Warning);

    /// <summary>Whether the input itself was bad (options, TRX files, records, baseline): exit code 2 for the tool.</summary>
    public bool BadInput { get; set; }

    public bool HasBaseline { get; set; }

    public int BaselineCases { get; set; }

    /// <summary>The received file written by this run, if any.</summary>
    public string? ReceivedWritten { get; set; }

    /// <summary>Whether this run was accepted as the baseline.</summary>
    public bool Accepted { get; set; }

    public List<string> Files { get; } = new();

    public int Results { get; set; }

    public int ResultsWithRecords { get; set; }

    public int CandidateCases { get; set; }

    public SortedDictionary<SliceKey, SliceComparison> Slices { get; } = new();

    public AggregateTest? Aggregate { get; set; }

    /// <summary>Every case of either run, sorted by identity.</summary>
    public List<CaseComparison> Cases { get; } = new();

    public int CountStatus(CaseStatus status)
    {
        int n = 0;
        foreach (CaseComparison c in Cases)
        {
            if (c.Status == status)
            {
                n++;
            }
        }

        return n;
    }

    private int Count(DiagnosticSeverity severity)
    {
        int n = 0;
        foreach (GateDiagnostic d in Diagnostics)
        {
            if (d.Severity == severity)
            {
                n++;
            }
        }

        return n;
    }
}
