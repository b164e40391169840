using System;

namespace SafetyTests.Comparisons;

/// <summary>
/// The exact one-sided test that one case got worse, valid for the sequential (and curtailed fixed) designs cases
/// are sampled with: conditional on the pooled counts (N = n₁ + n₂ samples, t = x₁ + x₂ unsafe), which are
/// sufficient for a common rate, every split of them into two stopping points of the design is weighted by the
/// product of their path counts (<see cref="StoppingPaths"/>), and p is the weight of the splits whose candidate
/// rate exceeds the baseline rate by at least the observed amount. Under a fixed design without early stopping the
/// weights are binomial coefficients and this is Fisher's exact test; with early stopping Fisher's test, which
/// ignores the stopping rule, rejects more often than α (measured in docs/gate.md).
/// </summary>
internal static class SequentialCaseTest
{
    /// <summary>One-sided p for H0: same rate, against the candidate being worse.</summary>
    /// <param name="paths">The design both runs used.</param>
    /// <param name="baselineSamples">n₁ (at least 1).</param>
    /// <param name="baselineUnsafe">x₁.</param>
    /// <param name="candidateSamples">n₂ (at least 1).</param>
    /// <param name="candidateUnsafe">x₂.</param>
    /// <returns>The p-value; 1 when neither run saw an unsafe sample (nothing can be worse).</returns>
    public static double CandidateWorse(StoppingPaths paths, int baselineSamples, int baselineUnsafe, int candidateSamples, int candidateUnsafe)
    {
        int total = baselineSamples + candidateSamples;
        int unsafeTotal = baselineUnsafe + candidateUnsafe;
        if (unsafeTotal == 0 || unsafeTotal == total)
        {
            return 1;
        }

        double observed = Statistic(baselineSamples, baselineUnsafe, candidateSamples, candidateUnsafe);
        double reference = paths.LogCount(baselineSamples, baselineUnsafe) + paths.LogCount(candidateSamples, candidateUnsafe);
        if (double.IsNegativeInfinity(reference))
        {
            // Counts the design cannot produce: the test does not apply (the record check reports such records).
            return double.NaN;
        }

        double all = 0;
        double worse = 0;
        foreach ((int n, int x) in paths.Stops(total - 1))
        {
            int m = total - n;
            int y = unsafeTotal - x;
            double log = paths.LogCount(m, y);
            if (double.IsNegativeInfinity(log))
            {
                continue;
            }

            double weight = Math.Exp(paths.LogCount(n, x) + log - reference);
            all += weight;
            if (Statistic(n, x, m, y) >= observed - 1e-12)
            {
                worse += weight;
            }
        }

        return Math.Min(1, worse / all);
    }

    private static double Statistic(int baselineSamples, int baselineUnsafe, int candidateSamples, int candidateUnsafe) =>
        ((double)candidateUnsafe / candidateSamples) - ((double)baselineUnsafe / baselineSamples);
}
