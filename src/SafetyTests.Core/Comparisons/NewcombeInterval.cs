using System;

namespace SafetyTests.Comparisons;

/// <summary>Wilson score intervals and Newcombe's hybrid score interval for a difference of two proportions.</summary>
internal static class NewcombeInterval
{
    /// <summary>The two-sided Wilson score interval for x of n.</summary>
    public static (double Lower, double Upper) Wilson(int x, int n, double z = Distributions.Z95)
    {
        if (n <= 0)
        {
            return (0, 1);
        }

        double p = (double)x / n;
        double z2 = z * z;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        double lower = x == 0 ? 0 : Math.Max(0, centre - half);
        double upper = x == n ? 1 : Math.Min(1, centre + half);
        return (lower, upper);
    }

    /// <summary>Newcombe's hybrid score interval (method 10) for p₁ − p₂ with p₁ = x1/n1, p₂ = x2/n2.</summary>
    public static (double Lower, double Upper) Difference(int x1, int n1, int x2, int n2, double z = Distributions.Z95)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            return (-1, 1);
        }

        double p1 = (double)x1 / n1;
        double p2 = (double)x2 / n2;
        (double l1, double u1) = Wilson(x1, n1, z);
        (double l2, double u2) = Wilson(x2, n2, z);
        double d = p1 - p2;
        double lower = d - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2)));
        double upper = d + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2)));
        return (Math.Max(-1, lower), Math.Min(1, upper));
    }
}
