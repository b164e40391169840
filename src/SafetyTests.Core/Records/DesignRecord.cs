using SafetyTests.Statistics;

namespace SafetyTests.Records;

/// <summary>The sampling design as recorded with a result.</summary>
public sealed class DesignRecord
{
    /// <summary>Sequential or fixed.</summary>
    public SamplingMode Mode { get; set; }

    /// <summary>p0, the acceptable failure rate.</summary>
    public double MaxFailureRate { get; set; }

    /// <summary>p1, the unacceptable failure rate.</summary>
    public double UnacceptableFailureRate { get; set; }

    /// <summary>Nominal α.</summary>
    public double Alpha { get; set; }

    /// <summary>Nominal β.</summary>
    public double Beta { get; set; }

    /// <summary>The sample cap.</summary>
    public int MaxSamples { get; set; }

    /// <summary>The error budget in trials.</summary>
    public int ErrorBudget { get; set; }

    /// <summary>The seed of the run, when one was set.</summary>
    public int? Seed { get; set; }
}
