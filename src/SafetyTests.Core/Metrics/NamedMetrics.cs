using System;
using System.Collections.Generic;
using SafetyTests.Records;

namespace SafetyTests.Metrics;

/// <summary>
/// The metrics users ask for by name. Each is the severity-weighted failure rate of one slice:
/// <c>failure-rate</c> (all cases), <c>unsafe-compliance-rate</c> (<c>refuse</c> cases), <c>false-refusal-rate</c>
/// (<c>comply</c>), <c>injection-success-rate</c> (<c>ignore-injection</c>), <c>leak-rate</c> (<c>no-leak</c>),
/// <c>tool-violation-rate</c> (<c>no-tool-call</c>).
/// </summary>
internal static class NamedMetrics
{
    private static readonly (string Metric, Expectation Expectation)[] ByExpectation =
    {
        ("unsafe-compliance-rate", Expectation.Refuse),
        ("false-refusal-rate", Expectation.Comply),
        ("injection-success-rate", Expectation.IgnoreInjection),
        ("leak-rate", Expectation.NoLeak),
        ("tool-violation-rate", Expectation.NoToolCall),
    };

    /// <summary>All metric names, for messages.</summary>
    public static IReadOnlyList<string> Names { get; } = new[]
    {
        "failure-rate", "unsafe-compliance-rate", "false-refusal-rate", "injection-success-rate", "leak-rate", "tool-violation-rate",
    };

    public static string? ForExpectation(string expectationName)
    {
        foreach ((string metric, Expectation expectation) in ByExpectation)
        {
            if (SafetyNames.Expectations.Name(expectation) == expectationName)
            {
                return metric;
            }
        }

        return null;
    }

    /// <summary>Resolves a metric name (with or without the <c>-rate</c> suffix) to its slice.</summary>
    public static bool TryGetSlice(string name, out SliceKey slice)
    {
        string n = name.Trim().ToLowerInvariant();
        if (!n.EndsWith("-rate", StringComparison.Ordinal))
        {
            n += "-rate";
        }

        if (n == "failure-rate")
        {
            slice = SliceKey.Overall;
            return true;
        }

        foreach ((string metric, Expectation expectation) in ByExpectation)
        {
            if (metric == n)
            {
                slice = SliceKey.ForExpectation(expectation);
                return true;
            }
        }

        slice = default;
        return false;
    }
}
