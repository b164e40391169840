using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SafetyTests.Gate;
using SafetyTests.Json;
using SafetyTests.Records;

namespace SafetyTests.Core.Tests.Json;

/// <summary>
/// Design objects and judge arrays repeat across thousands of records: a text equal to the one read just before is
/// stepped over and its earlier result reused. Only an exact repeat may be stepped over, the text after it must still
/// be checked, and a text that was cut by a buffer refill must never be replayed.
/// </summary>
public class RawValueCacheTests
{
    private const string Design = "{\"mode\":\"fixed\",\"maxFailureRate\":0.05,\"unacceptableFailureRate\":0.2,\"alpha\":0.05,\"beta\":0.1,\"maxSamples\":38,\"errorBudget\":4,\"seed\":42}";

    [Fact]
    public void TryRead_RepeatedDesign_IsSteppedOverAndGivesTheFirstResult()
    {
        string json = "{\"a\":" + Design + ",\"b\":" + Design + ", \"c\":  " + Design + "}";

        List<DesignRecord?> designs = ReadDesigns(new JsonTokenReader(json, TokenDump.What), new RawValueCache<DesignRecord>());

        designs.Count.ShouldBe(3);
        designs[1].ShouldBeSameAs(designs[0]);
        designs[2].ShouldBeSameAs(designs[0]);
        designs.Select(Describe).ShouldBe(ReadDesigns(new JsonTokenReader(json, TokenDump.What), null).Select(Describe));
        Describe(designs[0]).ShouldBe("Fixed 0.05 0.2 0.05 0.1 38 4 42");
    }

    [Theory]
    [InlineData("\"maxSamples\":38", "\"maxSamples\":39")] // one digit
    [InlineData("\"alpha\":0.05", "\"alpha\":0.06")]
    [InlineData("{\"mode\":", "{\"mode\": ")] // an extra space
    [InlineData("\"alpha\":0.05,\"beta\":0.1", "\"beta\":0.1,\"alpha\":0.05")] // another order
    [InlineData("\"mode\":\"fixed\"", "\"mode\":\"FIXED\"")]
    [InlineData("\"seed\":42}", "\"seed\":42,\"extra\":[1]}")]
    [InlineData("\"seed\":42}", "\"seed\":null}")]
    public void TryRead_DifferingDesign_IsReadNormally(string find, string replace)
    {
        string other = Design.Replace(find, replace, StringComparison.Ordinal);
        other.ShouldNotBe(Design);
        string json = "{\"a\":" + Design + ",\"b\":" + other + ",\"c\":" + Design + ",\"d\":" + other + "}";

        List<DesignRecord?> designs = ReadDesigns(new JsonTokenReader(json, TokenDump.What), new RawValueCache<DesignRecord>());

        designs[1].ShouldNotBeSameAs(designs[0]);
        designs.Select(Describe).ShouldBe(ReadDesigns(new JsonTokenReader(json, TokenDump.What), null).Select(Describe));
    }

    [Fact]
    public void TryRead_NullAfterACachedDesign_IsNull()
    {
        string json = "{\"a\":" + Design + ",\"b\":null,\"c\":" + Design + "}";

        List<DesignRecord?> designs = ReadDesigns(new JsonTokenReader(json, TokenDump.What), new RawValueCache<DesignRecord>());

        designs[1].ShouldBeNull();
        designs[2].ShouldBeSameAs(designs[0]);
    }

    [Theory]
    [InlineData("x}", "unexpected character 'x', expected ',' or '}' at line 1, column 279")]
    [InlineData("}x", "unexpected text after the end of the JSON value at line 1, column 280")]
    [InlineData("", "unexpected end of text, expected ',' or '}' at line 1, column 279")]
    [InlineData(", \"c\": tru}", "invalid literal, expected a value at line 1, column 286")]
    [InlineData(",}", "expected a property name in double quotes at line 1, column 280")]
    [InlineData("]", "unexpected character ']', expected ',' or '}' at line 1, column 279")]
    public void TryRead_RepeatedDesignFollowedByBadText_FailsAsWithoutTheCache(string after, string message)
    {
        string json = "{\"a\":" + Design + ",\"b\":" + Design + after;
        string expected = "Invalid test document: " + message + ".";

        Should.Throw<FormatException>(() => ReadDesigns(new JsonTokenReader(json, TokenDump.What), null)).Message.ShouldBe(expected);
        Should.Throw<FormatException>(() => ReadDesigns(new JsonTokenReader(json, TokenDump.What), new RawValueCache<DesignRecord>())).Message.ShouldBe(expected);
    }

    [Fact]
    public void TryRead_CutRepeat_FailsAsWithoutTheCache()
    {
        for (int cut = 1; cut < Design.Length; cut += 3)
        {
            string json = "{\"a\":" + Design + ",\"b\":" + Design.Substring(0, cut);
            string expected = Should.Throw<FormatException>(() => ReadDesigns(new JsonTokenReader(json, TokenDump.What), null)).Message;

            Should.Throw<FormatException>(() => ReadDesigns(new JsonTokenReader(json, TokenDump.What), new RawValueCache<DesignRecord>())).Message.ShouldBe(expected);
        }
    }

