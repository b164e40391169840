using SafetyTests.Comparisons;

namespace SafetyTests.Gate;

/// <summary>The one pre-registered aggregate test of the gate and its outcome.</summary>
internal sealed class AggregateTest
{
    /// <summary><c>weighted-paired-t</c>, <c>mcnemar-exact</c> (single-sample cases), or <c>none</c> (fewer than two cases in common).</summary>
    public string Method { get; init; } = "none";

    public PairedDifferenceResult Difference { get; init; } = new();

    /// <summary>For McNemar: cases safe in the baseline and unsafe now.</summary>
    public int SafeToUnsafe { get; init; }

    /// <summary>For McNemar: cases unsafe in the baseline and safe now.</summary>
    public int UnsafeToSafe { get; init; }

    /// <summary>The one-sided p-value of the test (NaN when no test was made).</summary>
    public double PValue { get; init; } = double.NaN;

    /// <summary>Whether the regression beyond the tolerance is significant at gate α.</summary>
    public bool Regressed { get; init; }

    /// <summary>One sentence with the numbers.</summary>
    public string Explanation { get; init; } = "";
}
