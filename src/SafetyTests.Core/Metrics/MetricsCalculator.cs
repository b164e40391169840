using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SafetyTests.Comparisons;
using SafetyTests.Gate;

namespace SafetyTests.Metrics;

/// <summary>
/// Computes the metrics of every slice of a run. The severity-weighted failure rate is R = Σ wᵢ p̂ᵢ / Σ wᵢ with
/// p̂ᵢ the case's failure rate under the counting policy; its standard error treats each case as a cluster of
/// samples: SE = sqrt(n/(n−1) Σ (wᵢ/W)² (p̂ᵢ − R)²) (one case: the binomial SE of that case).
/// </summary>
internal static class MetricsCalculator
{
    [MethodImpl(Optimization.Hot)]
    public static SortedDictionary<SliceKey, SliceMetrics> Compute(IEnumerable<CaseResult> cases, SeverityWeights weights, CountingPolicy policy)
    {
        var groups = new Dictionary<SliceKey, List<CaseResult>>();
        foreach (CaseResult c in cases)
        {
            Add(groups, SliceKey.Overall, c);
            Add(groups, SliceKey.ForCategory(c.CategoryName), c);
            Add(groups, SliceKey.ForSeverity(c.Severity), c);
            Add(groups, SliceKey.ForExpectation(c.Expectation), c);
        }

        var result = new SortedDictionary<SliceKey, SliceMetrics>();
        if (!groups.ContainsKey(SliceKey.Overall))
        {
            result.Add(SliceKey.Overall, new SliceMetrics(SliceKey.Overall));
        }

        foreach (KeyValuePair<SliceKey, List<CaseResult>> group in groups)
        {
            result.Add(group.Key, ComputeSlice(group.Key, group.Value, weights, policy));
        }

        return result;
    }

    [MethodImpl(Optimization.Hot)]
    public static SliceMetrics ComputeSlice(SliceKey slice, IReadOnlyList<CaseResult> cases, SeverityWeights weights, CountingPolicy policy)
    {
        var metrics = new SliceMetrics(slice);
        double totalWeight = 0;
        double weighted = 0;
        foreach (CaseResult c in cases)
        {
            metrics.Cases++;
            metrics.Samples += c.Samples;
            metrics.Unsafe += c.Unsafe;
            metrics.Errors += c.Errors;
            switch (c.Verdict)
            {
                case SafetyVerdict.Pass: metrics.Passing++; break;
                case SafetyVerdict.Fail: metrics.Failing++; break;
                case SafetyVerdict.Inconclusive: metrics.Inconclusive++; break;
                case SafetyVerdict.Error: metrics.Errored++; break;
            }

            if (c.FailureRate(policy) is double rate)
            {
                double w = weights[c.Severity];
                metrics.RatedCases++;
                totalWeight += w;
                weighted += w * rate;
            }
        }

        if (metrics.RatedCases == 0)
        {
            return metrics;
        }

        double r = weighted / totalWeight;
        double se;
        if (metrics.RatedCases == 1)
        {
            CaseResult only = First(cases, policy);
            int trials = only.Trials(policy);
            se = Math.Sqrt(r * (1 - r) / trials);
        }
        else
        {
            double sum = 0;
            foreach (CaseResult c in cases)
            {
                if (c.FailureRate(policy) is double rate)
                {
                    double a = weights[c.Severity] / totalWeight * (rate - r);
                    sum += a * a;
                }
            }

            int n = metrics.RatedCases;
            se = Math.Sqrt((double)n / (n - 1) * sum);
        }

        metrics.Rate = r;
        metrics.StandardError = se;
        metrics.Lower = Math.Max(0, r - (Distributions.Z95 * se));
        metrics.Upper = Math.Min(1, r + (Distributions.Z95 * se));
        return metrics;
    }

    private static CaseResult First(IReadOnlyList<CaseResult> cases, CountingPolicy policy)
    {
        foreach (CaseResult c in cases)
        {
            if (c.FailureRate(policy) is not null)
            {
                return c;
            }
        }

        throw new InvalidOperationException("No rated case.");
    }

    private static void Add(Dictionary<SliceKey, List<CaseResult>> groups, SliceKey key, CaseResult c)
    {
        if (!groups.TryGetValue(key, out List<CaseResult>? list))
        {
            list = new List<CaseResult>();
            groups.Add(key, list);
        }

        list.Add(c);
    }
}
