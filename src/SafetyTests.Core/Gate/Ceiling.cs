using SafetyTests.Metrics;

namespace SafetyTests.Gate;

/// <summary>An absolute ceiling: the failure rate of a slice (or named metric) must not exceed <see cref="Maximum"/>.</summary>
internal sealed class Ceiling
{
    public Ceiling(string name, SliceKey slice, double maximum)
    {
        Name = name;
        Slice = slice;
        Maximum = maximum;
    }

    /// <summary>The name as the user wrote it (<c>unsafe-compliance-rate</c>, <c>category:jailbreak</c>).</summary>
    public string Name { get; }

    public SliceKey Slice { get; }

    public double Maximum { get; }
}
