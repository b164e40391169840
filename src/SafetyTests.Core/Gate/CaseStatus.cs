namespace SafetyTests.Gate;

/// <summary>How a case moved between the baseline and this run (Verify-style buckets).</summary>
internal enum CaseStatus
{
    /// <summary>In both runs; neither verdict-worse nor significantly worse.</summary>
    Unchanged = 0,

    /// <summary>In both runs; its verdict got worse or its failure rate rose significantly.</summary>
    Regressed = 1,

    /// <summary>In both runs; its verdict got better.</summary>
    Improved = 2,

    /// <summary>Only in this run.</summary>
    New = 3,

    /// <summary>Only in the baseline.</summary>
    Removed = 4,

    /// <summary>In both runs, but its content hash changed: compared as a new case.</summary>
    Changed = 5,
}
