namespace SafetyTests.Gate;

/// <summary>Which figure of a slice's failure rate a ceiling is compared with.</summary>
internal enum CeilingStatistic
{
    /// <summary>The severity-weighted failure rate itself.</summary>
    Estimate = 0,

    /// <summary>The upper end of its 95 % interval (stricter).</summary>
    Upper = 1,
}
