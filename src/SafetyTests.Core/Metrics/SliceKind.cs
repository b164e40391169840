namespace SafetyTests.Metrics;

/// <summary>The dimension a slice of cases is cut along.</summary>
internal enum SliceKind
{
    Overall = 0,
    Category = 1,
    Severity = 2,
    Expectation = 3,
}
