using System;
using SafetyTests.Baselines;
using SafetyTests.Core.Tests.Json;

namespace SafetyTests.Core.Tests.Baselines;

/// <summary>A bad value deep in a baseline is named by its path (<c>cases[1].design.alpha</c>) and exact position, whether or not the texts around it were stepped over as repeats.</summary>
public class BaselineSerializerPathTests
{
    [Theory]
    [InlineData(1, "alpha", "0.05", "\"x\"", "'cases[1].design.alpha' must be a number, got a string")]
    [InlineData(3, "maxSamples", "50", "-5", "'cases[3].design.maxSamples' must be a non-negative integer, got a number")]
    [InlineData(9, "errorBudget", "5", "2147483648", "'cases[9].design.errorBudget' must be a 32-bit integer, got a number")]
    [InlineData(2, "mode", "\"sequential\"", "\"often\"", "'cases[2].design.mode' is 'often'; allowed values are sequential, fixed")]
    [InlineData(0, "samples", "24", "\"many\"", "'cases[0].samples' must be an integer, got a string")]
    [InlineData(4, "judges", "[\"refusal@1\"]", "[\"refusal@1\",7]", "'cases[4].judges' must be an array of strings, got a number", 13)]
    [InlineData(5, "severity", "\"medium\"", "\"huge\"", "'cases[5].severity' is 'huge'; allowed values are low, medium, high, critical")]
    [InlineData(8, "verdict", "\"pass\"", "1", "'cases[8].verdict' must be one of undecided, pass, fail, inconclusive, error, got a number")]
    [InlineData(11, "design", "{", "5,\"x\":{", "'cases[11].design' must be an object, got a number")]
    [InlineData(10, "category", "\"jail\\\"break \u00e9\"", "{}", "'cases[10].category' must be a string, got an object")]
    public void Deserialize_BadValueInACase_NamesItsPathAndPosition(int index, string name, string value, string replacement, string message, int offset = 0)
    {
        (string text, int at) = Replace(index, name, value, replacement);

        FormatException error = Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(text, "b.json"));

        error.Message.ShouldBe($"Invalid baseline file b.json: {message} at {Position(text, at + offset)}.");
        foreach (int chunk in TokenDump.ChunkSizes)
        {
            Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(new ChunkedTextReader(text, chunk), "b.json")).Message.ShouldBe(error.Message);
        }
    }

    [Fact]
    public void Deserialize_UnsafeAboveSamples_NamesTheCaseAndPointsAtUnsafe()
    {
        (string text, int at) = Replace(6, "unsafe", "2", "99");

        Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(text, "b.json")).Message
            .ShouldBe($"Invalid baseline file b.json: 'cases[6].unsafe' must be at most 'samples' (30), got 99 at {Position(text, at)}.");
    }

    [Fact]
    public void Deserialize_MissingCaseId_NamesTheCaseAndPointsAtItsStart()
    {
        (string text, int at) = Replace(7, "caseId", "\"case-07\"", "\"\"");
        int start = text.LastIndexOf('{', at);

        Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(text, "b.json")).Message
            .ShouldBe($"Invalid baseline file b.json: 'cases[7].caseId' is required (a non-empty string) at {Position(text, start)}.");
    }

    [Fact]
    public void Deserialize_CaseThatIsNoObject_NamesTheElement()
    {
        string text = JsonTokenReaderStreamingTests.Document("baseline");
        int line = text.IndexOf("{\"test\":\"Tests.Safety.Refuses\",\"caseId\":\"case-01\"", StringComparison.Ordinal);
        int end = text.IndexOf('\n', line);
        string damaged = text.Substring(0, line) + "[]," + text.Substring(end);

        Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(damaged, "b.json")).Message
            .ShouldBe($"Invalid baseline file b.json: 'cases[1]' must be an object, got an array at {Position(damaged, line)}.");
    }

    [Fact]
    public void Deserialize_BadSeverityWeight_NamesTheSettingsPath()
    {
        string text = JsonTokenReaderStreamingTests.Document("baseline");
        const string find = "\"high\": 4";
        int at = text.IndexOf(find, StringComparison.Ordinal) + "\"high\": ".Length;
        string damaged = text.Substring(0, at) + "0" + text.Substring(at + 1);

        Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(damaged, "b.json")).Message
            .ShouldBe($"Invalid baseline file b.json: 'settings.severityWeights.high' must be a positive number, got 0 at {Position(damaged, at)}.");
    }

    /// <summary>Replaces the value of <paramref name="name"/> in case <paramref name="index"/>'s line of the sample baseline.</summary>
    private static (string Text, int At) Replace(int index, string name, string value, string replacement)
    {
        string text = JsonTokenReaderStreamingTests.Document("baseline");
        string id = "\"caseId\":\"case-" + index.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "\"";
        int line = text.LastIndexOf('\n', text.IndexOf(id, StringComparison.Ordinal)) + 1;
        string find = "\"" + name + "\":" + value;
        int at = text.IndexOf(find, line, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, find);
        text.IndexOf('\n', line).ShouldBeGreaterThan(at, find + " must be in the case's line");
        at += name.Length + 3;
        return (text.Substring(0, at) + replacement + text.Substring(at + value.Length), at);
    }

    private static string Position(string text, int index)
    {
        int lineStart = text.LastIndexOf('\n', index - 1) + 1;
        int line = 1;
        for (int i = 0; i < lineStart; i++)
        {
            line += text[i] == '\n' ? 1 : 0;
        }

        return $"line {line}, column {index - lineStart + 1}";
    }
}
