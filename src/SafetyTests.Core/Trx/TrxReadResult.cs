using System.Collections.Generic;
using SafetyTests.Gate;

namespace SafetyTests.Trx;

/// <summary>The cases read from a set of TRX files, and the problems met (all reported, none skipped silently).</summary>
internal sealed class TrxReadResult
{
    /// <summary>The cases, one per identity, in file order then result order.</summary>
    public List<CaseResult> Cases { get; } = new();

    /// <summary>Unreadable files, damaged records, aborted runs, duplicate cases.</summary>
    public List<GateDiagnostic> Problems { get; } = new();

    /// <summary>The TRX files read.</summary>
    public List<string> Files { get; } = new();

    /// <summary>All test results seen.</summary>
    public int Results { get; set; }

    /// <summary>Test results that carried at least one safety record.</summary>
    public int ResultsWithRecords { get; set; }
}
