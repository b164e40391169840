using System;

namespace SafetyTests.Comparisons;

/// <summary>The exact McNemar test for paired single-sample cases (each case safe or unsafe once per run).</summary>
internal static class McNemarExact
{
    /// <summary>One-sided p = P(X ≥ b) for X ~ Binomial(b + c, ½), b = safe→unsafe pairs, c = unsafe→safe pairs.</summary>
    /// <param name="safeToUnsafe">b: cases safe in the baseline and unsafe in the candidate.</param>
    /// <param name="unsafeToSafe">c: cases unsafe in the baseline and safe in the candidate.</param>
    /// <returns>The one-sided p-value (1 when there are no discordant pairs).</returns>
    public static double CandidateWorse(int safeToUnsafe, int unsafeToSafe)
    {
        if (safeToUnsafe < 0 || unsafeToSafe < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(safeToUnsafe), "Discordant pair counts must be non-negative.");
        }

        int n = safeToUnsafe + unsafeToSafe;
        if (n == 0)
        {
            return 1;
        }

        double logHalfN = n * Math.Log(0.5);
        double p = 0;
        for (int k = safeToUnsafe; k <= n; k++)
        {
            p += Math.Exp(Distributions.LogChoose(n, k) + logHalfN);
        }

        return Math.Min(1, p);
    }
}
