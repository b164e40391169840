using SafetyTests.Comparisons;
using SafetyTests.Metrics;

namespace SafetyTests.Gate;

/// <summary>One slice across the baseline and this run.</summary>
internal sealed class SliceComparison
{
    public SliceComparison(SliceKey slice) => Slice = slice;

    public SliceKey Slice { get; }

    public SliceMetrics? Baseline { get; set; }

    public SliceMetrics? Candidate { get; set; }

    /// <summary>The paired weighted difference over the slice's cases present in both runs (informational except for overall).</summary>
    public PairedDifferenceResult? Paired { get; set; }

    /// <summary>For category slices: the Holm-adjusted p-value of the paired test across categories.</summary>
    public double? AdjustedPValue { get; set; }

    /// <summary>For category slices: whether the category regressed significantly (an error).</summary>
    public bool Regressed { get; set; }

    /// <summary>The ceiling that applies to this slice, if any.</summary>
    public Ceiling? Ceiling { get; set; }

    /// <summary>Whether the ceiling is exceeded.</summary>
    public bool CeilingExceeded { get; set; }
}
