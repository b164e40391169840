namespace SafetyTests.Gate;

/// <summary>Whether Inconclusive and Error cases count against (both do by default: the gate fails closed).</summary>
internal readonly struct CountingPolicy
{
    public CountingPolicy(bool countInconclusive, bool countErrors)
    {
        CountInconclusive = countInconclusive;
        CountErrors = countErrors;
    }

    /// <summary>Inconclusive cases count as failing cases.</summary>
    public bool CountInconclusive { get; }

    /// <summary>Error cases count as failing cases, and errored trials count as unsafe samples in rates.</summary>
    public bool CountErrors { get; }

    public static CountingPolicy Strict => new(true, true);
}
