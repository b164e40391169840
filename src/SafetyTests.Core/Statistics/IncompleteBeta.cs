using System;

namespace SafetyTests.Statistics;

/// <summary>
/// The regularized incomplete beta function I_x(a, b) and its inverse, written for accuracy near 0 and 1:
/// the continued fraction is evaluated on whichever side converges fast, the prefactor in log space, and the
/// inverse by Newton steps that fall back to bisection whenever a step leaves the bracket.
/// </summary>
internal static class IncompleteBeta
{
    private const double Tiny = 1e-300;
    private const double Epsilon = 1e-16;
    private const int MaxIterations = 10_000;

    /// <summary>I_x(a, b) for a, b &gt; 0; 0 at x ≤ 0 and 1 at x ≥ 1.</summary>
    public static double Regularized(double x, double a, double b)
    {
        Check(a, b);
        if (double.IsNaN(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must be a number.");
        }

        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        // The continued fraction converges quickly for x < (a + 1)/(a + b + 2); otherwise use I_x(a, b) = 1 − I_{1−x}(b, a).
        if (x < (a + 1) / (a + b + 2))
        {
            return Front(x, a, b) * ContinuedFraction(x, a, b) / a;
        }

        return 1 - (Front(1 - x, b, a) * ContinuedFraction(1 - x, b, a) / b);
    }

    /// <summary>1 − I_x(a, b), computed without cancellation when I_x(a, b) is close to 1.</summary>
    public static double RegularizedComplement(double x, double a, double b) => Regularized(1 - x, b, a);

    /// <summary>The x in [0, 1] with I_x(a, b) = p.</summary>
    public static double Inverse(double p, double a, double b)
    {
        Check(a, b);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in [0, 1].");
        }

        if (p == 0)
        {
            return 0;
        }

        if (p == 1)
        {
            return 1;
        }

        double lo = 0;
        double hi = 1;
        double x = InitialGuess(p, a, b);
        double logBeta = SpecialFunctions.LogBeta(a, b);
        for (int i = 0; i < 1000; i++)
        {
            double f = Regularized(x, a, b) - p;
            if (f == 0)
            {
                return x;
            }

            // I_x is increasing in x: keep the bracket around the root.
            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            double logDensity = ((a - 1) * Math.Log(x)) + ((b - 1) * Binomial.Log1p(-x)) - logBeta;
            double density = Math.Exp(logDensity);
            double next = density > 0 && !double.IsInfinity(density) ? x - (f / density) : double.NaN;
            if (!(next > lo && next < hi))
            {
                next = Bisect(lo, hi);
            }

            if (Math.Abs(next - x) <= 4 * Epsilon * Math.Max(next, 1e-300) || hi - lo <= 4 * Epsilon * hi)
            {
                return next;
            }

            x = next;
        }

        return x;
    }

    private static double Bisect(double lo, double hi)
    {
        // Geometric steps while the bracket spans orders of magnitude near 0 reach tiny roots in few iterations.
        if (lo == 0)
        {
            return hi / 16;
        }

        return hi / lo > 16 ? Math.Sqrt(lo * hi) : 0.5 * (lo + hi);
    }

    private static double InitialGuess(double p, double a, double b)
    {
        // Small-x approximation I_x ≈ x^a / (a·B(a, b)) when that lands inside (0, 1), else the mean.
        double logBeta = SpecialFunctions.LogBeta(a, b);
        double small = Math.Exp((Math.Log(p * a) + logBeta) / a);
        double mean = a / (a + b);
        if (small > 0 && small < mean)
        {
            return small;
        }

        // Symmetric small-(1 − x) approximation.
        double large = 1 - Math.Exp((Math.Log((1 - p) * b) + logBeta) / b);
        if (large > mean && large < 1)
        {
            return large;
        }

        return mean;
    }

    private static double Front(double x, double a, double b) =>
        Math.Exp((a * Math.Log(x)) + (b * Binomial.Log1p(-x)) - SpecialFunctions.LogBeta(a, b));

    private static double ContinuedFraction(double x, double a, double b)
    {
        // Modified Lentz evaluation of the continued fraction for I_x(a, b) (the even and odd terms d_2m, d_2m+1).
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - (qab * x / qap);
        if (Math.Abs(d) < Tiny)
        {
            d = Tiny;
        }

        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MaxIterations; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = 1 + (aa / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = 1 + (aa / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return h;
    }

    private static void Check(double a, double b)
    {
        if (!(a > 0) || double.IsInfinity(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "a must be a positive number.");
        }

        if (!(b > 0) || double.IsInfinity(b))
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "b must be a positive number.");
        }
    }
}
