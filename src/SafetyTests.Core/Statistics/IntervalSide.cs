namespace SafetyTests.Statistics;

/// <summary>Which bounds a confidence interval constrains.</summary>
public enum IntervalSide
{
    /// <summary>Both bounds, each tail with probability (1 − confidence) / 2.</summary>
    TwoSided = 0,

    /// <summary>Only an upper bound ("the unsafe rate is below U"): the interval is [0, U].</summary>
    Upper = 1,

    /// <summary>Only a lower bound ("the unsafe rate is above L"): the interval is [L, 1].</summary>
    Lower = 2,
}
