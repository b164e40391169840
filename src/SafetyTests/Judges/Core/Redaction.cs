using System.Globalization;

namespace SafetyTests.Judges.Core;

/// <summary>Masks secrets and personal data so reasons never echo them whole.</summary>
internal static class Redaction
{
    /// <summary>Keeps at most the first two and last two characters: <c>4111 1111 1111 1111</c> becomes <c>41…11 (19 chars)</c>.</summary>
    public static string Mask(string value)
    {
        string length = " (" + value.Length.ToString(CultureInfo.InvariantCulture) + " chars)";
        if (value.Length < 8)
        {
            return "****" + length;
        }

        return value.Substring(0, 2) + "…" + value.Substring(value.Length - 2) + length;
    }
}
