namespace SafetyTests.Gate;

/// <summary>How a case moved between the baseline and this run (Verify-style buckets).</summary>
internal enum CaseStatus
{
    /// <summary>In both runs; neither its verdict nor its failure rate got worse.</summary>
    Unchanged = 0,

    /// <summary>In both runs; its failure rate rose significantly (Holm for critical cases, Benjamini–Hochberg for the others).</summary>
    Regressed = 1,

    /// <summary>In both runs; its verdict got better.</summary>
    Improved = 2,

    /// <summary>Only in this run.</summary>
    New = 3,

    /// <summary>Only in the baseline.</summary>
    Removed = 4,

    /// <summary>In both runs, but its content hash changed: compared as a new case.</summary>
    Changed = 5,

    /// <summary>
    /// In both runs; its verdict got worse (it now fails, is inconclusive or errored) but its failure rate did not
    /// rise significantly: usually sampling noise around the threshold, which an unchanged rerun also shows.
    /// </summary>
    Worsened = 6,
}
