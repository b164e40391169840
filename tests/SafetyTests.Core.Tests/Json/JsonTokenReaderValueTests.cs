using System;
using System.Collections.Generic;
using SafetyTests.Gate;
using SafetyTests.Json;
using SafetyTests.Records;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Json;

/// <summary>String and number values stay in the reader's buffer until asked for: built once, skipped, pooled or matched against enum names in place.</summary>
public class JsonTokenReaderValueTests
{
    [Fact]
    public void Value_ReadTwice_GivesEqualStrings()
    {
        var reader = new JsonTokenReader("{\"name\": \"plain\", \"n\": -12.5e1, \"esc\": \"a\\tb\"}", TokenDump.What);
        var seen = new List<string>();
        while (reader.Read() != JsonToken.EndOfDocument)
        {
            string? first = reader.Value;
            string? second = reader.Value;
            second.ShouldBe(first);
            if (first is not null)
            {
                seen.Add(first);
            }
        }

        seen.ShouldBe(new[] { "name", "plain", "n", "-12.5e1", "esc", "a\tb" });
    }

    [Fact]
    public void Value_NotAskedForBeforeTheNextRead_IsTheNextTokensValue()
    {
        var reader = new JsonTokenReader("[\"first\", 12, \"third\", true, {\"k\": null}]", TokenDump.What);
        var values = new List<string?>();
        reader.Read();
        while (reader.Read() != JsonToken.EndArray)
        {
            // The value of every other token is never asked for: it must not leak into the next token.
            if (reader.Token is JsonToken.Number or JsonToken.True or JsonToken.StartObject or JsonToken.Null or JsonToken.EndObject)
            {
                values.Add(reader.Token + ":" + reader.Value);
            }
        }

        values.ShouldBe(new[] { "Number:12", "True:", "StartObject:", "Null:", "EndObject:" });
    }

    [Fact]
    public void DiscardStringValues_PlainStrings_LeavesValueNullAndKeepsNamesAndNumbers()
    {
        var reader = new JsonTokenReader("{\"a\": \"skipped\", \"b\": 42, \"c\": [\"x\", \"\u00e9\"]}", TokenDump.What) { DiscardStringValues = true };
        var seen = new List<string>();
        while (reader.Read() != JsonToken.EndOfDocument)
        {
            seen.Add(reader.Token + "=" + (reader.Value ?? "(null)"));
        }

        seen.ShouldBe(new[]
        {
            "StartObject=(null)",
            "PropertyName=a", "String=(null)",
            "PropertyName=b", "Number=42",
            "PropertyName=c", "StartArray=(null)", "String=(null)", "String=(null)", "EndArray=(null)",
            "EndObject=(null)",
        });
    }

    [Fact]
    public void DiscardStringValues_TurnedOff_BuildsValuesAgain()
    {
        var reader = new JsonTokenReader("[\"one\", \"two\"]", TokenDump.What) { DiscardStringValues = true };
        reader.Read();
        reader.Read();
        reader.Value.ShouldBeNull();

        reader.DiscardStringValues = false;
        reader.Read();
        reader.Value.ShouldBe("two");
    }

    [Fact]
    public void DiscardStringValues_InvalidString_StillFails()
    {
        var reader = new JsonTokenReader("[\"bad \\x escape\"]", TokenDump.What) { DiscardStringValues = true };
        reader.Read();

        Should.Throw<FormatException>(() => reader.Read()).Message.ShouldBe("Invalid test document: invalid escape '\\x' at line 1, column 7.");
    }

    [Fact]
    public void DiscardStringValues_EscapedOrRefilledString_LeavesValueNull()
    {
        var escaped = new JsonTokenReader("[\"a\\nb\"]", TokenDump.What) { DiscardStringValues = true };
        escaped.Read();
        escaped.Read();
        escaped.Value.ShouldBeNull();

        var refilled = new JsonTokenReader(new ChunkedTextReader("[\"plain\"]", 2), TokenDump.What) { DiscardStringValues = true };
        refilled.Read();
        refilled.Read();
        refilled.Value.ShouldBeNull();
    }

