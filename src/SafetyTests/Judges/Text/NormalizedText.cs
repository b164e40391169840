using System;
using System.Text;

namespace SafetyTests.Judges.Text;

/// <summary>
/// Text prepared for rule matching: lower case (invariant), typographic quotes made straight, whitespace runs
/// collapsed to one space, trimmed. Keeps a map back to offsets in the original text for evidence spans.
/// </summary>
internal sealed class NormalizedText
{
    private readonly int[] _map;

    private NormalizedText(string original, string value, int[] map)
    {
        Original = original;
        Value = value;
        _map = map;
    }

    public string Original { get; }

    public string Value { get; }

    public static NormalizedText Create(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var sb = new StringBuilder(text.Length);
        var map = new int[text.Length + 1];
        bool pendingSpace = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                map[sb.Length] = i - 1;
                sb.Append(' ');
                pendingSpace = false;
            }

            c = c switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' => '"',
                _ => char.ToLowerInvariant(c),
            };
            map[sb.Length] = i;
            sb.Append(c);
        }

        map[sb.Length] = text.Length;
        Array.Resize(ref map, sb.Length + 1);
        return new NormalizedText(text, sb.ToString(), map);
    }

    /// <summary>Maps a span of <see cref="Value"/> to a span of <see cref="Original"/>.</summary>
    public EvidenceSpan ToEvidence(int start, int length, string label)
    {
        int s = _map[Math.Min(start, _map.Length - 1)];
        int endIndex = Math.Min(start + length, _map.Length - 1);
        int e = endIndex > start ? _map[endIndex - 1] + 1 : s;
        return new EvidenceSpan(s, Math.Max(0, e - s), label);
    }
}
