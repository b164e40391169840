namespace SafetyTests.Statistics;

/// <summary>How a case is sampled.</summary>
public enum SamplingMode
{
    /// <summary>Truncated Wald SPRT: stop as soon as the evidence decides.</summary>
    Sequential = 0,

    /// <summary>A fixed number of samples with an exact decision rule.</summary>
    Fixed = 1,
}
