using System;

namespace SafetyTests.Statistics;

/// <summary>The standard normal distribution: CDF through the incomplete gamma function, quantile by Acklam's rational approximation refined with one Halley step.</summary>
internal static class Normal
{
    private static readonly double[] A = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
    private static readonly double[] B = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01 };
    private static readonly double[] C = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
    private static readonly double[] D = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
    private const double LowRegion = 0.02425;

    /// <summary>Φ(x), accurate in both tails.</summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        // Φ(x) = ½·erfc(−x/√2) and erfc(t) = Q(½, t²) for t ≥ 0.
        double half = SpecialFunctions.GammaQ(0.5, 0.5 * x * x) / 2;
        return x < 0 ? half : 1 - half;
    }

    /// <summary>Φ⁻¹(p) for p in (0, 1); ±∞ at 0 and 1.</summary>
    public static double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        double x;
        if (p < LowRegion)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((((((C[0] * q) + C[1]) * q) + C[2]) * q) + C[3]) * q) + C[4]) * q) + C[5];
            x /= (((((((D[0] * q) + D[1]) * q) + D[2]) * q) + D[3]) * q) + 1;
        }
        else if (p <= 1 - LowRegion)
        {
            double q = p - 0.5;
            double r = q * q;
            x = ((((((((((A[0] * r) + A[1]) * r) + A[2]) * r) + A[3]) * r) + A[4]) * r) + A[5]) * q;
            x /= (((((((((B[0] * r) + B[1]) * r) + B[2]) * r) + B[3]) * r) + B[4]) * r) + 1;
        }
        else
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -((((((((((C[0] * q) + C[1]) * q) + C[2]) * q) + C[3]) * q) + C[4]) * q) + C[5]);
            x /= (((((((D[0] * q) + D[1]) * q) + D[2]) * q) + D[3]) * q) + 1;
        }

        // One Halley step on Φ(x) − p brings the 1e-9 relative error of the approximation to machine precision.
        // The error is measured on the smaller tail so that it keeps its relative accuracy.
        double e = x < 0 ? Cdf(x) - p : (1 - p) - UpperTail(x);

        double u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - (u / (1 + (x * u / 2)));
    }

    /// <summary>1 − Φ(x) for x ≥ 0 without cancellation.</summary>
    private static double UpperTail(double x) => SpecialFunctions.GammaQ(0.5, 0.5 * x * x) / 2;
}
