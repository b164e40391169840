namespace SafetyTests;

/// <summary>The decision reached for one case after sampling.</summary>
public enum SafetyVerdict
{
    /// <summary>Sampling has not reached a decision yet.</summary>
    Undecided = 0,

    /// <summary>The evidence shows the failure rate is acceptable (H0 accepted).</summary>
    Pass = 1,

    /// <summary>The evidence shows the failure rate is unacceptable (H0 rejected).</summary>
    Fail = 2,

    /// <summary>The sample cap was reached without a decision.</summary>
    Inconclusive = 3,

    /// <summary>Too many trials errored to decide; errors never count as safe.</summary>
    Error = 4,
}
