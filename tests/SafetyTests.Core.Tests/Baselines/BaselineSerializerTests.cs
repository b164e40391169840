using System;
using System.Collections.Generic;
using System.Linq;
using SafetyTests.Baselines;
using SafetyTests.Core.Tests.Gate;
using SafetyTests.Gate;
using SafetyTests.Metrics;
using SafetyTests.Records;

namespace SafetyTests.Core.Tests.Baselines;

public class BaselineSerializerTests
{
    private static Baseline Sample() => new()
    {
        Cases = Cases.Results(new[]
        {
            Cases.Record("b", 24, 0, category: "pii", severity: Severity.High, expectation: Expectation.NoLeak),
            Cases.Record("a", 14, 3, SafetyVerdict.Fail, severity: Severity.Critical),
            Cases.Record("c", 50, 5, SafetyVerdict.Inconclusive, errors: 2, expectation: Expectation.Comply),
        }),
    };

    [Fact]
    public void Serialize_ThenDeserialize_RoundTripsCases()
    {
        string text = BaselineSerializer.Serialize(Sample());

        Baseline back = BaselineSerializer.Deserialize(text, "safety-baseline.json");

        back.Cases.Select(c => c.CaseId).ShouldBe(new[] { "a", "b", "c" });
        CaseResult a = back.Cases[0];
        a.Verdict.ShouldBe(SafetyVerdict.Fail);
        a.Samples.ShouldBe(14);
        a.Unsafe.ShouldBe(3);
        a.Severity.ShouldBe(Severity.Critical);
        a.Category.ShouldBe("jailbreak");
        a.ModelId.ShouldBe("gpt-test");
        a.Provider.ShouldBe("sim");
        a.Judges.ShouldBe(new[] { "refusal@1" });
        a.CaseHash.ShouldBe("h-a");
        a.Design!.MaxSamples.ShouldBe(50);
        a.SourceLine.ShouldBeNull(); // lines are not stored: moving a case must not change the baseline
        back.Cases[2].Errors.ShouldBe(2);
        back.Cases[2].Expectation.ShouldBe(Expectation.Comply);
        BaselineSerializer.Serialize(back).ShouldBe(text);
    }

    [Fact]
    public void Serialize_IsStableAndSortedWhateverTheInputOrder()
    {
        Baseline reversed = Sample();
        reversed.Cases.Reverse();

        BaselineSerializer.Serialize(reversed).ShouldBe(BaselineSerializer.Serialize(Sample()));
    }

    [Fact]
    public void Serialize_LooksLikeReviewableJson()
    {
        string text = BaselineSerializer.Serialize(Sample());

        text.ShouldStartWith("{\n  \"schema\": \"safetytests-baseline\",\n  \"schemaVersion\": 1,\n  \"settings\": {\n    \"severityWeights\": {\n      \"low\": 1,");
        text.ShouldContain("\n  \"provenance\": {\n    \"models\": [\n      \"sim/gpt-test\"\n    ],\n    \"judges\": [\n      \"refusal@1\"\n    ]\n  },");
        text.ShouldContain("\"slice\": \"overall\",\n      \"metric\": \"failure-rate\",\n      \"cases\": 3,");
        text.ShouldContain("\"slice\": \"expectation:no-leak\",\n      \"metric\": \"leak-rate\"");
        // One compact line per case, sorted: a changed case is a one-line diff.
        text.ShouldContain("\n  \"cases\": [\n    {\"test\":\"Tests.Safety.Refuses\",\"caseId\":\"a\",\"sourceFile\":\"cases/jailbreaks.yaml\",\"caseHash\":\"h-a\",\"category\":\"jailbreak\",\"severity\":\"critical\",\"expectation\":\"refuse\",\"verdict\":\"fail\",\"samples\":14,\"unsafe\":3,\"errors\":0,\"modelId\":\"gpt-test\",\"provider\":\"sim\",\"judges\":[\"refusal@1\"],\"design\":{\"mode\":\"sequential\",\"maxFailureRate\":0.05,\"unacceptableFailureRate\":0.2,\"alpha\":0.05,\"beta\":0.1,\"maxSamples\":50,\"errorBudget\":5}},\n    {\"test\":\"Tests.Safety.Refuses\",\"caseId\":\"b\",");
        text.ShouldEndWith("}}\n  ]\n}\n");
        text.ShouldNotContain("\r");
        text.ShouldEndWith("}\n");
    }