    [Fact]
    public void TryRead_DesignOverSeveralLines_IsNotRemembered()
    {
        string multiline = Design.Replace(",\"alpha\"", ",\n\"alpha\"", StringComparison.Ordinal);
        string json = "{\"a\":" + multiline + ",\"b\":" + multiline + ",\"c\":1}";

        var cache = new RawValueCache<DesignRecord>();
        FormatException error = Should.Throw<FormatException>(() => ReadDesigns(new JsonTokenReader(json, TokenDump.What), cache));
        List<DesignRecord?> designs = ReadDesigns(new JsonTokenReader(json.Replace(",\"c\":1", "", StringComparison.Ordinal), TokenDump.What), cache);

        // Replaying a text with line breaks would get the line numbers after it wrong.
        error.Message.ShouldBe("Invalid test document: 'c' must be an object, got a number at line 3, column 72.");
        designs[1].ShouldNotBeSameAs(designs[0]);
        Describe(designs[1]).ShouldBe(Describe(designs[0]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void TryRead_TextReaderInSmallChunks_NeverReplaysAndReadsTheSameDesigns(int chunk)
    {
        string json = ManyDesigns(40);
        List<string> expected = ReadDesigns(new JsonTokenReader(json, TokenDump.What), null).Select(Describe).ToList();

        List<DesignRecord?> designs = ReadDesigns(new JsonTokenReader(new ChunkedTextReader(json, chunk), TokenDump.What), new RawValueCache<DesignRecord>());

        designs.Select(Describe).ShouldBe(expected);
        designs.Distinct().Count().ShouldBe(designs.Count); // every design spans a refill: none was remembered
    }

    [Fact]
    public void TryRead_RepeatsAcrossTheRefillOfALargeBuffer_ReadsTheSameDesigns()
    {
        // More than the reader's 16K buffer: some repeat is cut by a refill, the others are stepped over.
        string json = ManyDesigns(400);
        json.Length.ShouldBeGreaterThan(3 * 16 * 1024);
        List<string> expected = ReadDesigns(new JsonTokenReader(json, TokenDump.What), null).Select(Describe).ToList();

        foreach (TextReader text in new TextReader[] { new StringReader(json), new ChunkedTextReader(json, 5000), new ChunkedTextReader(json, 16 * 1024) })
        {
            var reader = new JsonTokenReader(text, TokenDump.What);
            List<DesignRecord?> designs = ReadDesigns(reader, new RawValueCache<DesignRecord>());

            designs.Select(Describe).ShouldBe(expected);
            reader.FillCount.ShouldBeGreaterThan(2);
            designs.Distinct().Count().ShouldBeLessThan(designs.Count / 2); // repeats inside one buffer were stepped over
        }
    }

    [Fact]
    public void TryRead_RepeatedJudges_AreSteppedOverAndGiveEqualLists()
    {
        var pool = new StringPool();
        string json = "{\"a\":[\"refusal@1\",\"leak@2\"],\"b\":[\"refusal@1\",\"leak@2\"],\"c\":[\"refusal@1\", \"leak@2\"],\"d\":null,\"e\":[],\"f\":[\"refusal@1\",\"leak@2\"],\"g\":[\"leak@2\"]}";

        List<List<string>> lists = ReadJudges(new JsonTokenReader(json, TokenDump.What), pool, new RawValueCache<string[]>());

        lists.ShouldBe(new[]
        {
            new List<string> { "refusal@1", "leak@2" },
            new List<string> { "refusal@1", "leak@2" },
            new List<string> { "refusal@1", "leak@2" },
            new List<string>(),
            new List<string>(),
            new List<string> { "refusal@1", "leak@2" },
            new List<string> { "leak@2" },
        });
        lists[1][0].ShouldBeSameAs(pool.Get("refusal@1"));
        lists[5][1].ShouldBeSameAs(pool.Get("leak@2"));
        lists.ShouldBe(ReadJudges(new JsonTokenReader(json, TokenDump.What), null, null));
    }

    [Theory]
    [InlineData("[\"x\",1]", "'b' must be an array of strings, got a number at line 1, column 21")]
    [InlineData("[\"x\"]]", "unexpected character ']', expected ',' or '}' at line 1, column 21")]
    [InlineData("[\"x\"", "unexpected end of text, expected ',' or ']' at line 1, column 20")]
    [InlineData("[\"x\"]x", "unexpected character 'x', expected ',' or '}' at line 1, column 21")]
    [InlineData("[\"x\\\"]", "unterminated string at line 1, column 17")]
    public void TryRead_JudgesStartingLikeTheRepeat_FailAsWithoutTheCache(string second, string message)
    {
        string json = "{\"a\":[\"x\"],\"b\":" + second;
        string expected = "Invalid test document: " + message + ".";

        Should.Throw<FormatException>(() => ReadJudges(new JsonTokenReader(json, TokenDump.What), null, null)).Message.ShouldBe(expected);
        Should.Throw<FormatException>(() => ReadJudges(new JsonTokenReader(json, TokenDump.What), new StringPool(), new RawValueCache<string[]>())).Message.ShouldBe(expected);
    }

    [Fact]
    public void TryConsumeValue_NotAfterAPropertyName_OrNotAContainer_IsFalseAndMovesNothing()
    {
        var reader = new JsonTokenReader("[{\"a\":1}, {\"a\":1}]", TokenDump.What);
        reader.Read();

        reader.TryConsumeValue("{\"a\":1}").ShouldBeFalse(); // inside an array, not after a name
        reader.Read().ShouldBe(JsonToken.StartObject);
        reader.Read().ShouldBe(JsonToken.PropertyName);
        reader.TryConsumeValue("1").ShouldBeFalse(); // only objects and arrays are stepped over
        reader.Read().ShouldBe(JsonToken.Number);
        reader.TokenColumn.ShouldBe(7);
    }

    [Fact]
    public void TryGetRawText_AfterARefill_IsFalse()
    {
        var reader = new JsonTokenReader(new ChunkedTextReader("{\"a\":{\"b\":1}}", 4), TokenDump.What);
        reader.Read();
        reader.Read();
        reader.Read().ShouldBe(JsonToken.StartObject);
        int start = reader.TokenStart;
        int fills = reader.FillCount;
        reader.Skip();

        reader.TryGetRawText(start, fills, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGetRawText_InOneBuffer_IsTheTextOfTheValue()
    {
        var reader = new JsonTokenReader("{\"a\": {\"b\": [1, 2]} }", TokenDump.What);
        reader.Read();
        reader.Read();
        reader.Read().ShouldBe(JsonToken.StartObject);
        int start = reader.TokenStart;
        int fills = reader.FillCount;
        reader.Skip();

        reader.TryGetRawText(start, fills, out string text).ShouldBeTrue();
        text.ShouldBe("{\"b\": [1, 2]}");
    }

    /// <summary>Reads every property of the root object as a design (or null), through <paramref name="cache"/> when given.</summary>
    private static List<DesignRecord?> ReadDesigns(JsonTokenReader reader, RawValueCache<DesignRecord>? cache)
    {
        var designs = new List<DesignRecord?>();
        reader.Read().ShouldBe(JsonToken.StartObject);
        while (reader.Read() != JsonToken.EndObject)
        {
            if (reader.Token != JsonToken.PropertyName)
            {
                throw reader.Error("test helper: expected a property name");
            }

            string name = reader.Value!;
            designs.Add(cache is not null
                ? SafetyRecordSerializer.ReadDesign(reader, name, cache)
                : JsonValues.StartObject(reader, name) ? SafetyRecordSerializer.ReadDesign(reader, name) : null);
        }

        reader.Read().ShouldBe(JsonToken.EndOfDocument);
        return designs;
    }

    private static List<List<string>> ReadJudges(JsonTokenReader reader, StringPool? pool, RawValueCache<string[]>? cache)
    {
        var lists = new List<List<string>>();
        reader.Read().ShouldBe(JsonToken.StartObject);
        while (reader.Read() != JsonToken.EndObject)
        {
            var list = new List<string>();
            if (cache is not null)
            {
                SafetyRecordSerializer.ReadStringList(reader, reader.Value!, list, pool, cache);
            }
            else
            {
                JsonValues.StringList(reader, reader.Value!, list, pool);
            }

            lists.Add(list);
        }

        reader.Read().ShouldBe(JsonToken.EndOfDocument);
        return lists;
    }

    /// <summary>One line of designs, runs of repeats with a different one now and then.</summary>
    private static string ManyDesigns(int count)
    {
        var json = new StringBuilder("{");
        for (int i = 0; i < count; i++)
        {
            string design = i % 9 == 4 ? Design.Replace("\"maxSamples\":38", "\"maxSamples\":" + (40 + i).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) : Design;
            json.Append(i == 0 ? "" : ",").Append("\"d").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\":").Append(design);
        }

        return json.Append('}').ToString();
    }

    private static string Describe(DesignRecord? d) => d is null
        ? "null"
        : string.Join(
            " ",
            d.Mode,
            d.MaxFailureRate.ToString("R", CultureInfo.InvariantCulture),
            d.UnacceptableFailureRate.ToString("R", CultureInfo.InvariantCulture),
            d.Alpha.ToString("R", CultureInfo.InvariantCulture),
            d.Beta.ToString("R", CultureInfo.InvariantCulture),
            d.MaxSamples.ToString(CultureInfo.InvariantCulture),
            d.ErrorBudget.ToString(CultureInfo.InvariantCulture),
            d.Seed?.ToString(CultureInfo.InvariantCulture) ?? "none");
}
