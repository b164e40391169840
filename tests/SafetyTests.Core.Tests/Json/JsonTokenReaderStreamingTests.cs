using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SafetyTests.Baselines;
using SafetyTests.Core.Tests.Gate;
using SafetyTests.Core.Tests.Records;
using SafetyTests.Gate;
using SafetyTests.Json;
using SafetyTests.Records;

namespace SafetyTests.Core.Tests.Json;

/// <summary>
/// A reader over a text reader refills its buffer wherever the text reader stops. Refills cut strings, escapes,
/// numbers and literals anywhere: the reader must see the same tokens, values, numbers, positions and errors as
/// when it reads the whole text at once.
/// </summary>
public class JsonTokenReaderStreamingTests
{
    private const string Escapes =
        "{\"a\\\"b\": \"x\\\\y \\u00e9 \\\"q\\\" \\n\\t \\ud83d\\ude00 \\/ \\u00E9\",\r\n" +
        "\t\"n\": [1, -2.5, 3e2, 0.10282333614436134, 123456789012345678, 1234567890123456789, true, false, null, {}, []],\n" +
        "  \"\u00e9\u00e8\": \"\u00e9 literal \u2028 and \ud83d\ude00\", \"ca\\u0073eId\": \"\", \"caseId\": \"\\\\\"\n}";

    public static TheoryData<string> Documents() => new() { "record", "small record", "escapes", "baseline" };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Read_ValidDocumentInSmallChunks_GivesTheSameTokensAsTheWholeText(string name)
    {
        string text = Document(name);
        List<string> whole = TokenDump.Of(text);
        whole[^1].ShouldStartWith(nameof(JsonToken.EndOfDocument));

        foreach (int chunk in TokenDump.ChunkSizes)
        {
            TokenDump.Of(new JsonTokenReader(new ChunkedTextReader(text, chunk), TokenDump.What)).ShouldMatch(whole, $"{name} in chunks of {chunk}");
        }

        TokenDump.Of(new JsonTokenReader(new StringReader(text), TokenDump.What)).ShouldMatch(whole, name + " from a string reader");
    }

