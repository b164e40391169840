using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using SafetyTests.Records;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Records;

public class SafetyRecordSerializerTests
{
    internal static SafetyRecord FullRecord() => new()
    {
        CaseId = "jb-001",
        CaseHash = "sha256:abc",
        SourceFile = "cases/jailbreaks.yaml",
        SourceLine = 12,
        Test = "Samples.ChatbotSafety.Refuses_jailbreaks",
        Category = "jailbreak",
        Severity = Severity.Critical,
        Expectation = Expectation.NoLeak,
        Tags = { "dan", "role-play" },
        Verdict = SafetyVerdict.Fail,
        StopReason = "SPRT rejected H0 after 14 samples",
        Samples = 14,
        Unsafe = 3,
        Errors = 1,
        Design = new DesignRecord
        {
            Mode = SamplingMode.Fixed,
            MaxFailureRate = 0.05,
            UnacceptableFailureRate = 0.2,
            Alpha = 0.05,
            Beta = 0.1,
            MaxSamples = 38,
            ErrorBudget = 4,
            Seed = 42,
        },
        IntervalLower = 0.1 + 0.2, // 0.30000000000000004: must round-trip exactly
        IntervalUpper = 1.0 / 3.0,
        IntervalConfidence = 0.95,
        ModelId = "gpt-4o-mini",
        Provider = "openai",
        SamplingSettings = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["temperature"] = "0.7", ["seed"] = "1" },
        Judges = { "refusal@1.0.0", "leak@2" },
        InputTokens = 12345678901,
        OutputTokens = 42,
        DurationMs = 1500,
        Framework = "xunit",
        Violations = { "said \"sure\"\nthen complied", "tab\there \u2028 sep" },
        ErrorMessages = { "HttpRequestException: 503 <Service Unavailable> & more" },
    };

    [Fact]
    public void Serialize_FullRecord_RoundTripsEveryProperty()
    {
        SafetyRecord original = FullRecord();

        SafetyRecord copy = SafetyRecordSerializer.Deserialize(SafetyRecordSerializer.Serialize(original));

        copy.SchemaVersion.ShouldBe(1);
        copy.CaseId.ShouldBe(original.CaseId);
        copy.CaseHash.ShouldBe(original.CaseHash);
        copy.SourceFile.ShouldBe(original.SourceFile);
        copy.SourceLine.ShouldBe(12);
        copy.Test.ShouldBe(original.Test);
        copy.Category.ShouldBe("jailbreak");
        copy.Severity.ShouldBe(Severity.Critical);
        copy.Expectation.ShouldBe(Expectation.NoLeak);
        copy.Tags.ShouldBe(new[] { "dan", "role-play" });
        copy.Verdict.ShouldBe(SafetyVerdict.Fail);
        copy.StopReason.ShouldBe(original.StopReason);
        copy.Samples.ShouldBe(14);
        copy.Unsafe.ShouldBe(3);
        copy.Errors.ShouldBe(1);
        copy.Design.Mode.ShouldBe(SamplingMode.Fixed);
        copy.Design.MaxFailureRate.ShouldBe(0.05);
        copy.Design.UnacceptableFailureRate.ShouldBe(0.2);
        copy.Design.Alpha.ShouldBe(0.05);
        copy.Design.Beta.ShouldBe(0.1);
        copy.Design.MaxSamples.ShouldBe(38);
        copy.Design.ErrorBudget.ShouldBe(4);
        copy.Design.Seed.ShouldBe(42);
        BitConverter.DoubleToInt64Bits(copy.IntervalLower!.Value).ShouldBe(BitConverter.DoubleToInt64Bits(0.1 + 0.2));
        BitConverter.DoubleToInt64Bits(copy.IntervalUpper!.Value).ShouldBe(BitConverter.DoubleToInt64Bits(1.0 / 3.0));
        copy.IntervalConfidence.ShouldBe(0.95);
        copy.ModelId.ShouldBe("gpt-4o-mini");
        copy.Provider.ShouldBe("openai");
        copy.SamplingSettings.ShouldBe(original.SamplingSettings);
        copy.Judges.ShouldBe(new[] { "refusal@1.0.0", "leak@2" });
        copy.InputTokens.ShouldBe(12345678901);
        copy.OutputTokens.ShouldBe(42);
        copy.DurationMs.ShouldBe(1500);
        copy.Framework.ShouldBe("xunit");
        copy.Violations.ShouldBe(original.Violations);
        copy.ErrorMessages.ShouldBe(original.ErrorMessages);
    }

    [Fact]
    public void Serialize_FullRecord_IsOneLineInStableOrder()
    {
        string json = SafetyRecordSerializer.Serialize(FullRecord());

        json.ShouldNotContain("\n");
        json.ShouldNotContain("\r");
        json.ShouldNotContain("\u2028");
        json.ShouldStartWith("{\"schemaVersion\":1,\"caseId\":\"jb-001\",\"caseHash\":\"sha256:abc\",\"sourceFile\":\"cases/jailbreaks.yaml\",\"sourceLine\":12,");
        json.ShouldContain("\"severity\":\"critical\",\"expectation\":\"no-leak\",\"tags\":[\"dan\",\"role-play\"],\"verdict\":\"fail\",");
        json.ShouldContain("\"samples\":14,\"unsafe\":3,\"errors\":1,\"design\":{\"mode\":\"fixed\",\"maxFailureRate\":0.05,\"unacceptableFailureRate\":0.2,\"alpha\":0.05,\"beta\":0.1,\"maxSamples\":38,\"errorBudget\":4,\"seed\":42},");
        json.ShouldContain("\"intervalLower\":0.30000000000000004,");
        json.ShouldContain("\"samplingSettings\":{\"seed\":\"1\",\"temperature\":\"0.7\"},");
        json.ShouldContain("\"said \\\"sure\\\"\\nthen complied\"");
        json.ShouldContain("\\u2028");
        json.ShouldEndWith("\"errorMessages\":[\"HttpRequestException: 503 <Service Unavailable> & more\"]}");
    }

    [Fact]
    public void Serialize_MinimalRecord_OmitsNullsAndEmptyCollections()
    {
        var record = new SafetyRecord { CaseId = "c1", Verdict = SafetyVerdict.Pass, Samples = 24 };

        string json = SafetyRecordSerializer.Serialize(record);

        json.ShouldBe("{\"schemaVersion\":1,\"caseId\":\"c1\",\"severity\":\"medium\",\"expectation\":\"refuse\",\"verdict\":\"pass\",\"samples\":24,\"unsafe\":0,\"errors\":0,"
            + "\"design\":{\"mode\":\"sequential\",\"maxFailureRate\":0,\"unacceptableFailureRate\":0,\"alpha\":0,\"beta\":0,\"maxSamples\":0,\"errorBudget\":0}}");
        SafetyRecord copy = SafetyRecordSerializer.Deserialize(json);
        copy.Tags.ShouldBeEmpty();
        copy.SourceLine.ShouldBeNull();
        copy.Design.Seed.ShouldBeNull();
    }

    [Theory]
    [InlineData(Expectation.Refuse, "refuse")]
    [InlineData(Expectation.Comply, "comply")]
    [InlineData(Expectation.NoLeak, "no-leak")]
    [InlineData(Expectation.IgnoreInjection, "ignore-injection")]
    [InlineData(Expectation.NoToolCall, "no-tool-call")]
    [InlineData(Expectation.Custom, "custom")]
    public void Serialize_Expectation_WritesLowercaseName(Expectation expectation, string name)
    {
        string json = SafetyRecordSerializer.Serialize(new SafetyRecord { CaseId = "c", Expectation = expectation });

        json.ShouldContain($"\"expectation\":\"{name}\"");
        SafetyRecordSerializer.Deserialize(json).Expectation.ShouldBe(expectation);
    }

    [Theory]
    [InlineData(SafetyVerdict.Undecided, "undecided")]
    [InlineData(SafetyVerdict.Pass, "pass")]
    [InlineData(SafetyVerdict.Fail, "fail")]
    [InlineData(SafetyVerdict.Inconclusive, "inconclusive")]
    [InlineData(SafetyVerdict.Error, "error")]
    public void Serialize_Verdict_WritesLowercaseName(SafetyVerdict verdict, string name)
    {
        string json = SafetyRecordSerializer.Serialize(new SafetyRecord { CaseId = "c", Verdict = verdict });

        json.ShouldContain($"\"verdict\":\"{name}\"");
        SafetyRecordSerializer.Deserialize(json).Verdict.ShouldBe(verdict);
    }

    [Fact]
    public void Serialize_UnderOtherCulture_WritesInvariantNumbers()
    {
        CultureInfo previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");
            var record = new SafetyRecord { CaseId = "c", IntervalUpper = 0.25, Design = { MaxFailureRate = 1e-7 } };

            string json = SafetyRecordSerializer.Serialize(record);

            json.ShouldContain("\"intervalUpper\":0.25");
            json.ShouldContain("\"maxFailureRate\":1e-07");
            SafetyRecordSerializer.Deserialize(json).Design.MaxFailureRate.ShouldBe(1e-7);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Serialize_RandomDoubles_RoundTripBitForBit()
    {
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            double value = i % 3 == 0 ? random.NextDouble() : BitConverter.Int64BitsToDouble((long)(random.NextDouble() * long.MaxValue));
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                continue;
            }

            var record = new SafetyRecord { CaseId = "c", IntervalLower = value };
            double back = SafetyRecordSerializer.Deserialize(SafetyRecordSerializer.Serialize(record)).IntervalLower!.Value;
            back.ShouldBe(value);
        }
    }

    [Fact]
    public void Serialize_NonFiniteDouble_RoundTripsAsNamedString()
    {
        var record = new SafetyRecord { CaseId = "c", IntervalLower = double.NaN, IntervalUpper = double.PositiveInfinity };

        string json = SafetyRecordSerializer.Serialize(record);

        json.ShouldContain("\"intervalLower\":\"NaN\",\"intervalUpper\":\"Infinity\"");
        SafetyRecord copy = SafetyRecordSerializer.Deserialize(json);
        double.IsNaN(copy.IntervalLower!.Value).ShouldBeTrue();
        copy.IntervalUpper.ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void Serialize_AwkwardStrings_RoundTrip()
    {
        string[] values = { "", "\u0000\u0001\u001f\u007f", "emoji 😀 and é", "lone \ud800 surrogate", "back\\slash /slash", "\r\n\t\b\f" };
        foreach (string value in values)
        {
            var record = new SafetyRecord { CaseId = "c", StopReason = value };
            string json = SafetyRecordSerializer.Serialize(record);
            json.Any(c => c < ' ').ShouldBeFalse();
            SafetyRecordSerializer.Deserialize(json).StopReason.ShouldBe(value);
        }
    }

    [Fact]
    public void Deserialize_UnknownPropertiesAndWhitespace_AreAccepted()
    {
        string json = "{ \"schemaVersion\": 1, \"caseId\": \"c\", \"verdict\": \"pass\", \"futureField\": {\"x\": [1, 2]}, \"samples\": 3 }";

        SafetyRecord record = SafetyRecordSerializer.Deserialize(json);

        record.CaseId.ShouldBe("c");
        record.Samples.ShouldBe(3);
    }

    [Theory]
    [InlineData("", "unexpected end of text")]
    [InlineData("[1]", "the document must be a JSON object")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"pass\"", "expected ',' or '}'")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"pass\",}", "expected a property name")]
    [InlineData("{\"schemaVersion\":1,\"verdict\":\"pass\"}", "'caseId' is required")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\"}", "'verdict' is required")]
    [InlineData("{\"caseId\":\"c\",\"verdict\":\"pass\"}", "'schemaVersion' is required")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"passed\"}", "'verdict' is 'passed'; allowed values are undecided, pass, fail, inconclusive, error")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"pass\",\"severity\":\"severe\"}", "allowed values are low, medium, high, critical")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"pass\",\"samples\":\"3\"}", "'samples' must be an integer, got a string")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"pass\",\"samples\":-1}", "'samples' must be a non-negative integer")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"pass\",\"samples\":2,\"unsafe\":3}", "'unsafe' must be at most 'samples' (2)")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"pass\",\"samples\":1.5}", "'samples' must be an integer")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"pass\",\"design\":{\"alpha\":\"x\"}}", "'design.alpha' must be a number")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"caseId\":\"d\",\"verdict\":\"pass\"}", "duplicate property 'caseId'")]
    [InlineData("{\"schemaVersion\":2,\"caseId\":\"c\",\"verdict\":\"pass\"}", "schema version 2 is newer")]
    [InlineData("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"pass\"} x", "unexpected text after the end")]
    [InlineData("{\"schemaVersion\":01}", "unexpected character '1'")]
    public void Deserialize_InvalidRecord_ThrowsFormatExceptionNamingTheProblem(string json, string expected)
    {
        FormatException error = Should.Throw<FormatException>(() => SafetyRecordSerializer.Deserialize(json));

        error.Message.ShouldStartWith("Invalid safety record: ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Deserialize_Error_GivesLineAndColumn()
    {
        FormatException error = Should.Throw<FormatException>(() => SafetyRecordSerializer.Deserialize("{\"schemaVersion\":1,\"caseId\":\"c\",\"verdict\":\"pass\",\"samples\":true}"));

        error.Message.ShouldBe("Invalid safety record: 'samples' must be an integer, got a boolean at line 1, column 60.");
    }

    [Fact]
    public void TryReadOutputLine_RecordLine_ReadsRecord()
    {
        string line = "  " + SafetyRecordSerializer.FormatOutputLine(FullRecord()) + "\r";

        SafetyRecordSerializer.TryReadOutputLine(line, out SafetyRecord? record).ShouldBeTrue();

        record.ShouldNotBeNull().CaseId.ShouldBe("jb-001");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unsafe in 3 of 14 samples")]
    [InlineData("##safetytests-recordX {}")]
    [InlineData("text ##safetytests-record {}")]
    public void TryReadOutputLine_OtherLine_ReturnsFalse(string? line)
    {
        SafetyRecordSerializer.TryReadOutputLine(line, out SafetyRecord? record).ShouldBeFalse();
        record.ShouldBeNull();
    }

    [Fact]
    public void TryReadOutputLine_DamagedRecordLine_Throws()
    {
        Should.Throw<FormatException>(() => SafetyRecordSerializer.TryReadOutputLine(SafetyRecord.OutputPrefix + "{\"caseId\":", out _));
    }

    [Fact]
    public void ReadFromOutput_MixedOutput_ReturnsRecordsInOrder()
    {
        var first = new SafetyRecord { CaseId = "a", Verdict = SafetyVerdict.Pass };
        var second = new SafetyRecord { CaseId = "b", Verdict = SafetyVerdict.Fail };
        string output = "unsafe in 0 of 24 samples\r\n"
            + SafetyRecordSerializer.FormatOutputLine(first) + "\r\n"
            + "first violation: ...\n"
            + SafetyRecordSerializer.FormatOutputLine(second);

        SafetyRecord[] records = SafetyRecordSerializer.ReadFromOutput(output).ToArray();

        records.Select(r => r.CaseId).ShouldBe(new[] { "a", "b" });
        records[1].Verdict.ShouldBe(SafetyVerdict.Fail);
    }

    [Fact]
    public void ReadFromOutput_NoRecords_ReturnsEmpty()
    {
        SafetyRecordSerializer.ReadFromOutput(null).ShouldBeEmpty();
        SafetyRecordSerializer.ReadFromOutput("just text\nmore text").ShouldBeEmpty();
    }
}
