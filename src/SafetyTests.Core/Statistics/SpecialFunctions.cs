using System;

namespace SafetyTests.Statistics;

/// <summary>Log-gamma and related helpers used by the binomial and beta computations.</summary>
internal static class SpecialFunctions
{
    // Lanczos approximation, g = 7, nine coefficients (relative error about 1e-15 for x >= 0.5).
    private static readonly double[] Lanczos =
    {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61503916999185,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    };

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    // Exact ln(k!) for small k avoids the approximation where binomial coefficients are computed most often.
    private static readonly double[] LogFactorials = BuildLogFactorials(256);

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x <= 0 || double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma is defined here for x > 0 only.");
        }

        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        double a = Lanczos[0];
        double t = x + 7.5;
        for (int i = 1; i < Lanczos.Length; i++)
        {
            a += Lanczos[i] / (x + i);
        }

        return HalfLogTwoPi + ((x + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }

    /// <summary>ln(k!) for k ≥ 0.</summary>
    public static double LogFactorial(int k)
    {
        if (k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be non-negative.");
        }

        return k < LogFactorials.Length ? LogFactorials[k] : LogGamma(k + 1.0);
    }

    /// <summary>ln C(n, k).</summary>
    public static double LogChoose(int n, int k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>The regularized lower incomplete gamma P(a, x) for a &gt; 0, x ≥ 0.</summary>
    public static double GammaP(double a, double x) => x < a + 1 ? GammaSeries(a, x) : 1 - GammaContinuedFraction(a, x);

    /// <summary>The regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the far tail.</summary>
    public static double GammaQ(double a, double x) => x < a + 1 ? 1 - GammaSeries(a, x) : GammaContinuedFraction(a, x);

    private static double GammaSeries(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        // P(a, x) = e^(−x) x^a / Γ(a + 1) · Σ x^k / ((a + 1)…(a + k)).
        double term = 1 / a;
        double sum = term;
        for (int k = 1; k < 1000; k++)
        {
            term *= x / (a + k);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * 1e-17)
            {
                break;
            }
        }

        return sum * Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a));
    }

    private static double GammaContinuedFraction(double a, double x)
    {
        // Q(a, x) by the continued fraction of Legendre, evaluated with the modified Lentz method.
        const double Tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / Tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a)) * h;
    }

    private static double[] BuildLogFactorials(int count)
    {
        var table = new double[count];
        double sum = 0;
        for (int k = 2; k < count; k++)
        {
            sum += Math.Log(k);
            table[k] = sum;
        }

        return table;
    }
}
