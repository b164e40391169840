namespace SafetyTests.Comparisons;

/// <summary>The paired, weighted difference between candidate and baseline failure rates and its test.</summary>
internal sealed class PairedDifferenceResult
{
    /// <summary>Cases compared.</summary>
    public int Count { get; init; }

    /// <summary>Distinct clusters (categories) among the compared cases.</summary>
    public int Clusters { get; init; }

    /// <summary>Whether the standard error is clustered by category (otherwise each case is its own cluster).</summary>
    public bool ClusteredByCategory { get; init; }

    /// <summary>Weighted mean baseline rate over the compared cases.</summary>
    public double BaselineRate { get; init; }

    /// <summary>Weighted mean candidate rate over the compared cases.</summary>
    public double CandidateRate { get; init; }

    /// <summary>D = Σ wᵢ dᵢ / Σ wᵢ.</summary>
    public double Difference { get; init; }

    /// <summary>The standard error used by the test (clustered when there are at least two clusters).</summary>
    public double StandardError { get; init; }

    /// <summary>The paired standard error treating every case as its own cluster.</summary>
    public double PairedStandardError { get; init; }

    /// <summary>The standard error if the runs were treated as independent samples of cases.</summary>
    public double UnpairedStandardError { get; init; }

    /// <summary>
    /// The standard error the within-case sampling alone implies (add-one smoothed binomial variances of every
    /// case's two rates); NaN when counts are unknown. The test never uses a smaller standard error than this.
    /// </summary>
    public double SamplingStandardError { get; init; } = double.NaN;

    /// <summary>Whether <see cref="StandardError"/> was raised to <see cref="SamplingStandardError"/>.</summary>
    public bool SamplingFloorApplied { get; init; }

    /// <summary>Degrees of freedom of the t reference distribution (clusters − 1, or cases − 1).</summary>
    public int DegreesOfFreedom { get; init; }

    /// <summary>The tolerance subtracted before testing.</summary>
    public double Tolerance { get; init; }

    /// <summary>(D − tolerance) / SE; ±∞ when SE is 0; NaN when untestable.</summary>
    public double Statistic { get; init; }

    /// <summary>One-sided p-value for H0: D ≤ tolerance; NaN when untestable (fewer than two cases).</summary>
    public double PValue { get; init; }

    /// <summary>Lower end of the two-sided 95 % interval for D.</summary>
    public double Lower { get; init; }

    /// <summary>Upper end of the two-sided 95 % interval for D.</summary>
    public double Upper { get; init; }

    /// <summary>Whether a test could be made (at least two cases).</summary>
    public bool IsTestable => Count >= 2 && !double.IsNaN(PValue);
}
