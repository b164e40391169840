using System;
using System.Collections.Generic;
using System.Linq;
using SafetyTests.Comparisons;

namespace SafetyTests.Benchmarks.Gate;

/// <summary>
/// The gate's regression test before issue 12, kept here only so the operating-characteristics study can show it
/// beside its replacement: the weighted paired difference with a standard error clustered by category
/// (Var = n/(n−1) Σ aᵢ² + Σ_clusters Σ_{i≠j} aᵢaⱼ, aᵢ = (wᵢ/W)(dᵢ − D)), raised to the add-one smoothed sampling
/// error, Student's t with (categories − 1) df (cases − 1 with one category), exact McNemar for single-sample cases;
/// and per category the same test with cases as clusters, Holm across categories.
/// </summary>
internal static class LegacyClusteredTest
{
    /// <summary>One case for the legacy test.</summary>
    public readonly record struct Case(double Weight, int BaselineFailures, int BaselineTrials, int CandidateFailures, int CandidateTrials, int Cluster);

    /// <summary>Whether the legacy aggregate test rejected, and whether the legacy gate (aggregate or a category) failed.</summary>
    public static (bool Aggregate, bool Gate) Decide(IReadOnlyList<Case> cases, double alpha)
    {
        bool aggregate = PValue(cases, clustered: true) is double p && p < alpha && Difference(cases) > 0;
        var categories = cases.GroupBy(c => c.Cluster).Select(g => g.ToList()).Where(g => g.Count >= 2).ToList();
        var pValues = new List<double>();
        var differences = new List<double>();
        foreach (List<Case> g in categories)
        {
            if (PValue(g, clustered: false) is double q)
            {
                pValues.Add(q);
                differences.Add(Difference(g));
            }
        }

        double[] adjusted = MultipleTesting.Holm(pValues);
        bool category = false;
        for (int i = 0; i < adjusted.Length; i++)
        {
            category |= adjusted[i] <= alpha && differences[i] > 0;
        }

        return (aggregate, aggregate || category);
    }

    /// <summary>The critical-case rule as it was: Fisher's exact test per critical case, Holm across them.</summary>
    public static bool CriticalCaseRegressed(IReadOnlyList<Case> cases, IReadOnlyList<bool> critical, double alpha)
    {
        var p = new List<double>();
        for (int i = 0; i < cases.Count; i++)
        {
            if (critical[i])
            {
                Case c = cases[i];
                p.Add(FisherExact.CandidateWorse(c.BaselineFailures, c.BaselineTrials, c.CandidateFailures, c.CandidateTrials));
            }
        }

        return MultipleTesting.Holm(p).Any(a => a <= alpha);
    }

    private static double Difference(IReadOnlyList<Case> cases)
    {
        double w = cases.Sum(c => c.Weight);
        return cases.Sum(c => c.Weight * (Rate(c.CandidateFailures, c.CandidateTrials) - Rate(c.BaselineFailures, c.BaselineTrials))) / w;
    }

    private static double? PValue(IReadOnlyList<Case> cases, bool clustered)
    {
        int n = cases.Count;
        if (n < 2)
        {
            return null;
        }

        if (cases.All(c => c.BaselineTrials == 1 && c.CandidateTrials == 1))
        {
            int b = cases.Count(c => c.BaselineFailures == 0 && c.CandidateFailures == 1);
            int k = cases.Count(c => c.BaselineFailures == 1 && c.CandidateFailures == 0);
            return McNemarExact.CandidateWorse(b, k);
        }

        double total = cases.Sum(c => c.Weight);
        double d = Difference(cases);
        double sumA2 = 0;
        double sampling = 0;
        var clusterSums = new Dictionary<int, double>();
        foreach (Case c in cases)
        {
            double share = c.Weight / total;
            double a = share * (Rate(c.CandidateFailures, c.CandidateTrials) - Rate(c.BaselineFailures, c.BaselineTrials) - d);
            sumA2 += a * a;
            sampling += share * share * (Smoothed(c.BaselineFailures, c.BaselineTrials) + Smoothed(c.CandidateFailures, c.CandidateTrials));
            clusterSums[c.Cluster] = clusterSums.TryGetValue(c.Cluster, out double s) ? s + a : a;
        }

        double variance = (double)n / (n - 1) * sumA2;
        int df = n - 1;
        int clusters = clustered ? clusterSums.Count : n;
        if (clusters >= 2 && clusters < n)
        {
            variance += clusterSums.Values.Sum(s => s * s) - sumA2;
            df = clusters - 1;
        }

        double se = Math.Sqrt(Math.Max(0, Math.Max(variance, sampling)));
        if (!(se > 0))
        {
            return d > 1e-12 ? 0 : 1;
        }

        return Distributions.StudentUpperTail(d / se, df);
    }

    private static double Rate(int failures, int trials) => (double)failures / trials;

    private static double Smoothed(int failures, int trials)
    {
        double p = (failures + 1.0) / (trials + 2.0);
        return p * (1 - p) / trials;
    }
}