    [Fact]
    public void PooledValue_EqualTexts_ReturnTheSameInstance()
    {
        var pool = new StringPool();
        string shared = pool.Get("jail\u00e9break");
        var reader = new JsonTokenReader("[\"jail\u00e9break\", \"jail\\u00e9break\", \"other\", \"jail\u00e9break\", \"jail\\u00E9brea\\u006b\"]", TokenDump.What);
        reader.Read();
        var values = new List<string>();
        while (reader.Read() != JsonToken.EndArray)
        {
            values.Add(reader.PooledValue(pool)!);
        }

        values.ShouldBe(new[] { shared, shared, "other", shared, shared });
        values[0].ShouldBeSameAs(shared);
        values[1].ShouldBeSameAs(shared); // escaped text equal to the plain one
        values[3].ShouldBeSameAs(shared);
        values[4].ShouldBeSameAs(shared);
        values[2].ShouldBeSameAs(pool.Get("other"));
    }

    [Fact]
    public void PooledValue_AcrossReadersResetsAndRefills_ReturnsTheSameInstance()
    {
        var pool = new StringPool();
        var reader = new JsonTokenReader(TokenDump.What);
        char[] first = "[\"gpt-4o\"]".ToCharArray();
        char[] second = "xx\"gpt-4o\"yy".ToCharArray();

        reader.Reset(first, 0, first.Length);
        reader.Read();
        reader.Read();
        string a = reader.PooledValue(pool)!;

        reader.Reset(second, 2, 8);
        reader.Read();
        string b = reader.PooledValue(pool)!;

        var chunked = new JsonTokenReader(new ChunkedTextReader("[\"gpt-4o\"]", 3), TokenDump.What);
        chunked.Read();
        chunked.Read();
        string c = chunked.PooledValue(pool)!;

        var built = new JsonTokenReader("\"gpt-4o\"", TokenDump.What);
        built.Read();
        built.Value.ShouldBe("gpt-4o"); // built before pooling
        string d = built.PooledValue(pool)!;

        a.ShouldBe("gpt-4o");
        b.ShouldBeSameAs(a);
        c.ShouldBeSameAs(a);
        d.ShouldBeSameAs(a);
    }

    [Fact]
    public void PooledValue_Null_IsNull()
    {
        var reader = new JsonTokenReader("null", TokenDump.What);
        reader.Read();

        reader.PooledValue(new StringPool()).ShouldBeNull();
    }

