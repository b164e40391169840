using System;

namespace SafetyTests.Statistics;

/// <summary>Exact binomial probabilities by direct summation in log space (accurate for the sample sizes used here).</summary>
internal static class Binomial
{
    /// <summary>P(X = k) for X ~ Bin(n, p).</summary>
    public static double Pmf(int k, int n, double p)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        if (p <= 0)
        {
            return k == 0 ? 1 : 0;
        }

        if (p >= 1)
        {
            return k == n ? 1 : 0;
        }

        return Math.Exp(SpecialFunctions.LogChoose(n, k) + (k * Math.Log(p)) + ((n - k) * Log1p(-p)));
    }

    /// <summary>P(X ≥ c) for X ~ Bin(n, p).</summary>
    public static double UpperTail(int c, int n, double p)
    {
        if (c <= 0)
        {
            return 1;
        }

        if (c > n)
        {
            return 0;
        }

        // Sum the shorter side so the result keeps its relative accuracy.
        double mean = n * p;
        if (c > mean)
        {
            return Sum(c, n, n, p);
        }

        return Math.Max(0, 1 - Sum(0, c - 1, n, p));
    }

    /// <summary>P(X ≤ c) for X ~ Bin(n, p).</summary>
    public static double LowerTail(int c, int n, double p)
    {
        if (c < 0)
        {
            return 0;
        }

        if (c >= n)
        {
            return 1;
        }

        double mean = n * p;
        if (c < mean)
        {
            return Sum(0, c, n, p);
        }

        return Math.Max(0, 1 - Sum(c + 1, n, n, p));
    }

    /// <summary>ln(1 + x) with accuracy for small |x| on every target framework.</summary>
    public static double Log1p(double x)
    {
        if (Math.Abs(x) > 1e-4)
        {
            return Math.Log(1 + x);
        }

        // Taylor series: x − x²/2 + x³/3 − x⁴/4 is exact to double precision for |x| ≤ 1e-4.
        double x2 = x * x;
        return x - (x2 / 2) + (x2 * x / 3) - (x2 * x2 / 4);
    }

    private static double Sum(int from, int to, int n, double p)
    {
        double sum = 0;
        for (int k = from; k <= to; k++)
        {
            sum += Pmf(k, n, p);
        }

        return sum;
    }
}
