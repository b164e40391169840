using System;

namespace SafetyTests.Statistics;

/// <summary>Log-gamma and related helpers used by the binomial and beta computations.</summary>
internal static class SpecialFunctions
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    // Exact ln(k!) for small k avoids the approximation where binomial coefficients are computed most often.
    private static readonly double[] LogFactorials = BuildLogFactorials(256);

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    /// <remarks>
    /// Stirling's asymptotic series with Bernoulli-number terms up to x^−13 for x ≥ 15 (truncation error below
    /// 1e-19 there); smaller arguments are shifted up with Γ(x) = Γ(x + k) / (x (x + 1) … (x + k − 1)).
    /// </remarks>
    public static double LogGamma(double x)
    {
        if (!(x > 0) || double.IsInfinity(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma is defined here for finite x > 0 only.");
        }

        double shift = 0;
        if (x < 15)
        {
            double product = 1;
            while (x < 15)
            {
                product *= x;
                x += 1;
            }

            shift = Math.Log(product);
        }

        double inverse = 1 / x;
        double inverse2 = inverse * inverse;
        double series = (-691.0 / 360360) + (inverse2 / 156);
        series = (1.0 / 1188) + (inverse2 * series);
        series = (-1.0 / 1680) + (inverse2 * series);
        series = (1.0 / 1260) + (inverse2 * series);
        series = (-1.0 / 360) + (inverse2 * series);
        series = inverse * ((1.0 / 12) + (inverse2 * series));
        return ((x - 0.5) * Math.Log(x)) - x + HalfLogTwoPi + series - shift;
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