    [Fact]
    public void Read_EscapedValues_AreDecodedWhereverARefillFalls()
    {
        var values = new List<string>();
        var reader = new JsonTokenReader(new ChunkedTextReader(Escapes, 1), TokenDump.What);
        while (reader.Read() != JsonToken.EndOfDocument)
        {
            if (reader.Token is JsonToken.String or JsonToken.PropertyName)
            {
                values.Add(reader.Value!);
            }
        }

        values.ShouldBe(new[]
        {
            "a\"b", "x\\y \u00e9 \"q\" \n\t \ud83d\ude00 / \u00e9",
            "n",
            "\u00e9\u00e8", "\u00e9 literal \u2028 and \ud83d\ude00",
            "caseId", "",
            "caseId", "\\",
        });
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Read_TruncatedDocumentInSmallChunks_FailsWithTheSameMessageAsTheWholeText(string name)
    {
        string text = Document(name);
        int step = text.Length > 2000 ? text.Length / 100 : 1; // every position of a record, a hundred places in a baseline
        for (int length = 0; length < text.Length; length += step)
        {
            string cut = text.Substring(0, length);
            string expected = Outcome(new JsonTokenReader(cut, TokenDump.What));
            expected.StartsWith("error: ", StringComparison.Ordinal).ShouldBeTrue($"{name} cut at {length}: {expected}");
            foreach (int chunk in TokenDump.ChunkSizes)
            {
                Outcome(new JsonTokenReader(new ChunkedTextReader(cut, chunk), TokenDump.What)).ShouldBe(expected, $"{name} cut at {length}, chunks of {chunk}");
            }
        }
    }

    [Fact]
    public void Read_DamagedRecordInSmallChunks_FailsWithTheSameMessageAsTheWholeText()
    {
        string text = Document("record");
        char[] damage = { '"', '\\', 'x', '\n', '}', ']', ',', ':', '.', 'e', '\u0001' };
        int failures = 0;
        for (int at = 0; at < text.Length; at += 2)
        {
            char bad = damage[at % damage.Length];
            foreach (string damaged in new[] { text.Insert(at, bad.ToString()), text.Remove(at, 1).Insert(at, bad.ToString()) })
            {
                string expected = Outcome(new JsonTokenReader(damaged, TokenDump.What));
                failures += expected.StartsWith("error: ", StringComparison.Ordinal) ? 1 : 0;
                foreach (int chunk in new[] { 1, 3, 7 })
                {
                    Outcome(new JsonTokenReader(new ChunkedTextReader(damaged, chunk), TokenDump.What)).ShouldBe(expected, $"damaged at {at} with '{bad}', chunks of {chunk}");
                }
            }
        }

        failures.ShouldBeGreaterThan(text.Length / 2); // most damage is an error, and every error was compared
    }

    [Fact]
    public void SafetyRecordSerializerRead_RecordInSmallChunks_ReadsTheSameRecordAsDeserialize()
    {
        foreach (SafetyRecord original in new[] { SafetyRecordSerializerTests.FullRecord(), Cases.Record("plain", 10, 1) })
        {
            string json = SafetyRecordSerializer.Serialize(original);
            string expected = SafetyRecordSerializer.Serialize(SafetyRecordSerializer.Deserialize(json));
            expected.ShouldBe(json);
            foreach (int chunk in TokenDump.ChunkSizes)
            {
                foreach (bool lean in new[] { false, true })
                {
                    var reader = new JsonTokenReader(new ChunkedTextReader(json, chunk), "safety record");
                    SafetyRecord record = SafetyRecordSerializer.Read(reader, lean, lean ? new StringPool() : null);
                    reader.Read().ShouldBe(JsonToken.EndOfDocument);

                    SafetyRecord full = lean ? SafetyRecordSerializer.TryReadOutputLineLean(SafetyRecordSerializer.FormatOutputLine(original))! : SafetyRecordSerializer.Deserialize(json);
                    SafetyRecordSerializer.Serialize(record).ShouldBe(SafetyRecordSerializer.Serialize(full), $"chunks of {chunk}, lean: {lean}");
                }
            }
        }
    }

    [Fact]
    public void SafetyRecordSerializerRead_DamagedRecordInSmallChunks_FailsWithTheSameMessageAsDeserialize()
    {
        string json = SafetyRecordSerializer.Serialize(SafetyRecordSerializerTests.FullRecord());
        var damaged = new List<string>
        {
            json.Replace("\"samples\":14", "\"samples\":\"14\"", StringComparison.Ordinal),
            json.Replace("\"samples\":14", "\"samples\":-1", StringComparison.Ordinal),
            json.Replace("\"unsafe\":3", "\"unsafe\":30", StringComparison.Ordinal),
            json.Replace("\"alpha\":0.05", "\"alpha\":true", StringComparison.Ordinal),
            json.Replace("\"maxSamples\":38", "\"maxSamples\":1.5", StringComparison.Ordinal),
            json.Replace("\"verdict\":\"fail\"", "\"verdict\":\"failed\"", StringComparison.Ordinal),
            json.Replace("\"caseId\":\"jb-001\"", "\"caseId\":\"jb-001\",\"ca\\u0073eId\":\"x\"", StringComparison.Ordinal),
            json.Replace("\"judges\":[", "\"judges\":[1,", StringComparison.Ordinal),
            json.Replace("\"mode\":\"fixed\"", "\"mode\":\"fixed\",\"mode\":\"fixed\"", StringComparison.Ordinal),
            json + "x",
        };
        for (int length = 1; length < json.Length; length += 13)
        {
            damaged.Add(json.Substring(0, length));
        }

        foreach (string text in damaged)
        {
            text.ShouldNotBe(json);
            string expected = Should.Throw<FormatException>(() => SafetyRecordSerializer.Deserialize(text)).Message;
            foreach (int chunk in TokenDump.ChunkSizes)
            {
                foreach (bool lean in new[] { false, true })
                {
                    Should.Throw<FormatException>(() =>
                    {
                        var reader = new JsonTokenReader(new ChunkedTextReader(text, chunk), "safety record");
                        SafetyRecordSerializer.Read(reader, lean, lean ? new StringPool() : null);
                        reader.Read();
                    }).Message.ShouldBe(expected, $"chunks of {chunk}, lean: {lean}");
                }
            }
        }
    }

    [Fact]
    public void BaselineSerializerDeserialize_BaselineInSmallChunks_ReadsTheSameBaseline()
    {
        string text = Document("baseline");
        Baseline whole = BaselineSerializer.Deserialize(text, "b.json");
        BaselineSerializer.Serialize(whole).ShouldBe(text);
        foreach (int chunk in TokenDump.ChunkSizes.Concat(new[] { 64, 1000 }))
        {
            Baseline streamed = BaselineSerializer.Deserialize(new ChunkedTextReader(text, chunk), "b.json");
            BaselineSerializer.Serialize(streamed).ShouldBe(text, $"chunks of {chunk}");
            streamed.Cases.Select(Describe).ShouldBe(whole.Cases.Select(Describe), $"chunks of {chunk}");
        }
    }

    [Fact]
    public void BaselineSerializerDeserialize_DamagedBaselineInSmallChunks_FailsWithTheSameMessage()
    {
        string text = Document("baseline");
        var damaged = new List<string>
        {
            text.Replace("\"alpha\":0.05", "\"alpha\":\"x\"", StringComparison.Ordinal),
            ReplaceNth(text, "\"maxSamples\":50", "\"maxSamples\":-5", 2),
            ReplaceNth(text, "\"judges\":[\"refusal@1\"]", "\"judges\":[\"refusal@1\",2]", 1),
            ReplaceNth(text, "\"verdict\":\"pass\"", "\"verdict\":\"maybe\"", 1),
            ReplaceNth(text, "\"samples\":24", "\"samples\":24,\"samples\":24", 0),
            ReplaceNth(text, "{\"mode\":\"sequential\"", "{\"mode\":\"sequential\",\"beta\":0.1", 3),
            text.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 9", StringComparison.Ordinal),
            text.TrimEnd() + ",",
        };
        for (int length = 1; length < text.Length; length += text.Length / 40)
        {
            damaged.Add(text.Substring(0, length));
        }

        foreach (string bad in damaged)
        {
            bad.ShouldNotBe(text);
            string expected = Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(bad, "b.json")).Message;
            foreach (int chunk in TokenDump.ChunkSizes)
            {
                Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(new ChunkedTextReader(bad, chunk), "b.json")).Message.ShouldBe(expected, $"chunks of {chunk}");
            }
        }
    }

    internal static string Document(string name) => name switch
    {
        "record" => SafetyRecordSerializer.Serialize(SafetyRecordSerializerTests.FullRecord()),
        "small record" => SafetyRecordSerializer.Serialize(Cases.Record("jb-7", 24, 2, SafetyVerdict.Inconclusive)),
        "escapes" => Escapes,
        "baseline" => BaselineSerializer.Serialize(SampleBaseline()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    internal static Baseline SampleBaseline()
    {
        var records = new List<SafetyRecord>();
        for (int i = 0; i < 12; i++)
        {
            SafetyRecord record = Cases.Record(
                "case-" + i.ToString("00", CultureInfo.InvariantCulture),
                24 + i,
                i % 4,
                i % 4 == 0 ? SafetyVerdict.Pass : SafetyVerdict.Fail,
                category: i % 3 == 0 ? "pii" : "jail\"break \u00e9",
                severity: (Severity)(i % 4),
                judge: i % 5 == 0 ? "leak@2" : "refusal@1");
            if (i == 7)
            {
                record.Design!.MaxSamples = 80; // one design differs from the others
            }

            records.Add(record);
        }

        return new Baseline { Cases = Cases.Results(records) };
    }

    internal static string Describe(CaseResult c) => string.Join(
        "|",
        c.CaseId,
        c.Test,
        c.SourceFile,
        c.CaseHash,
        c.Category,
        c.Severity,
        c.Expectation,
        c.Verdict,
        c.Samples,
        c.Unsafe,
        c.Errors,
        c.ModelId,
        c.Provider,
        string.Join(",", c.Judges),
        c.Design is null ? "no design" : string.Join(",", c.Design.Mode, c.Design.MaxFailureRate.ToString("R", CultureInfo.InvariantCulture), c.Design.UnacceptableFailureRate.ToString("R", CultureInfo.InvariantCulture), c.Design.Alpha.ToString("R", CultureInfo.InvariantCulture), c.Design.Beta.ToString("R", CultureInfo.InvariantCulture), c.Design.MaxSamples, c.Design.ErrorBudget, c.Design.Seed));

    /// <summary>"ok" with the token count, or the error that stopped the reader.</summary>
    private static string Outcome(JsonTokenReader reader)
    {
        int tokens = 0;
        try
        {
            while (reader.Read() != JsonToken.EndOfDocument)
            {
                tokens++;
            }

            return "ok " + tokens.ToString(CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            return "error: " + e.Message;
        }
    }

    private static string ReplaceNth(string text, string find, string replacement, int n)
    {
        int at = -1;
        for (int i = 0; i <= n; i++)
        {
            at = text.IndexOf(find, at + 1, StringComparison.Ordinal);
            at.ShouldBeGreaterThanOrEqualTo(0, $"occurrence {i} of {find}");
        }

        return text.Substring(0, at) + replacement + text.Substring(at + find.Length);
    }
}
