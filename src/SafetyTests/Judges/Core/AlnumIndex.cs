using System;
using System.Text;

namespace SafetyTests.Judges.Core;

/// <summary>The letters and digits of a text, lower-cased, with a map back to original offsets (for spaced-out tokens).</summary>
internal sealed class AlnumIndex
{
    private readonly int[] _map;

    public AlnumIndex(string text)
    {
        var sb = new StringBuilder(text.Length);
        _map = new int[text.Length + 1];
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                _map[sb.Length] = i;
                sb.Append(char.ToLowerInvariant(text[i]));
            }
        }

        Value = sb.ToString();
    }

    public string Value { get; }

    public static string Of(string text) => new AlnumIndex(text).Value;

    /// <summary>Finds <paramref name="alnumNeedle"/> and returns the span in the original text, or null.</summary>
    public (int Start, int Length)? Find(string alnumNeedle)
    {
        if (alnumNeedle.Length == 0)
        {
            return null;
        }

        int i = Value.IndexOf(alnumNeedle, StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        int start = _map[i];
        int end = _map[i + alnumNeedle.Length - 1] + 1;
        return (start, end - start);
    }
}