    [Fact]
    public void Serialize_SliceMetricsAreRoundedForReadableDiffs()
    {
        string text = BaselineSerializer.Serialize(Sample());

        // overall: weights critical 8 (3/14), high 4 (0/24), medium 2 ((5+2)/(50+2)) → (8·3/14 + 2·7/52) / 14.
        double expected = Math.Round(((8 * 3.0 / 14) + (2 * 7.0 / 52)) / 14, 6);
        text.ShouldContain("\"failureRate\": " + expected.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
    }

    [Theory]
    [InlineData("not json", "Invalid baseline file x.json: invalid literal, expected a value at line 1, column 1.")]
    [InlineData("<xml/>", "unexpected character '<', expected a value at line 1, column 1")]
    [InlineData("{\"cases\": []}", "it is not a SafetyTests baseline (expected \"schema\": \"safetytests-baseline\" first, found none)")]
    [InlineData("{\"schema\": \"verify\"}", "found \"verify\"")]
    [InlineData("{\"schema\": \"safetytests-baseline\", \"schemaVersion\": 9, \"cases\": []}", "schema version 9 is not supported")]
    [InlineData("{\"schema\": \"safetytests-baseline\", \"schemaVersion\": 1, \"cases\": [{\"caseId\": \"a\", \"verdict\": \"maybe\"}]}", "'cases[0].verdict' is 'maybe'; allowed values are undecided, pass, fail, inconclusive, error")]
    [InlineData("{\"schema\": \"safetytests-baseline\", \"schemaVersion\": 1, \"cases\": [{\"verdict\": \"pass\"}]}", "'cases[0].caseId' is required")]
    [InlineData("{\"schema\": \"safetytests-baseline\", \"schemaVersion\": 1, \"cases\": [{\"caseId\": \"a\", \"verdict\": \"pass\"}, {\"caseId\": \"a\", \"verdict\": \"fail\"}]}", "case a appears twice (cases[1])")]
    [InlineData("{\"schema\": \"safetytests-baseline\", \"schemaVersion\": 1, \"cases\": [{\"caseId\": \"a\", \"verdict\": \"pass\"}, {\"caseId\": \"b\", \"verdict\": \"pass\"}, {\"caseId\": \"c\", \"verdict\": \"pass\"}, {\"caseId\": \"b\", \"verdict\": \"fail\"}]}", "case b appears twice (cases[3])")]
    [InlineData("{\"schema\": \"safetytests-baseline\", \"schemaVersion\": 1, \"cases\": [{\"caseId\": \"c\", \"verdict\": \"pass\"}, {\"caseId\": \"a\", \"verdict\": \"pass\"}, {\"caseId\": \"d\", \"verdict\": \"pass\"}, {\"caseId\": \"c\", \"verdict\": \"fail\"}]}", "case c appears twice (cases[3])")]
    [InlineData("{\"schema\": \"safetytests-baseline\", \"schemaVersion\": 1, \"settings\": {\"severityWeights\": {\"low\": 0}}, \"cases\": []}", "'settings.severityWeights.low' must be a positive number")]
    [InlineData("{\"schema\": \"safetytests-baseline\", \"schemaVersion\": 1, \"cases\": [{\"caseId\": \"a\", \"verdict\": \"pass\", \"samples\": 1, \"unsafe\": 2}]}", "'cases[0].unsafe' must be at most 'samples' (1)")]
    public void Deserialize_CorruptOrForeignFile_ThrowsClearError(string text, string expected)
    {
        FormatException error = Should.Throw<FormatException>(() => BaselineSerializer.Deserialize(text, "x.json"));

        error.Message.ShouldContain(expected);
    }
}
