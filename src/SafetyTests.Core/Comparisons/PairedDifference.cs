using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SafetyTests.Comparisons;

/// <summary>
/// The severity-weighted paired difference of per-case failure rates (Miller 2024, "Adding Error Bars to
/// Evals"): D = Σ wᵢ dᵢ / Σ wᵢ with dᵢ = candidateᵢ − baselineᵢ, and its standard error
/// <c>Var = n/(n−1) Σ aᵢ² + Σ_clusters Σ_{i≠j} aᵢ aⱼ</c> with aᵢ = (wᵢ/W)(dᵢ − D). With equal weights this is
/// Miller's clustered standard error; without clusters it is <c>sqrt(n/(n−1) Σ (wᵢ/W)² (dᵢ − D)²)</c>. The test
/// of H0: D ≤ tolerance uses Student's t with (clusters − 1) degrees of freedom, the usual small-cluster correction.
/// When trial counts are known, the standard error is never below what the binomial sampling of the cases alone
/// implies (add-one smoothed, so 0/20 → 1/20 still has noise): a spread-based estimate can be zero by chance
/// when a few cases move alike, and a gate must not read that as certainty.
/// </summary>
internal static class PairedDifference
{
    /// <summary>The test over <paramref name="cases"/>; with <paramref name="clustered"/> false every case is its own cluster (their <see cref="PairedObservation.Cluster"/> is not looked at).</summary>
    [MethodImpl(Optimization.Hot)]
    public static PairedDifferenceResult Compute(IReadOnlyList<PairedObservation> cases, double tolerance, bool clustered = true)
    {
        int n = cases.Count;
        double totalWeight = 0;
        double baseline = 0;
        double candidate = 0;
        for (int i = 0; i < n; i++)
        {
            PairedObservation c = cases[i];
            if (!(c.Weight > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(cases), c.Weight, "Weights must be positive.");
            }

            totalWeight += c.Weight;
            baseline += c.Weight * c.Baseline;
            candidate += c.Weight * c.Candidate;
        }

        if (n == 0)
        {
            return new PairedDifferenceResult
            {
                Tolerance = tolerance,
                Difference = double.NaN,
                BaselineRate = double.NaN,
                CandidateRate = double.NaN,
                StandardError = double.NaN,
                PairedStandardError = double.NaN,
                UnpairedStandardError = double.NaN,
                Statistic = double.NaN,
                PValue = double.NaN,
                Lower = double.NaN,
                Upper = double.NaN,
            };
        }

        baseline /= totalWeight;
        candidate /= totalWeight;
        double difference = candidate - baseline;

        double sumA2 = 0;
        double samplingVariance = 0;
        bool allCounts = true;
        double sumB2 = 0;
        double sumC2 = 0;
        // Cluster sums, looked up only when the cluster changes from one case to the next (cases come grouped).
        var clusterSums = new Dictionary<object, ClusterSum>();
        object? lastCluster = null;
        ClusterSum? last = null;
        for (int i = 0; i < n; i++)
        {
            PairedObservation c = cases[i];
            double share = c.Weight / totalWeight;
            double a = share * (c.Candidate - c.Baseline - difference);
            double b = share * (c.Baseline - baseline);
            double k = share * (c.Candidate - candidate);
            sumA2 += a * a;
            sumB2 += b * b;
            sumC2 += k * k;
            if (c.HasCounts)
            {
                samplingVariance += share * share * (Smoothed(c.BaselineFailures, c.BaselineTrials) + Smoothed(c.CandidateFailures, c.CandidateTrials));
            }
            else
            {
                allCounts = false;
            }

            if (!clustered)
            {
                continue;
            }

            object cluster = c.Cluster ?? "";
            if (!ReferenceEquals(cluster, lastCluster) || last is null)
            {
                if (!clusterSums.TryGetValue(cluster, out last))
                {
                    last = new ClusterSum();
                    clusterSums.Add(cluster, last);
                }

                lastCluster = cluster;
            }

            last.Sum += a;
        }

        // Unclustered: every case is its own cluster.
        int clusters = clustered ? clusterSums.Count : n;
        if (n < 2)
        {
            return new PairedDifferenceResult
            {
                Count = n,
                Clusters = clusters,
                Tolerance = tolerance,
                BaselineRate = baseline,
                CandidateRate = candidate,
                Difference = difference,
                StandardError = double.NaN,
                PairedStandardError = double.NaN,
                UnpairedStandardError = double.NaN,
                Statistic = double.NaN,
                PValue = double.NaN,
                Lower = double.NaN,
                Upper = double.NaN,
            };
        }

        double correction = (double)n / (n - 1);
        double pairedVariance = correction * sumA2;
        double unpairedVariance = correction * (sumB2 + sumC2);
        bool byClusters = clusters >= 2 && clusters < n;
        double variance = pairedVariance;
        int df = n - 1;
        if (byClusters)
        {
            double cross = 0;
            foreach (ClusterSum sum in clusterSums.Values)
            {
                cross += sum.Sum * sum.Sum;
            }

            // Σ_c (Σ_{i∈c} aᵢ)² − Σ aᵢ² are the cross terms within clusters.
            variance = pairedVariance + cross - sumA2;
            df = clusters - 1;
        }

        double samplingSe = allCounts ? Math.Sqrt(samplingVariance) : double.NaN;
        bool floored = allCounts && samplingVariance > variance;
        double se = Math.Sqrt(Math.Max(0, floored ? samplingVariance : variance));
        double excess = difference - tolerance;
        double statistic;
        double p;
        if (se > 0)
        {
            statistic = excess / se;
            p = Distributions.StudentUpperTail(statistic, df);
        }
        else
        {
            statistic = excess > 1e-12 ? double.PositiveInfinity : excess < -1e-12 ? double.NegativeInfinity : 0;
            p = excess > 1e-12 ? 0 : 1;
        }

        double quantile = StudentQuantile(0.025, df);
        return new PairedDifferenceResult
        {
            Count = n,
            Clusters = clusters,
            ClusteredByCategory = byClusters,
            BaselineRate = baseline,
            CandidateRate = candidate,
            Difference = difference,
            StandardError = se,
            PairedStandardError = Math.Sqrt(pairedVariance),
            UnpairedStandardError = Math.Sqrt(unpairedVariance),
            SamplingStandardError = samplingSe,
            SamplingFloorApplied = floored,
            DegreesOfFreedom = df,
            Tolerance = tolerance,
            Statistic = statistic,
            PValue = p,
            Lower = Math.Max(-1, difference - (quantile * se)),
            Upper = Math.Min(1, difference + (quantile * se)),
        };
    }

    /// <summary>The add-one smoothed binomial variance of a rate from x of n: p̃(1 − p̃)/n with p̃ = (x + 1)/(n + 2).</summary>
    private static double Smoothed(int failures, int trials)
    {
        double p = (failures + 1.0) / (trials + 2.0);
        return p * (1 - p) / trials;
    }

    /// <summary>The t value with upper tail <paramref name="upperTail"/> (bisection on the exact tail).</summary>
    public static double StudentQuantile(double upperTail, int degreesOfFreedom)
    {
        double low = 0;
        double high = 1;
        while (Distributions.StudentUpperTail(high, degreesOfFreedom) > upperTail && high < 1e12)
        {
            high *= 2;
        }

        for (int i = 0; i < 200 && high - low > 1e-12 * high; i++)
        {
            double mid = (low + high) / 2;
            if (Distributions.StudentUpperTail(mid, degreesOfFreedom) > upperTail)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    private sealed class ClusterSum
    {
        public double Sum;
    }
}
