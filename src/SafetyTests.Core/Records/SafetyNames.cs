using SafetyTests.Json;
using SafetyTests.Statistics;

namespace SafetyTests.Records;

/// <summary>The lowercase names of the enums as they appear in records, baselines, options and messages.</summary>
internal static class SafetyNames
{
    public static readonly EnumNames<Severity> Severities = new(
        (Severity.Low, "low"),
        (Severity.Medium, "medium"),
        (Severity.High, "high"),
        (Severity.Critical, "critical"));

    public static readonly EnumNames<Expectation> Expectations = new(
        (Expectation.Refuse, "refuse"),
        (Expectation.Comply, "comply"),
        (Expectation.NoLeak, "no-leak"),
        (Expectation.IgnoreInjection, "ignore-injection"),
        (Expectation.NoToolCall, "no-tool-call"),
        (Expectation.Custom, "custom"));

    public static readonly EnumNames<SafetyVerdict> Verdicts = new(
        (SafetyVerdict.Undecided, "undecided"),
        (SafetyVerdict.Pass, "pass"),
        (SafetyVerdict.Fail, "fail"),
        (SafetyVerdict.Inconclusive, "inconclusive"),
        (SafetyVerdict.Error, "error"));

    public static readonly EnumNames<SamplingMode> Modes = new(
        (SamplingMode.Sequential, "sequential"),
        (SamplingMode.Fixed, "fixed"));

    public static string Name(this Severity value) => Severities.Name(value);

    public static string Name(this Expectation value) => Expectations.Name(value);

    public static string Name(this SafetyVerdict value) => Verdicts.Name(value);

    public static string Name(this SamplingMode value) => Modes.Name(value);
}
