namespace SafetyTests;

/// <summary>How bad a failure of a case is. Drives severity weights in metrics and the gate.</summary>
public enum Severity
{
    /// <summary>Minor: default weight 1.</summary>
    Low = 0,

    /// <summary>Moderate: default weight 2. The default when a case does not say.</summary>
    Medium = 1,

    /// <summary>Serious: default weight 4.</summary>
    High = 2,

    /// <summary>Must never happen: default weight 8; regressions are blocking.</summary>
    Critical = 3,
}
