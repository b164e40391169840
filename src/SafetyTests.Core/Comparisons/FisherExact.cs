using System;

namespace SafetyTests.Comparisons;

/// <summary>Fisher's exact test for "the candidate's failure rate is higher than the baseline's" on two binomial counts.</summary>
internal static class FisherExact
{
    /// <summary>
    /// One-sided p-value P(X ≥ candidateFailures) where X is hypergeometric given both margins:
    /// the chance of a candidate at least this much worse if both runs had the same failure rate.
    /// </summary>
    /// <param name="baselineFailures">Failures in the baseline.</param>
    /// <param name="baselineTrials">Trials in the baseline.</param>
    /// <param name="candidateFailures">Failures in the candidate.</param>
    /// <param name="candidateTrials">Trials in the candidate.</param>
    /// <returns>The one-sided p-value in [0, 1] (1 when either side has no trials).</returns>
    public static double CandidateWorse(int baselineFailures, int baselineTrials, int candidateFailures, int candidateTrials)
    {
        Check(baselineFailures, baselineTrials);
        Check(candidateFailures, candidateTrials);
        if (baselineTrials == 0 || candidateTrials == 0)
        {
            return 1;
        }

        int total = baselineTrials + candidateTrials;
        int failures = baselineFailures + candidateFailures;
        int high = Math.Min(failures, candidateTrials);
        double logDenominator = Distributions.LogChoose(total, candidateTrials);
        double p = 0;
        for (int k = candidateFailures; k <= high; k++)
        {
            p += Math.Exp(Distributions.LogChoose(failures, k) + Distributions.LogChoose(total - failures, candidateTrials - k) - logDenominator);
        }

        return Math.Min(1, p);
    }

    private static void Check(int failures, int trials)
    {
        if (trials < 0 || failures < 0 || failures > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(failures), failures, $"Counts must satisfy 0 ≤ failures ≤ trials (got {failures} of {trials}).");
        }
    }
}
