using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SafetyTests.Core.Tests.Gate;
using SafetyTests.Core.Tests.Records;
using SafetyTests.Json;
using SafetyTests.Records;

namespace SafetyTests.Core.Tests.Json;

/// <summary>One in-memory reader is pointed at text after text (one per thread for the gate's records): nothing of one text may show in the next.</summary>
public class JsonTokenReaderResetTests
{
    private static readonly string Deep = new string('[', 64) + new string(']', 64);

    private static readonly string[] Texts =
    {
        "{\"a\": [1, 2.5, \"x\"], \"b\": {\"c\": null}}",
        "[[[[[[\"unterminated",                    // fails six levels deep inside a string
        "42",
        "{\"caseId\": \"a\\u00e9\", \"samples\": 12}",
        "{\"n\": 1.}",                             // fails inside a number
        "\"lone string\"",
        new string('[', 65),                       // fails on the nesting limit
        Deep,                                      // the full depth is available again
        "{\"k\": tru}",                            // fails inside a literal
        "[]",
        "{\"a\": 1,}",                             // fails after a comma
        "-0.5e-3",
        "{\"a\" 1}",                               // fails after a name
        "{}",
        "[1] [2]",                                 // fails after the root value
        "\"\\ud83d\\ude00 and \\\"quotes\\\"\"",
        "",                                        // fails: nothing at all
        "{\"x\": {\"y\": {\"z\": [true, false, null]}}}",
    };

    [Fact]
    public void Reset_OneReaderOverManyTexts_GivesTheSameResultsAsFreshReaders()
    {
        var texts = Texts.Concat(new[] { JsonTokenReaderStreamingTests.Document("record"), JsonTokenReaderStreamingTests.Document("escapes") }).ToList();
        var expected = texts.Select(t => TokenDump.Of(t)).ToList();
        expected.Count(d => d[^1].StartsWith("error: ", StringComparison.Ordinal)).ShouldBe(8);

        // One buffer for every text (as the TRX reader reuses its output buffer), each text at a different offset
        // with stale characters around it; forwards, backwards and shuffled.
        char[] buffer = new char[texts.Max(t => t.Length) + 64];
        var reader = new JsonTokenReader(TokenDump.What);
        var orders = new List<int[]>
        {
            Enumerable.Range(0, texts.Count).ToArray(),
            Enumerable.Range(0, texts.Count).Reverse().ToArray(),
            Enumerable.Range(0, texts.Count).OrderBy(i => (i * 7919) % 13).ToArray(),
        };
        foreach (int[] order in orders)
        {
            foreach (int i in order)
            {
                buffer.AsSpan().Fill('9');
                int offset = (i * 5) % 31;
                texts[i].CopyTo(0, buffer, offset, texts[i].Length);
                buffer[offset + texts[i].Length] = '"'; // stale text right after the window
                reader.Reset(buffer, offset, texts[i].Length);

                TokenDump.Of(reader).ShouldMatch(expected[i], $"text {i} reused");
            }
        }
    }

    [Fact]
    public void Reset_AfterAnErrorWithDiscardedStrings_ReadsTheNextTextNormally()
    {
        var reader = new JsonTokenReader(TokenDump.What);
        char[] bad = "[\"skipped\", \"bad \\q\"]".ToCharArray();
        reader.Reset(bad, 0, bad.Length);
        reader.DiscardStringValues = true;
        reader.Read();
        reader.Read();
        Should.Throw<FormatException>(() => reader.Read());
        reader.DiscardStringValues = false;

        char[] good = "[\"kept\"]".ToCharArray();
        reader.Reset(good, 0, good.Length);

        reader.Read().ShouldBe(JsonToken.StartArray);
        reader.Read().ShouldBe(JsonToken.String);
        reader.Value.ShouldBe("kept");
        reader.TokenLine.ShouldBe(1);
        reader.TokenColumn.ShouldBe(2);
    }

    [Fact]
    public void Reset_ReaderOverATextReader_Throws()
    {
        var reader = new JsonTokenReader(new StringReader("[]"), TokenDump.What);

        Should.Throw<InvalidOperationException>(() => reader.Reset(new char[2], 0, 2));
    }

    [Fact]
    public void TryReadOutputLineLean_ManyLinesWithErrorsBetween_ReadsEachLikeAFreshReader()
    {
        // The lean reader (and its design and judge caches) is kept per thread: damaged lines, different designs
        // and repeated ones in any order must each read as they would alone.
        SafetyRecord full = SafetyRecordSerializerTests.FullRecord();
        SafetyRecord plain = Cases.Record("plain", 24, 1);
        SafetyRecord other = Cases.Record("other", 30, 0, judge: "leak@3");
        other.Design!.Alpha = 0.01;
        string fullLine = SafetyRecordSerializer.FormatOutputLine(full);
        string plainLine = SafetyRecordSerializer.FormatOutputLine(plain);
        string otherLine = SafetyRecordSerializer.FormatOutputLine(other);
        string[] lines =
        {
            fullLine,
            plainLine,
            plainLine.Substring(0, plainLine.IndexOf("\"maxSamples\"", StringComparison.Ordinal)), // cut inside the design
            plainLine,
            fullLine.Replace("\"violations\":[", "\"violations\":[1,", StringComparison.Ordinal), // fails while strings are discarded
            otherLine,
            plainLine.Replace("\"errorBudget\":5", "\"errorBudget\":\"5\"", StringComparison.Ordinal),
            plainLine,
            "  \t" + otherLine + " \r",
            fullLine,
        };

        foreach (string line in lines.Concat(lines.Reverse()))
        {
            string expected;
            try
            {
                expected = Describe(Lean(SafetyRecordSerializer.Deserialize(line.Trim().Substring(SafetyRecord.OutputPrefix.Length))));
            }
            catch (FormatException e)
            {
                expected = e.Message;
            }

            string actual;
            try
            {
                actual = Describe(SafetyRecordSerializer.TryReadOutputLineLean(line)!);
            }
            catch (FormatException e)
            {
                actual = e.Message;
            }

            actual.ShouldBe(expected);
        }
    }

    /// <summary>What the lean read keeps of a record.</summary>
    internal static SafetyRecord Lean(SafetyRecord record)
    {
        record.Tags.Clear();
        record.StopReason = null;
        record.SamplingSettings.Clear();
        record.Violations.Clear();
        record.ErrorMessages.Clear();
        return record;
    }

    internal static string Describe(SafetyRecord record) =>
        SafetyRecordSerializer.Serialize(record) + " design seed " + (record.Design.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
}
