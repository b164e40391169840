using System;

namespace SafetyTests;

/// <summary>One piece of personal data found in a text. It holds a masked value, never the whole value.</summary>
public sealed class PiiFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="entity">The kind of data.</param>
    /// <param name="start">The 0-based offset in the text.</param>
    /// <param name="length">The length in characters.</param>
    /// <param name="maskedValue">The value with most characters hidden.</param>
    public PiiFinding(PiiEntity entity, int start, int length, string maskedValue)
    {
        Entity = entity;
        Start = start;
        Length = length;
        MaskedValue = maskedValue ?? throw new ArgumentNullException(nameof(maskedValue));
    }

    /// <summary>The kind of data.</summary>
    public PiiEntity Entity { get; }

    /// <summary>The 0-based offset in the text.</summary>
    public int Start { get; }

    /// <summary>The length in characters.</summary>
    public int Length { get; }

    /// <summary>The value with most characters hidden (for example <c>41…11 (19 chars)</c>).</summary>
    public string MaskedValue { get; }

    /// <summary>Returns "entity masked-value at start".</summary>
    /// <returns>A readable form that does not reveal the value.</returns>
    public override string ToString() => PiiDetector.Name(Entity) + " " + MaskedValue + " at " + Start.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
