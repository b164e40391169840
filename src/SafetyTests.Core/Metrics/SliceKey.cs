using System;
using SafetyTests.Records;

namespace SafetyTests.Metrics;

/// <summary>
/// A slice of the cases: <c>overall</c>, <c>category:NAME</c>, <c>severity:NAME</c> or <c>expectation:NAME</c>.
/// Ordered overall, categories (ordinal), severities (low→critical), expectations (declaration order).
/// </summary>
internal readonly struct SliceKey : IEquatable<SliceKey>, IComparable<SliceKey>
{
    private readonly int _order;

    public SliceKey(SliceKind kind, string value)
        : this(kind, value ?? "", kind switch
        {
            SliceKind.Severity => Rank(SafetyNames.Severities, value ?? ""),
            SliceKind.Expectation => Rank(SafetyNames.Expectations, value ?? ""),
            _ => 0,
        })
    {
    }

    private SliceKey(SliceKind kind, string value, int order)
    {
        Kind = kind;
        Value = value;
        _order = order;
    }

    public static SliceKey Overall => new(SliceKind.Overall, "");

    public SliceKind Kind { get; }

    public string Value { get; }

    public string Name => Kind switch
    {
        SliceKind.Overall => "overall",
        SliceKind.Category => "category:" + Value,
        SliceKind.Severity => "severity:" + Value,
        _ => "expectation:" + Value,
    };

    /// <summary>The named metric of an expectation slice (<c>unsafe-compliance-rate</c>…), or the overall <c>failure-rate</c>.</summary>
    public string? MetricName => Kind switch
    {
        SliceKind.Overall => "failure-rate",
        SliceKind.Expectation => NamedMetrics.ForExpectation(Value),
        _ => null,
    };

    public static SliceKey ForCategory(string category) => new(SliceKind.Category, category);

    public static SliceKey ForSeverity(Severity severity) => new(SliceKind.Severity, SafetyNames.Severities.Name(severity), (int)severity);

    public static SliceKey ForExpectation(Expectation expectation) => new(SliceKind.Expectation, SafetyNames.Expectations.Name(expectation), (int)expectation);

    public bool Equals(SliceKey other) => Kind == other.Kind && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SliceKey other && Equals(other);

    public override int GetHashCode() => ((int)Kind * 397) ^ StringComparer.Ordinal.GetHashCode(Value);

    public int CompareTo(SliceKey other)
    {
        int c = Kind.CompareTo(other.Kind);
        if (c != 0)
        {
            return c;
        }

        return Kind is SliceKind.Severity or SliceKind.Expectation
            ? _order.CompareTo(other._order)
            : string.CompareOrdinal(Value, other.Value);
    }

    public override string ToString() => Name;

    private static int Rank<T>(Json.EnumNames<T> names, string value)
        where T : struct, Enum
    {
        for (int i = 0; i < names.Names.Count; i++)
        {
            if (names.Names[i] == value)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
