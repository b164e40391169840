using SafetyTests.Comparisons;

namespace SafetyTests.Gate;

/// <summary>The one pre-registered aggregate test of the gate and its outcome.</summary>
internal sealed class AggregateTest
{
    /// <summary><c>sign-flip</c> (tolerance 0), <c>case-t</c> (tolerance above 0), or <c>none</c> (no case in both runs).</summary>
    public string Method { get; init; } = "none";

    public PairedDifferenceResult Difference { get; init; } = new();

    /// <summary>The one-sided p-value of the test (NaN when no test was made).</summary>
    public double PValue { get; init; } = double.NaN;

    /// <summary>
    /// The p-value adjusted in the gate's blocking family (weighted Holm over the aggregate test, weight ½, and the
    /// categories, ½ shared); equal to <see cref="PValue"/> when the suite has one category.
    /// </summary>
    public double AdjustedPValue { get; init; } = double.NaN;

    /// <summary>Categories tested beside the aggregate in the blocking family (0 with one category).</summary>
    public int CategoriesInFamily { get; init; }

    /// <summary>Whether the regression beyond the tolerance is significant at gate α.</summary>
    public bool Regressed { get; init; }

    /// <summary>One sentence with the numbers.</summary>
    public string Explanation { get; init; } = "";
}
