namespace SafetyTests.Gate;

/// <summary>One case across the baseline and this run, with its per-case test.</summary>
internal sealed class CaseComparison
{
    public CaseComparison(CaseResult? baseline, CaseResult? candidate)
    {
        Baseline = baseline;
        Candidate = candidate;
    }

    public CaseResult? Baseline { get; }

    public CaseResult? Candidate { get; }

    public CaseResult Case => Candidate ?? Baseline!;

    public CaseKey Key => Case.Key;

    public CaseStatus Status { get; set; }

    /// <summary>Fisher exact one-sided p (candidate worse), for cases in both runs.</summary>
    public double? PValue { get; set; }

    /// <summary>Which test gave <see cref="PValue"/>: "sequential exact" (the design's own stopping rule) or "Fisher exact".</summary>
    public string CaseTestName { get; set; } = "Fisher exact";

    /// <summary>The p-value adjusted for many cases: Holm for critical cases, Benjamini–Hochberg for the others.</summary>
    public double? AdjustedPValue { get; set; }

    /// <summary><c>holm</c> or <c>bh</c>.</summary>
    public string? Correction { get; set; }

    /// <summary>Whether the adjusted p-value is at most the gate α.</summary>
    public bool Significant { get; set; }

    /// <summary>Candidate rate minus baseline rate.</summary>
    public double? Difference { get; set; }

    /// <summary>Newcombe 95 % interval for the difference.</summary>
    public double? Lower { get; set; }

    public double? Upper { get; set; }
}
