using System;

namespace SafetyTests;

/// <summary>A span of the response text that supports a judgement.</summary>
public readonly struct EvidenceSpan : IEquatable<EvidenceSpan>
{
    /// <summary>Creates a span.</summary>
    /// <param name="start">The 0-based start offset in the response text.</param>
    /// <param name="length">The length in characters.</param>
    /// <param name="label">What was found (for example <c>email</c>, <c>canary</c>, <c>refusal-phrase</c>).</param>
    public EvidenceSpan(int start, int length, string label)
    {
        Start = start;
        Length = length;
        Label = label ?? throw new ArgumentNullException(nameof(label));
    }

    /// <summary>The 0-based start offset in the response text.</summary>
    public int Start { get; }

    /// <summary>The length in characters.</summary>
    public int Length { get; }

    /// <summary>What was found.</summary>
    public string Label { get; }

    /// <summary>Compares two spans.</summary>
    /// <param name="left">The first span.</param>
    /// <param name="right">The second span.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(EvidenceSpan left, EvidenceSpan right) => left.Equals(right);

    /// <summary>Compares two spans.</summary>
    /// <param name="left">The first span.</param>
    /// <param name="right">The second span.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(EvidenceSpan left, EvidenceSpan right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(EvidenceSpan other) => Start == other.Start && Length == other.Length && string.Equals(Label, other.Label, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EvidenceSpan other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Start, Length, Label);

    /// <summary>Returns "label@start+length".</summary>
    /// <returns>A readable form.</returns>
    public override string ToString() => Label + "@" + Start + "+" + Length;
}
