using System;
using System.Collections.Generic;
using SafetyTests.Baselines;
using SafetyTests.Json;
using SafetyTests.Records;

namespace SafetyTests.Core.Tests.Json;

/// <summary>Duplicate property names: well-known names are bits of a mask, others go to a set; both must catch every duplicate, escaped or not.</summary>
public class PropertySetTests
{
    [Theory]
    [InlineData("{\"caseId\": 1, \"caseId\": 2}", "caseId", 15)]
    [InlineData("{\"alpha\": 1, \"beta\": 2, \"alpha\": 3}", "alpha", 25)]
    [InlineData("{\"foo\": 1, \"bar\": 2, \"foo\": 3}", "foo", 22)]
    [InlineData("{\"ca\\u0073eId\": 1, \"caseId\": 2}", "caseId", 20)]
    [InlineData("{\"caseId\": 1, \"ca\\u0073eId\": 2}", "caseId", 15)]
    [InlineData("{\"f\\u006fo\": 1, \"foo\": 2}", "foo", 17)]
    [InlineData("{\"critical\": 1, \"errorMessages\": 2, \"critical\": 3}", "critical", 37)] // the last and the first known names
    [InlineData("{\"schema\": 1, \"x\": 2, \"schema\": 3}", "schema", 23)]
    [InlineData("{\"\": 1, \"\": 2}", "", 9)]
    public void Add_DuplicateName_ThrowsNamingItAtTheSecondOccurrence(string json, string name, int column)
    {
        var reader = new JsonTokenReader(json, TokenDump.What);

        FormatException error = Should.Throw<FormatException>(() => ReadNames(reader));

        error.Message.ShouldBe($"Invalid test document: duplicate property '{name}' at line 1, column {column}.");
    }

    [Fact]
    public void Add_EveryKnownNameAndManyOthersOnce_Accepts()
    {
        var names = new List<string>
        {
            "schema", "schemaVersion", "settings", "severityWeights", "countInconclusive", "countErrors", "provenance", "models", "slices", "cases",
            "slice", "metric", "passing", "failing", "inconclusive", "errored", "failureRate", "standardError", "lower", "upper",
            "caseId", "caseHash", "sourceFile", "sourceLine", "test", "category", "severity", "expectation", "tags", "verdict", "stopReason",
            "samples", "unsafe", "errors", "design", "mode", "maxFailureRate", "unacceptableFailureRate", "alpha", "beta", "maxSamples",
            "errorBudget", "seed", "intervalLower", "intervalUpper", "intervalConfidence", "modelId", "provider", "samplingSettings",
            "judges", "inputTokens", "outputTokens", "durationMs", "framework", "violations", "errorMessages", "low", "medium", "high", "critical",
        };
        for (int i = 0; i < 100; i++)
        {
            names.Add("other" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        names.Add("CaseId"); // names are case-sensitive
        names.Add("caseid");
        string json = "{" + string.Join(", ", names.ConvertAll(n => "\"" + n + "\": 0")) + "}";

        ReadNames(new JsonTokenReader(json, TokenDump.What)).ShouldBe(names);
    }

    [Fact]
    public void KnownNames_FitTheMask()
    {
        JsonTokenReader.KnownNameCount.ShouldBeLessThanOrEqualTo(64);
    }

    [Fact]
    public void NameId_KnownNamesPlainOrEscaped_AreIdentifiedAndOthersAreNot()
    {
        var reader = new JsonTokenReader("{\"caseId\": 0, \"ca\\u0073eId\": 0, \"caseid\": 0, \"x\": 0}", TokenDump.What);
        var ids = new List<int>();
        reader.Read();
        while (reader.Read() == JsonToken.PropertyName)
        {
            ids.Add(reader.NameId);
            reader.SkipNextValue();
        }

        ids[0].ShouldBeGreaterThanOrEqualTo(0);
        ids[1].ShouldBe(ids[0]);
        ids[2].ShouldBe(-1);
        ids[3].ShouldBe(-1);
    }

    [Fact]
    public void Clear_ForgetsKnownAndOtherNames()
    {
        var reader = new JsonTokenReader("[{\"caseId\": 1, \"foo\": 2}, {\"caseId\": 1, \"foo\": 2}, {\"foo\": 1, \"caseId\": 2, \"foo\": 3}]", TokenDump.What);
        var seen = default(PropertySet);
        int objects = 0;
        reader.Read();
        FormatException error = Should.Throw<FormatException>(() =>
        {
            while (reader.Read() == JsonToken.StartObject)
            {
                objects++;
                seen.Clear();
                while (reader.Read() == JsonToken.PropertyName)
                {
                    seen.Add(reader);
                    reader.SkipNextValue();
                }
            }
        });

        objects.ShouldBe(3);
        error.Message.ShouldBe("Invalid test document: duplicate property 'foo' at line 1, column 76.");
    }

    [Fact]
    public void SafetyRecordSerializer_EscapedDuplicateOfAKnownName_IsRejected()
    {
        string json = SafetyRecordSerializer.Serialize(Gate.Cases.Record("a", 10, 1)).Replace("\"caseId\":\"a\"", "\"caseId\":\"a\",\"ca\\u0073eId\":\"b\"", StringComparison.Ordinal);

        Should.Throw<FormatException>(() => SafetyRecordSerializer.Deserialize(json)).Message.ShouldContain("duplicate property 'caseId'");
        Should.Throw<FormatException>(() => SafetyRecordSerializer.TryReadOutputLineLean(SafetyRecord.OutputPrefix + json)).Message.ShouldContain("duplicate property 'caseId'");
    }

    [Fact]
    public void BaselineSerializer_DuplicateInACaseOrItsDesign_IsRejected()
    {
        string text = JsonTokenReaderStreamingTests.Document("baseline");

        string duplicateJudges = text.Replace("\"judges\":[\"leak@2\"]", "\"judges\":[\"leak@2\"],\"jud\\u0067es\":[]", StringComparison.Ordinal);
        duplicateJudges.ShouldNotBe(text);
        Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(duplicateJudges, "b.json")).Message.ShouldContain("duplicate property 'judges'");

        string duplicateMaxSamples = text.Replace("\"maxSamples\":80", "\"maxSamples\":80,\"maxSamples\":80", StringComparison.Ordinal);
        duplicateMaxSamples.ShouldNotBe(text);
        Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(duplicateMaxSamples, "b.json")).Message.ShouldContain("duplicate property 'maxSamples'");
    }

    private static List<string> ReadNames(JsonTokenReader reader)
    {
        var names = new List<string>();
        var seen = default(PropertySet);
        reader.Read().ShouldBe(JsonToken.StartObject);
        while (reader.Read() == JsonToken.PropertyName)
        {
            seen.Add(reader);
            names.Add(reader.Value!);
            reader.SkipNextValue();
        }

        return names;
    }
}
