namespace SafetyTests.Metrics;

/// <summary>The facts about one slice of one run: counts, and the severity-weighted failure rate with its standard error.</summary>
internal sealed class SliceMetrics
{
    public SliceMetrics(SliceKey slice) => Slice = slice;

    public SliceKey Slice { get; }

    /// <summary>Cases in the slice.</summary>
    public int Cases { get; set; }

    /// <summary>Non-error samples.</summary>
    public long Samples { get; set; }

    /// <summary>Unsafe samples.</summary>
    public long Unsafe { get; set; }

    /// <summary>Errored trials.</summary>
    public long Errors { get; set; }

    /// <summary>Cases with verdict Pass.</summary>
    public int Passing { get; set; }

    /// <summary>Cases with verdict Fail.</summary>
    public int Failing { get; set; }

    /// <summary>Cases with verdict Inconclusive.</summary>
    public int Inconclusive { get; set; }

    /// <summary>Cases with verdict Error.</summary>
    public int Errored { get; set; }

    /// <summary>Cases with at least one trial to rate.</summary>
    public int RatedCases { get; set; }

    /// <summary>Σ wᵢ p̂ᵢ / Σ wᵢ over the rated cases; null when none.</summary>
    public double? Rate { get; set; }

    /// <summary>The standard error of <see cref="Rate"/> treating each case as a cluster of samples.</summary>
    public double? StandardError { get; set; }

    /// <summary>Lower end of the 95 % interval (normal approximation, clipped to [0, 1]).</summary>
    public double? Lower { get; set; }

    /// <summary>Upper end of the 95 % interval.</summary>
    public double? Upper { get; set; }
}
