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
        // Grouped without hashing per case: severity and expectation by enum value, categories by the previous
        // case's category first (cases come sorted, categories pooled).
        var overall = new List<CaseResult>(cases is ICollection<CaseResult> known ? known.Count : 0);
        var bySeverity = new List<CaseResult>?[4];
        var byExpectation = new List<CaseResult>?[8];
        var byCategory = new Dictionary<string, List<CaseResult>>(StringComparer.Ordinal);
        string? lastCategory = null;
        List<CaseResult>? lastCategoryList = null;
        foreach (CaseResult c in cases)
        {
            overall.Add(c);
            Group(bySeverity, (int)c.Severity).Add(c);
            Group(byExpectation, (int)c.Expectation).Add(c);
            string category = c.CategoryName;
            if (!ReferenceEquals(category, lastCategory))
            {
                if (!byCategory.TryGetValue(category, out lastCategoryList))
                {
                    lastCategoryList = new List<CaseResult>();
                    byCategory.Add(category, lastCategoryList);
                }

                lastCategory = category;
            }

            lastCategoryList!.Add(c);
        }

        var result = new SortedDictionary<SliceKey, SliceMetrics>
        {
            [SliceKey.Overall] = overall.Count == 0 ? new SliceMetrics(SliceKey.Overall) : ComputeSlice(SliceKey.Overall, overall, weights, policy),
        };

        foreach (KeyValuePair<string, List<CaseResult>> group in byCategory)
        {
            SliceKey key = SliceKey.ForCategory(group.Key);
            result.Add(key, ComputeSlice(key, group.Value, weights, policy));
        }

        for (int i = 0; i < bySeverity.Length; i++)
        {
            if (bySeverity[i] is { } list)
            {
                SliceKey key = SliceKey.ForSeverity((Severity)i);
                result.Add(key, ComputeSlice(key, list, weights, policy));
            }
        }

        for (int i = 0; i < byExpectation.Length; i++)
        {
            if (byExpectation[i] is { } list)
            {
                SliceKey key = SliceKey.ForExpectation((Expectation)i);
                result.Add(key, ComputeSlice(key, list, weights, policy));
            }
        }

        return result;
    }

    private static List<CaseResult> Group(List<CaseResult>?[] groups, int index)
    {
        if ((uint)index >= (uint)groups.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "Unknown severity or expectation value.");
        }

        return groups[index] ??= new List<CaseResult>();
    }

    [MethodImpl(Optimization.Hot)]
    public static SliceMetrics ComputeSlice(SliceKey slice, List<CaseResult> cases, SeverityWeights weights, CountingPolicy policy)
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

    private static CaseResult First(List<CaseResult> cases, CountingPolicy policy)
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
}
