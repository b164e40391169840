namespace SafetyTests.Comparisons;

/// <summary>How a <see cref="SignFlipTest"/> p-value was computed.</summary>
internal enum SignFlipMethod
{
    /// <summary>No case differs between the runs: p = 1.</summary>
    NoInformativeCases,

    /// <summary>Every informative case has the same |aᵢ|: the binomial law (the exact McNemar test).</summary>
    ExactBinomial,

    /// <summary>All 2^K sign vectors enumerated.</summary>
    ExactEnumeration,

    /// <summary>
    /// More than <see cref="SignFlipTest.ExactLimit"/> informative cases: the signs of the
    /// <see cref="SignFlipTest.EnumeratedLargest"/> largest contributions enumerated, the rest by its normal limit.
    /// </summary>
    ExactLargestNormalRest,
}
