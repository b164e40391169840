using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SafetyTests.Json;

namespace SafetyTests.Core.Tests.Json;

/// <summary>Reads a whole document token by token and describes everything observable: tokens, values, positions, number conversions and the error that ended it.</summary>
internal static class TokenDump
{
    public const string What = "test document";

    public static IReadOnlyList<int> ChunkSizes { get; } = new[] { 1, 2, 3, 7 };

    public static List<string> Of(string text) => Of(new JsonTokenReader(text, What));

    public static List<string> Of(JsonTokenReader reader)
    {
        var lines = new List<string>();
        try
        {
            for (int guard = 0; guard < 1_000_000; guard++)
            {
                JsonToken token = reader.Read();
                lines.Add(Describe(reader));
                if (token == JsonToken.EndOfDocument)
                {
                    return lines;
                }
            }

            throw new InvalidOperationException("the reader never reached the end of the document");
        }
        catch (FormatException e)
        {
            lines.Add("error: " + e.Message);
            return lines;
        }
    }

    /// <summary>Asserts that two dumps are equal, naming the first line where they differ (cheaper than comparing the lists whole).</summary>
    public static void ShouldMatch(this List<string> actual, List<string> expected, string context)
    {
        int common = Math.Min(actual.Count, expected.Count);
        for (int i = 0; i < common; i++)
        {
            if (!string.Equals(actual[i], expected[i], StringComparison.Ordinal))
            {
                actual[i].ShouldBe(expected[i], $"{context}: token {i}");
            }
        }

        actual.Count.ShouldBe(expected.Count, $"{context}: token count");
    }

    /// <summary>The current token with its value, position and (for numbers and names) what the reader makes of it.</summary>
    public static string Describe(JsonTokenReader reader)
    {
        var text = new StringBuilder();
        text.Append(reader.Token).Append(" @").Append(reader.TokenLine).Append(':').Append(reader.TokenColumn);

        // Numbers first: before Value is asked for, the reader converts them from its buffer.
        if (reader.Token == JsonToken.Number)
        {
            text.Append(" double=").Append(reader.TryGetDouble(out double d) ? BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture) : "no");
            text.Append(" long=").Append(reader.TryGetInt64(out long l) ? l.ToString(CultureInfo.InvariantCulture) : "no");
        }

        if (reader.Value is string value)
        {
            text.Append(" value=").Append(Escape(value));
        }

        if (reader.Token == JsonToken.PropertyName)
        {
            text.Append(" id=").Append(reader.NameId);
        }

        return text.ToString();
    }

    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        foreach (char c in value)
        {
            if (c < ' ' || c > '~')
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
