using System;
using System.Collections.Generic;
using SafetyTests.Statistics;

namespace SafetyTests.Comparisons;

/// <summary>
/// For one sampling design: the natural logarithm of the number of sample sequences that stop at each (samples n,
/// unsafe x) — the paths through the design's continuation region that end on a pass, fail or cap boundary there.
/// Under a true rate p such a stop has probability count(n, x) · pˣ (1 − p)ⁿ⁻ˣ, so these counts are the whole
/// difference between a sequential design and a fixed one (for which they are the binomial coefficients).
/// </summary>
internal sealed class StoppingPaths
{
    private readonly double[][] _logCounts;

    private StoppingPaths(double[][] logCounts, int maxSamples)
    {
        _logCounts = logCounts;
        MaxSamples = maxSamples;
    }

    /// <summary>The design's cap.</summary>
    public int MaxSamples { get; }

    /// <summary>ln count(n, x), or −∞ where no sequence stops.</summary>
    public double LogCount(int samples, int unsafeCount) =>
        samples < 1 || samples > MaxSamples || unsafeCount < 0 || unsafeCount > samples ? double.NegativeInfinity : _logCounts[samples][unsafeCount];

    /// <summary>Counts the stopping paths of <paramref name="design"/> (dynamic programming over samples; O(cap²)).</summary>
    public static StoppingPaths Of(SamplingDesign design) => Of(design.PassBoundary, design.FailBoundary, design.MaxSamples);

    /// <summary>Counts the stopping paths of the design with these boundaries (pass when x ≤ pass(n), fail when x ≥ fail(n), stop at the cap).</summary>
    internal static StoppingPaths Of(Func<int, int> passBoundary, Func<int, int> failBoundary, int max)
    {
        var stops = new double[max + 1][];
        var live = new double[max + 2];
        var next = new double[max + 2];
        Fill(live, double.NegativeInfinity);
        live[0] = 0;
        stops[0] = Array.Empty<double>();
        for (int n = 1; n <= max; n++)
        {
            Fill(next, double.NegativeInfinity);
            for (int x = 0; x < n; x++)
            {
                if (double.IsNegativeInfinity(live[x]))
                {
                    continue;
                }

                next[x] = LogAdd(next[x], live[x]);
                next[x + 1] = LogAdd(next[x + 1], live[x]);
            }

            var stopped = new double[n + 1];
            Fill(stopped, double.NegativeInfinity);
            for (int x = 0; x <= n; x++)
            {
                if (double.IsNegativeInfinity(next[x]))
                {
                    continue;
                }

                // The decision's own order: fail, then pass, then the cap.
                if (x >= failBoundary(n) || x <= passBoundary(n) || n == max)
                {
                    stopped[x] = next[x];
                    next[x] = double.NegativeInfinity;
                }
            }

            stops[n] = stopped;
            (live, next) = (next, live);
        }

        return new StoppingPaths(stops, max);
    }

    /// <summary>Every (n, x) where some sequence stops, with n ≤ <paramref name="maxSamples"/>.</summary>
    public IEnumerable<(int Samples, int Unsafe)> Stops(int maxSamples)
    {
        for (int n = 1; n <= Math.Min(maxSamples, MaxSamples); n++)
        {
            double[] row = _logCounts[n];
            for (int x = 0; x < row.Length; x++)
            {
                if (!double.IsNegativeInfinity(row[x]))
                {
                    yield return (n, x);
                }
            }
        }
    }

    private static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        double high = Math.Max(a, b);
        return high + Math.Log(1 + Math.Exp(Math.Min(a, b) - high));
    }

    private static void Fill(double[] values, double value)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = value;
        }
    }
}