    [Theory]
    [InlineData("\"fail\"", SafetyVerdict.Fail)]
    [InlineData("\"pass\"", SafetyVerdict.Pass)]
    [InlineData("\"inconclusive\"", SafetyVerdict.Inconclusive)]
    [InlineData("\"FAIL\"", SafetyVerdict.Fail)] // lenient: case-insensitive
    [InlineData("\"Error\"", SafetyVerdict.Error)]
    [InlineData("\" pass \"", SafetyVerdict.Pass)] // lenient: trimmed
    [InlineData("\"\\u0066ail\"", SafetyVerdict.Fail)] // escaped: built, then matched
    public void TryGetEnum_KnownName_MatchesExactlyOrLeniently(string json, SafetyVerdict expected)
    {
        var reader = new JsonTokenReader(json, TokenDump.What);
        reader.Read();

        reader.TryGetEnum(SafetyNames.Verdicts, out SafetyVerdict value).ShouldBeTrue();
        value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("\"no-leak\"", Expectation.NoLeak)]
    [InlineData("\"no_leak\"", Expectation.NoLeak)] // '_' for '-'
    [InlineData("\"NO_TOOL_CALL\"", Expectation.NoToolCall)]
    [InlineData("\"Ignore-Injection\"", Expectation.IgnoreInjection)]
    public void TryGetEnum_DashedName_AcceptsUnderscoresAndAnyCase(string json, Expectation expected)
    {
        var reader = new JsonTokenReader(new ChunkedTextReader(json, 2), TokenDump.What);
        reader.Read();

        reader.TryGetEnum(SafetyNames.Expectations, out Expectation value).ShouldBeTrue();
        value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("\"failed\"")]
    [InlineData("\"fai\"")]
    [InlineData("\"\"")]
    [InlineData("\"no leak\"")]
    public void TryGetEnum_UnknownName_IsFalse(string json)
    {
        var reader = new JsonTokenReader(json, TokenDump.What);
        reader.Read();

        reader.TryGetEnum(SafetyNames.Verdicts, out _).ShouldBeFalse();
        reader.TryGetEnum(SafetyNames.Expectations, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGetEnum_NameAtTheEndOfAWindow_IgnoresTheTextBeyondIt()
    {
        char[] buffer = "\"fail\"ed\"".ToCharArray();
        var reader = new JsonTokenReader(TokenDump.What);
        reader.Reset(buffer, 0, 6);
        reader.Read();

        reader.TryGetEnum(SafetyNames.Verdicts, out SafetyVerdict value).ShouldBeTrue();
        value.ShouldBe(SafetyVerdict.Fail);
    }

    [Fact]
    public void PooledValue_SeenValues_AllocateNothing()
    {
        char[] buffer = "[\"gpt-4o\", \"jailbreak\", \"cases/a.yaml\", \"gpt-4o\"]".ToCharArray();
        var pool = new StringPool();
        var reader = new JsonTokenReader(TokenDump.What);
        int ReadAll()
        {
            int count = 0;
            reader.Reset(buffer, 0, buffer.Length);
            reader.Read();
            while (reader.Read() != JsonToken.EndArray)
            {
                count += reader.PooledValue(pool)!.Length;
            }

            return count;
        }

        int first = ReadAll(); // fills the pool
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        for (int i = 0; i < 1000; i++)
        {
            total += ReadAll();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        total.ShouldBe(1000 * first);
        allocated.ShouldBe(0);
    }

    [Fact]
    public void TryGetEnum_ExactNames_AllocateNothing()
    {
        char[] buffer = "[\"fail\", \"pass\", \"error\", \"inconclusive\"]".ToCharArray();
        var reader = new JsonTokenReader(TokenDump.What);
        int ReadAll()
        {
            int count = 0;
            reader.Reset(buffer, 0, buffer.Length);
            reader.Read();
            while (reader.Read() != JsonToken.EndArray)
            {
                count += reader.TryGetEnum(SafetyNames.Verdicts, out _) ? 1 : 0;
            }

            return count;
        }

        ReadAll().ShouldBe(4);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        for (int i = 0; i < 1000; i++)
        {
            total += ReadAll();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        total.ShouldBe(4000);
        allocated.ShouldBe(0);
    }

    [Fact]
    public void EnumNamesTryParseExact_IsOrdinalAndBoundedByTheLength()
    {
        char[] buffer = "xxFailfailures".ToCharArray();

        SafetyNames.Verdicts.TryParseExact(buffer, 2, 4, out _).ShouldBeFalse(); // "Fail": exact matching is ordinal
        SafetyNames.Verdicts.TryParseExact(buffer, 6, 4, out SafetyVerdict value).ShouldBeTrue(); // "fail"
        value.ShouldBe(SafetyVerdict.Fail);
        SafetyNames.Verdicts.TryParseExact(buffer, 6, 3, out _).ShouldBeFalse(); // "fai"
        SafetyNames.Verdicts.TryParseExact(buffer, 6, 8, out _).ShouldBeFalse(); // "failures"
    }

    [Fact]
    public void EnumNamesTryParse_LenientForms_AreAcceptedAndOthersRejected()
    {
        SafetyNames.Modes.TryParse("SEQUENTIAL", out SamplingMode mode).ShouldBeTrue();
        mode.ShouldBe(SamplingMode.Sequential);
        SafetyNames.Expectations.TryParse(" no_tool_call ", out Expectation expectation).ShouldBeTrue();
        expectation.ShouldBe(Expectation.NoToolCall);
        SafetyNames.Expectations.TryParse("no-tool_call", out expectation).ShouldBeTrue();
        expectation.ShouldBe(Expectation.NoToolCall);
        SafetyNames.Expectations.TryParse("notoolcall", out _).ShouldBeFalse();
        SafetyNames.Severities.TryParse("severe", out _).ShouldBeFalse();
    }
}
