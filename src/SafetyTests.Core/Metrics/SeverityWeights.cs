using System;
using System.Globalization;
using SafetyTests.Records;

namespace SafetyTests.Metrics;

/// <summary>The weight of each severity in the severity-weighted failure rate. Defaults: low 1, medium 2, high 4, critical 8.</summary>
internal sealed class SeverityWeights
{
    private readonly double[] _weights;

    public SeverityWeights(double low = 1, double medium = 2, double high = 4, double critical = 8)
    {
        _weights = new[] { low, medium, high, critical };
        foreach (double w in _weights)
        {
            if (!(w > 0) || double.IsInfinity(w))
            {
                throw new ArgumentOutOfRangeException(nameof(low), w, "Severity weights must be positive and finite.");
            }
        }
    }

    public static SeverityWeights Default { get; } = new();

    public double this[Severity severity] => _weights[(int)severity];

    public SeverityWeights With(Severity severity, double weight)
    {
        var copy = (double[])_weights.Clone();
        copy[(int)severity] = weight;
        return new SeverityWeights(copy[0], copy[1], copy[2], copy[3]);
    }

    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "low={0};medium={1};high={2};critical={3}",
        _weights[0],
        _weights[1],
        _weights[2],
        _weights[3]);

    public bool SameAs(SeverityWeights other)
    {
        for (int i = 0; i < _weights.Length; i++)
        {
            if (_weights[i] != other._weights[i])
            {
                return false;
            }
        }

        return true;
    }

    public string Describe(Severity severity) => SafetyNames.Severities.Name(severity) + " " + this[severity].ToString(CultureInfo.InvariantCulture);
}
