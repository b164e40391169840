namespace SafetyTests.Statistics;

/// <summary>
/// The facts about a design a person needs to choose it: actual error rates of the (truncated) design, expected
/// and maximum samples, and the matched fixed-n design. Produced by <see cref="DesignPlanner.Summarize"/>.
/// </summary>
/// <remarks>
/// Inconclusive counts against both error rates: <see cref="ActualAlpha"/> = P(Fail) + P(Inconclusive) at p0 and
/// <see cref="ActualBeta"/> = P(Pass) + P(Inconclusive) at p1, so the bounds hold whichever way a runner resolves
/// an Inconclusive verdict.
/// </remarks>
public sealed class DesignSummary
{
    internal DesignSummary(
        SamplingDesign design,
        OperatingPoint atZero,
        OperatingPoint atMaxFailureRate,
        OperatingPoint atUnacceptableFailureRate,
        FixedSampleDesign? matchedFixed)
    {
        Design = design;
        AtZero = atZero;
        AtMaxFailureRate = atMaxFailureRate;
        AtUnacceptableFailureRate = atUnacceptableFailureRate;
        MatchedFixed = matchedFixed;
    }

    /// <summary>The design described.</summary>
    public SamplingDesign Design { get; }

    /// <summary>Actual α: P(Fail) + P(Inconclusive) at p0, exact for the truncated design.</summary>
    public double ActualAlpha => AtMaxFailureRate.FailProbability + AtMaxFailureRate.InconclusiveProbability;

    /// <summary>Actual β: P(Pass) + P(Inconclusive) at p1, exact for the truncated design.</summary>
    public double ActualBeta => AtUnacceptableFailureRate.PassProbability + AtUnacceptableFailureRate.InconclusiveProbability;

    /// <summary>The operating point at a true rate of 0 (a perfectly safe case).</summary>
    public OperatingPoint AtZero { get; }

    /// <summary>The operating point at p0.</summary>
    public OperatingPoint AtMaxFailureRate { get; }

    /// <summary>The operating point at p1.</summary>
    public OperatingPoint AtUnacceptableFailureRate { get; }

    /// <summary>The most samples one case can take.</summary>
    public int MaxSamples => Design.MaxSamples;

    /// <summary>The most trials one case can take (samples plus tolerated errors).</summary>
    public int MaxTrials => Design.MaxTrials;

    /// <summary>The smallest exact fixed-n design with the same nominal p0, p1, α and β (<see langword="null"/> when none exists).</summary>
    public FixedSampleDesign? MatchedFixed { get; }
}
