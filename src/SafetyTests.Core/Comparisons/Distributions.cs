using System;
using System.Runtime.CompilerServices;

namespace SafetyTests.Comparisons;

/// <summary>The few distribution functions the gate needs, accurate to about 1e-14 (BCL only).</summary>
internal static class Distributions
{
    /// <summary>The two-sided 95 % normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    private static readonly double[] LanczosCoefficients =
    {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    };

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7).</summary>
    [MethodImpl(Optimization.Hot)]
    public static double LogGamma(double x)
    {
        if (x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma needs x > 0.");
        }

        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        double sum = LanczosCoefficients[0];
        double t = x + 7.5;
        for (int i = 1; i < LanczosCoefficients.Length; i++)
        {
            sum += LanczosCoefficients[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>ln C(n, k).</summary>
    public static double LogChoose(int n, int k) =>
        k < 0 || k > n ? double.NegativeInfinity : LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    /// <summary>ln n! = ln Γ(n + 1), from a table for the trial counts cases have (the gate runs 100,000 Fisher tests).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogFactorial(int n) =>
        (uint)n < (uint)LogFactorials.Length ? LogFactorials[n] : LogGamma(n + 1.0);

    private static readonly double[] LogFactorials = BuildLogFactorials(4096);

    private static double[] BuildLogFactorials(int count)
    {
        // The same values LogGamma gives, so results do not depend on whether the table was used.
        var table = new double[count];
        for (int n = 0; n < count; n++)
        {
            table[n] = LogGamma(n + 1.0);
        }

        return table;
    }

    /// <summary>The standard normal upper tail P(Z ≥ z).</summary>
    public static double NormalUpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>The standard normal CDF P(Z ≤ z).</summary>
    public static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>The complementary error function: a power series near 0, a continued fraction in the tails.</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        if (x < 2.5)
        {
            // erf(x) = 2/√π · Σ (−1)^n x^(2n+1) / (n! (2n+1))
            double term = x;
            double sum = x;
            double x2 = x * x;
            for (int n = 1; n < 200; n++)
            {
                term *= -x2 / n;
                double add = term / ((2 * n) + 1);
                sum += add;
                if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
                {
                    break;
                }
            }

            return 1 - (2 / Math.Sqrt(Math.PI) * sum);
        }

        if (x > 27)
        {
            return 0;
        }

        // erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))), evaluated with modified Lentz.
        const double Tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++)
        {
            double a = n / 2.0;
            d = x + (a * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = x + (a / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }

    /// <summary>
    /// The upper tail P(T ≥ t) of Student's t with an integer number of degrees of freedom, from the finite
    /// series of Abramowitz and Stegun 26.7.3–4 (exact up to rounding); the normal tail beyond 10⁶ df.
    /// </summary>
    public static double StudentUpperTail(double t, int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be at least 1.");
        }

        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(t))
        {
            return 0;
        }

        if (double.IsNegativeInfinity(t))
        {
            return 1;
        }

        if (degreesOfFreedom > 1_000_000)
        {
            return NormalUpperTail(t);
        }

        double absT = Math.Abs(t);
        int nu = degreesOfFreedom;
        double theta = Math.Atan(absT / Math.Sqrt(nu));
        double sin = Math.Sin(theta);
        double cos = Math.Cos(theta);
        double cos2 = cos * cos;
        double a; // P(|T| ≤ |t|)
        if (nu % 2 == 1)
        {
            double series = 0;
            if (nu > 1)
            {
                double term = 1;
                series = 1;
                for (int k = 1; k <= (nu - 3) / 2; k++)
                {
                    term *= cos2 * (2.0 * k) / ((2.0 * k) + 1);
                    series += term;
                    if (term < 1e-17 * series)
                    {
                        break;
                    }
                }

                series *= sin * cos;
            }

            a = 2 / Math.PI * (theta + series);
        }
        else
        {
            double term = 1;
            double series = 1;
            for (int k = 1; k <= (nu - 2) / 2; k++)
            {
                term *= cos2 * ((2.0 * k) - 1) / (2.0 * k);
                series += term;
                if (term < 1e-17 * series)
                {
                    break;
                }
            }

            a = sin * series;
        }

        a = Math.Min(1, Math.Max(0, a));
        double upper = (1 - a) / 2;
        return t >= 0 ? upper : 1 - upper;
    }
}
