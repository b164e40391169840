namespace SafetyTests.Comparisons;

/// <summary>The paired, weighted difference between candidate and baseline failure rates and its test.</summary>
internal sealed class PairedDifferenceResult
{
    /// <summary><see cref="PairedDifference.SignFlip"/> (tolerance 0) or <see cref="PairedDifference.CaseT"/>.</summary>
    public string Method { get; init; } = PairedDifference.SignFlip;

    /// <summary>For the sign-flip test: how its p-value was computed.</summary>
    public SignFlipMethod? SignFlipMethod { get; init; }

    /// <summary>Cases compared.</summary>
    public int Count { get; init; }

    /// <summary>Cases that carry information for the test: for the sign-flip test those whose rate moved; otherwise all.</summary>
    public int InformativeCases { get; init; }

    /// <summary>Weighted mean baseline rate over the compared cases.</summary>
    public double BaselineRate { get; init; } = double.NaN;

    /// <summary>Weighted mean candidate rate over the compared cases.</summary>
    public double CandidateRate { get; init; } = double.NaN;

    /// <summary>D = Σ wᵢ dᵢ / Σ wᵢ.</summary>
    public double Difference { get; init; } = double.NaN;

    /// <summary>The standard error of D with cases as units, raised to the sampling error (NaN below two cases).</summary>
    public double StandardError { get; init; } = double.NaN;

    /// <summary>The paired standard error from the spread of the case differences alone.</summary>
    public double PairedStandardError { get; init; } = double.NaN;

    /// <summary>The standard error if the runs were treated as independent samples of cases.</summary>
    public double UnpairedStandardError { get; init; } = double.NaN;

    /// <summary>
    /// The standard error the within-case sampling alone implies (add-one smoothed binomial variances of every
    /// case's two rates); NaN when counts are unknown. <see cref="StandardError"/> is never smaller.
    /// </summary>
    public double SamplingStandardError { get; init; } = double.NaN;

    /// <summary>Whether <see cref="StandardError"/> was raised to <see cref="SamplingStandardError"/>.</summary>
    public bool SamplingFloorApplied { get; init; }

    /// <summary>Degrees of freedom of the t reference distribution (cases − 1); 0 for the sign-flip test.</summary>
    public int DegreesOfFreedom { get; init; }

    /// <summary>The tolerance subtracted before testing.</summary>
    public double Tolerance { get; init; }

    /// <summary>The standardized statistic: z = T / sqrt(Σ aᵢ²) for the sign-flip test, (D − tolerance) / SE for the t test.</summary>
    public double Statistic { get; init; } = double.NaN;

    /// <summary>One-sided p-value for H0: D ≤ tolerance; NaN when untestable.</summary>
    public double PValue { get; init; } = double.NaN;

    /// <summary>Lower end of the two-sided 95 % interval for D (NaN below two cases).</summary>
    public double Lower { get; init; } = double.NaN;

    /// <summary>Upper end of the two-sided 95 % interval for D (NaN below two cases).</summary>
    public double Upper { get; init; } = double.NaN;

    /// <summary>Whether a test could be made.</summary>
    public bool IsTestable => Count >= 1 && !double.IsNaN(PValue);
}
