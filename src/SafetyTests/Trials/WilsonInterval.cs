using System;

namespace SafetyTests.Trials;

/// <summary>The two-sided 95 % Wilson score interval, shown to people next to an observed rate.</summary>
internal static class WilsonInterval
{
    public const double Confidence = 0.95;

    private const double Z = 1.959963984540054;

    // TODO(stats): switch to the statistics engine's BinomialInterval once it lands.
    public static (double Lower, double Upper) Compute(int unsafeCount, int samples)
    {
        if (samples <= 0)
        {
            return (0, 1);
        }

        double n = samples;
        double p = unsafeCount / n;
        double z2 = Z * Z;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = Z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        double lower = unsafeCount == 0 ? 0 : Math.Max(0, centre - half);
        double upper = unsafeCount == samples ? 1 : Math.Min(1, centre + half);
        return (lower, upper);
    }
}
