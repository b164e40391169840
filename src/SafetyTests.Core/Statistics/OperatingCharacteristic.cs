using System;

namespace SafetyTests.Statistics;

/// <summary>
/// Exact operating characteristic of a (possibly truncated) sequential design by forward dynamic programming
/// over (n, x): the probability mass of the paths still undecided after n samples with x unsafe ones.
/// </summary>
internal static class OperatingCharacteristic
{
    /// <summary>Evaluates a design with the given boundaries at true rate <paramref name="p"/>.</summary>
    /// <param name="passAtMost">Pass when x ≤ passAtMost[n] (index 0 unused).</param>
    /// <param name="failAtLeast">Fail when x ≥ failAtLeast[n].</param>
    /// <param name="maxSamples">The cap; undecided mass at the cap is Inconclusive.</param>
    /// <param name="p">The true unsafe rate in [0, 1].</param>
    public static OperatingPoint Evaluate(int[] passAtMost, int[] failAtLeast, int maxSamples, double p)
    {
        var profile = Profile(passAtMost, failAtLeast, maxSamples, p);
        return profile.At(maxSamples);
    }

    /// <summary>
    /// Runs the recursion once and records, for every cap N ≤ <paramref name="maxSamples"/>, what the design
    /// truncated at N would do (truncation only changes the last step, so one pass serves every cap).
    /// </summary>
    public static CapProfile Profile(int[] passAtMost, int[] failAtLeast, int maxSamples, double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The true rate must be in [0, 1].");
        }

        var profile = new CapProfile(p, maxSamples);
        var mass = new double[maxSamples + 2];
        mass[0] = 1;
        int lo = 0;
        int hi = 0;
        double passed = 0;
        double failed = 0;
        double samplesOfDecided = 0;
        double q = 1 - p;
        for (int n = 1; n <= maxSamples; n++)
        {
            // Advance one sample: x stays with probability q, grows by one with probability p.
            mass[hi + 1] = 0;
            for (int x = hi + 1; x > lo; x--)
            {
                mass[x] = (mass[x] * q) + (mass[x - 1] * p);
            }

            mass[lo] *= q;
            hi++;

            int pass = passAtMost[n];
            int fail = failAtLeast[n];
            for (int x = lo; x <= hi && x <= pass; x++)
            {
                passed += mass[x];
                samplesOfDecided += n * mass[x];
                mass[x] = 0;
            }

            for (int x = Math.Max(fail, lo); x <= hi; x++)
            {
                failed += mass[x];
                samplesOfDecided += n * mass[x];
                mass[x] = 0;
            }

            lo = Math.Max(lo, pass + 1);
            hi = Math.Min(hi, fail - 1);
            double open = 0;
            for (int x = lo; x <= hi; x++)
            {
                open += mass[x];
            }

            profile.Set(n, passed, failed, open, samplesOfDecided + (n * open));
            if (hi < lo)
            {
                // Every path has decided: later caps behave the same.
                for (int m = n + 1; m <= maxSamples; m++)
                {
                    profile.Set(m, passed, failed, 0, samplesOfDecided);
                }

                break;
            }
        }

        return profile;
    }
}
