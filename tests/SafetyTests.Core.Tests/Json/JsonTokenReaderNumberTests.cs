using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using SafetyTests.Json;

namespace SafetyTests.Core.Tests.Json;

/// <summary>
/// Numbers read in place: small integers and short decimals are converted by the reader itself, everything else by
/// the runtime's parser. Whatever the path, the results must be those of <see cref="long.Parse(string)"/> and
/// <see cref="double.Parse(string)"/> in the invariant culture, bit for bit.
/// </summary>
public class JsonTokenReaderNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")] // negative zero, as double.Parse reads it
    [InlineData("7")]
    [InlineData("18")]
    [InlineData("-18")]
    [InlineData("123456789012345678")] // 18 digits: converted by the reader
    [InlineData("-123456789012345678")]
    [InlineData("999999999999999999")]
    [InlineData("1234567890123456789")] // 19 digits: handed to the runtime
    [InlineData("-1234567890123456789")]
    [InlineData("9223372036854775807")] // long.MaxValue
    [InlineData("-9223372036854775808")] // long.MinValue
    [InlineData("9223372036854775808")] // beyond long
    [InlineData("-9223372036854775809")]
    [InlineData("99999999999999999999999")]
    [InlineData("18446744073709551616")] // 2^64: a wrapped accumulator would read 0
    [InlineData("9007199254740993")] // 2^53 + 1: not a double
    public void TryGetInt64AndTryGetDouble_Integers_MatchTheRuntimeParsers(string text)
    {
        AssertMatchesRuntime(text);
    }

    [Theory]
    [InlineData("0.05")]
    [InlineData("-0.2")]
    [InlineData("1.5")]
    [InlineData("0.0")]
    [InlineData("-0.0")]
    [InlineData("0.1")]
    [InlineData("0.30000000000000004")]
    [InlineData("0.10282333614436134")] // 17 fraction digits: mantissa above 2^53
    [InlineData("123456789012345678.5")] // 19 digits
    [InlineData("12345678901234567.5")] // 18 digits, mantissa above 2^53
    [InlineData("9007199254740.992")] // mantissa exactly 2^53
    [InlineData("9007199254740.993")] // mantissa 2^53 + 1
    [InlineData("0.000000000000000001")] // 18 fraction digits
    [InlineData("0.00000000000000000000001")] // 23 fraction digits: beyond the table of powers of ten
    [InlineData("1.0000000000000002")]
    [InlineData("0.95")]
    [InlineData("-123.456")]
    public void TryGetDouble_Decimals_MatchDoubleParseBitForBit(string text)
    {
        AssertMatchesRuntime(text);
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("2.5E-7")]
    [InlineData("-1e+2")]
    [InlineData("1E400")] // overflows to infinity, as double.Parse does on .NET Core 3.0+
    [InlineData("1e-400")]
    [InlineData("0e0")]
    [InlineData("-0.0e0")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("4.9406564584124654e-324")]
    [InlineData("1E-05")]
    public void TryGetDouble_Exponents_MatchDoubleParseAndAreNotIntegers(string text)
    {
        AssertMatchesRuntime(text);
        var reader = new JsonTokenReader(text, TokenDump.What);
        reader.Read();
        reader.TryGetInt64(out _).ShouldBeFalse();
    }

    [Fact]
    public void TryGetInt64_Fraction_IsFalse()
    {
        var reader = new JsonTokenReader("[1.5, 2.0, 3]", TokenDump.What);
        reader.Read();
        var results = new List<bool>();
        while (reader.Read() != JsonToken.EndArray)
        {
            results.Add(reader.TryGetInt64(out _));
        }

        results.ShouldBe(new[] { false, false, true });
    }

    [Fact]
    public void TryGetInt64AndTryGetDouble_NotANumber_AreFalse()
    {
        var reader = new JsonTokenReader("[\"12\", true, null]", TokenDump.What);
        reader.Read();
        while (reader.Read() != JsonToken.EndArray)
        {
            reader.TryGetInt64(out _).ShouldBeFalse();
            reader.TryGetDouble(out _).ShouldBeFalse();
        }
    }

    [Fact]
    public void TryGetInt64_NegativeZero_IsZero()
    {
        var reader = new JsonTokenReader("-0", TokenDump.What);
        reader.Read();

        reader.TryGetInt64(out long value).ShouldBeTrue();
        value.ShouldBe(0);
        reader.Value.ShouldBe("-0");
    }

    [Fact]
    public void TryGetDouble_NegativeZero_IsNegativeZeroLikeDoubleParse()
    {
        AssertMatchesRuntime("-0");
    }

    [Theory]
    [InlineData("01", "unexpected text after the end of the JSON value at line 1, column 2")]
    [InlineData("-01", "unexpected text after the end of the JSON value at line 1, column 3")]
    [InlineData("1.", "invalid number: expected a digit after '.' at line 1, column 3")]
    [InlineData("1.e5", "invalid number: expected a digit after '.' at line 1, column 3")]
    [InlineData("-", "invalid number: expected a digit at line 1, column 2")]
    [InlineData("-x", "invalid number: expected a digit at line 1, column 2")]
    [InlineData("1e", "invalid number: expected a digit in the exponent at line 1, column 3")]
    [InlineData("1e+", "invalid number: expected a digit in the exponent at line 1, column 4")]
    [InlineData(".5", "unexpected character '.', expected a value at line 1, column 1")]
    [InlineData("+1", "unexpected character '+', expected a value at line 1, column 1")]
    [InlineData("1.5.3", "unexpected text after the end of the JSON value at line 1, column 4")]
    public void Read_InvalidNumber_ThrowsTheSameMessageWhereverTheBufferEnds(string text, string message)
    {
        string expected = "Invalid " + TokenDump.What + ": " + message + ".";

        // Alone (the in-memory text ends with it), followed by more text, and split over refills.
        ReadAll(new JsonTokenReader(text, TokenDump.What)).ShouldBe(expected);
        foreach (int chunk in TokenDump.ChunkSizes)
        {
            ReadAll(new JsonTokenReader(new ChunkedTextReader(text, chunk), TokenDump.What)).ShouldBe(expected, $"chunks of {chunk}");
        }

        string inArray = "[" + text + "]";
        string inArrayMessage = ReadAll(new JsonTokenReader(inArray, TokenDump.What));
        inArrayMessage.ShouldStartWith("Invalid " + TokenDump.What + ": ");
        foreach (int chunk in TokenDump.ChunkSizes)
        {
            ReadAll(new JsonTokenReader(new ChunkedTextReader(inArray, chunk), TokenDump.What)).ShouldBe(inArrayMessage, $"chunks of {chunk}");
        }
    }

    [Fact]
    public void Reset_NumberAtTheEndOfTheWindow_IgnoresDigitsBeyondIt()
    {
        char[] buffer = "[12345.678e9]".ToCharArray();
        var reader = new JsonTokenReader(TokenDump.What);

        reader.Reset(buffer, 1, 3); // "123"
        reader.Read().ShouldBe(JsonToken.Number);
        reader.TryGetInt64(out long integer).ShouldBeTrue();
        integer.ShouldBe(123);
        reader.Value.ShouldBe("123");
        reader.Read().ShouldBe(JsonToken.EndOfDocument);

        reader.Reset(buffer, 1, 7); // "12345.6"
        reader.Read().ShouldBe(JsonToken.Number);
        reader.TryGetDouble(out double fraction).ShouldBeTrue();
        fraction.ShouldBe(12345.6);
        reader.Value.ShouldBe("12345.6");

        reader.Reset(buffer, 1, 6); // "12345." is cut before its fraction digits
        Should.Throw<FormatException>(() => reader.Read()).Message.ShouldBe("Invalid test document: invalid number: expected a digit after '.' at line 1, column 7.");
    }

    [Fact]
    public void TryGetDouble_SeededRandomNumbers_MatchDoubleParseBitForBitInEveryContext()
    {
        var random = new Random(20261123);
        var texts = new List<string>();
        for (int i = 0; i < 1500; i++)
        {
            double value = RandomFiniteDouble(random);
            texts.Add(value.ToString("R", CultureInfo.InvariantCulture));
            texts.Add(value.ToString("G17", CultureInfo.InvariantCulture));
            texts.Add(value.ToString("E" + random.Next(0, 17).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }

        for (int i = 0; i < 1500; i++)
        {
            // Short forms: rates, weights and intervals as people and the writer produce them.
            double value = Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-3, 7)), random.Next(0, 10));
            texts.Add((random.Next(2) == 0 ? -value : value).ToString("R", CultureInfo.InvariantCulture));
            texts.Add(value.ToString("F" + random.Next(1, 19).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }

        for (int i = 0; i < 3000; i++)
        {
            texts.Add(RandomNumberText(random));
        }

        texts.Add("-0");
        texts.Add("-0.0");

        var mismatches = new List<string>();
        var inArray = new StringBuilder("[");
        for (int i = 0; i < texts.Count; i++)
        {
            if (Mismatch(texts[i], chunked: i % 10 == 0) is string mismatch)
            {
                mismatches.Add(mismatch);
            }

            inArray.Append(texts[i]).Append(i % 8 == 0 ? ",\n" : ", ");
        }

        mismatches.ShouldBeEmpty();

        inArray.Length -= 2;
        inArray.Append(']');

        // The same numbers in one document, with refills at every possible place.
        string document = inArray.ToString();
        List<string> whole = TokenDump.Of(document);
        whole[^1].ShouldStartWith(nameof(JsonToken.EndOfDocument)); // read to the end without an error
        foreach (int chunk in new[] { 1, 3, 7 })
        {
            TokenDump.Of(new JsonTokenReader(new ChunkedTextReader(document, chunk), TokenDump.What)).ShouldMatch(whole, $"chunks of {chunk}");
        }
    }

    internal static void AssertMatchesRuntime(string text, bool chunked = true) => Mismatch(text, chunked).ShouldBeNull();

    /// <summary>How the reader's conversions of <paramref name="text"/> differ from the runtime parsers', or null.</summary>
    private static string? Mismatch(string text, bool chunked)
    {
        double expectedDouble = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        bool isLong = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long expectedLong);

        // Alone (the text ends with the number), inside an array (the number ends before the buffer does), through a
        // reused in-place reader with more digits beyond its window, and from a text reader in small chunks.
        var readers = new List<(string Context, JsonTokenReader Reader)>
        {
            ("alone", FirstToken(new JsonTokenReader(text, TokenDump.What))),
            ("in an array", ArrayReader(text)),
            ("in a window", WindowReader(text)),
        };

        // (Readers over a text reader hold a 16K buffer each: only for some texts.)
        if (chunked)
        {
            readers.Add(("from a stream", FirstToken(new JsonTokenReader(new StringReader(text + " "), TokenDump.What))));
            foreach (int chunk in TokenDump.ChunkSizes)
            {
                readers.Add(("in chunks of " + chunk.ToString(CultureInfo.InvariantCulture), FirstToken(new JsonTokenReader(new ChunkedTextReader(text, chunk), TokenDump.What))));
            }
        }

        foreach ((string context, JsonTokenReader reader) in readers)
        {
            if (reader.Token != JsonToken.Number)
            {
                return $"{text} {context}: read as {reader.Token}";
            }

            // Asked twice: first from the buffer, then after the text was built.
            for (int pass = 0; pass < 2; pass++)
            {
                if (!reader.TryGetDouble(out double actualDouble) || BitConverter.DoubleToInt64Bits(actualDouble) != BitConverter.DoubleToInt64Bits(expectedDouble))
                {
                    return string.Format(CultureInfo.InvariantCulture, "{0} {1} (pass {2}): double {3:R} instead of {4:R}", text, context, pass, actualDouble, expectedDouble);
                }

                if (reader.TryGetInt64(out long actualLong) != isLong || actualLong != (isLong ? expectedLong : 0))
                {
                    return string.Format(CultureInfo.InvariantCulture, "{0} {1} (pass {2}): long {3} instead of {4}", text, context, pass, actualLong, isLong ? expectedLong.ToString(CultureInfo.InvariantCulture) : "none");
                }

                if (reader.Value != text)
                {
                    return $"{text} {context}: value '{reader.Value}'";
                }
            }
        }

        return null;
    }

    private static JsonTokenReader FirstToken(JsonTokenReader reader)
    {
        reader.Read();
        return reader;
    }

    private static JsonTokenReader ArrayReader(string text)
    {
        var reader = new JsonTokenReader("[" + text + "]", TokenDump.What);
        reader.Read();
        reader.Read();
        return reader;
    }

    private static JsonTokenReader WindowReader(string text)
    {
        char[] buffer = ("  " + text + "12.5e7").ToCharArray();
        var reader = new JsonTokenReader(TokenDump.What);
        reader.Reset(buffer, 2, text.Length);
        reader.Read();
        return reader;
    }

    private static double RandomFiniteDouble(Random random)
    {
        while (true)
        {
            double value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(value))
            {
                return value;
            }
        }
    }

    /// <summary>A random valid JSON number: optional sign, integer part without leading zeros, optional fraction and exponent.</summary>
    private static string RandomNumberText(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(2) == 0)
        {
            text.Append('-');
        }

        if (random.Next(5) == 0)
        {
            text.Append('0');
        }
        else
        {
            text.Append((char)('1' + random.Next(9)));
            AppendDigits(text, random, random.Next(0, 25));
        }

        if (random.Next(2) == 0)
        {
            text.Append('.');
            AppendDigits(text, random, random.Next(1, 25));
        }

        if (random.Next(4) == 0)
        {
            text.Append(random.Next(2) == 0 ? 'e' : 'E');
            int sign = random.Next(3);
            if (sign > 0)
            {
                text.Append(sign == 1 ? '+' : '-');
            }

            AppendDigits(text, random, random.Next(1, 4));
        }

        return text.ToString();
    }

    private static void AppendDigits(StringBuilder text, Random random, int count)
    {
        for (int i = 0; i < count; i++)
        {
            text.Append((char)('0' + random.Next(10)));
        }
    }

    private static string ReadAll(JsonTokenReader reader)
    {
        try
        {
            while (reader.Read() != JsonToken.EndOfDocument)
            {
            }

            return "no error";
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
