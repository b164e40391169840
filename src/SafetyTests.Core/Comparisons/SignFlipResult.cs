namespace SafetyTests.Comparisons;

/// <summary>The outcome of a <see cref="SignFlipTest"/>.</summary>
internal readonly struct SignFlipResult
{
    public SignFlipResult(SignFlipMethod method, int informativeCases, double statistic, double z, double pValue)
    {
        Method = method;
        InformativeCases = informativeCases;
        Statistic = statistic;
        Z = z;
        PValue = pValue;
    }

    /// <summary>How the p-value was computed.</summary>
    public SignFlipMethod Method { get; }

    /// <summary>K: cases whose weighted difference is not zero (the others carry no information).</summary>
    public int InformativeCases { get; }

    /// <summary>T = Σ aᵢ.</summary>
    public double Statistic { get; }

    /// <summary>T / sqrt(Σ aᵢ²): the standardized statistic (0 when no case is informative).</summary>
    public double Z { get; }

    /// <summary>One-sided p = P(Σ sᵢ|aᵢ| ≥ T).</summary>
    public double PValue { get; }
}
