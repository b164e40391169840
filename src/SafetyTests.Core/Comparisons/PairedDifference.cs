using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SafetyTests.Comparisons;

/// <summary>
/// The severity-weighted paired difference of per-case failure rates and its one-sided test, with the case as the
/// unit of repetition: D = Σ wᵢ dᵢ / Σ wᵢ with dᵢ = candidateᵢ − baselineᵢ.
/// </summary>
/// <remarks>
/// <para><b>The test.</b> With tolerance 0 (the default), H0 "no case got worse" is tested with the exact paired
/// sign-flip test over the cases' weighted differences (<see cref="SignFlipTest"/>): valid for any number of cases,
/// for baselines at exactly 0 % (such cases carry no information until they move) and for the unequal, data-dependent
/// sample counts of sequential designs, as long as both runs use the same design. With a tolerance τ &gt; 0 the
/// hypothesis H0: D ≤ τ is no longer a symmetry, so the studentized difference (D − τ)/SE is referred to Student's t
/// with n − 1 degrees of freedom instead.</para>
/// <para><b>The interval.</b> SE = sqrt(n/(n−1) Σ aᵢ²) with aᵢ = (wᵢ/W)(dᵢ − D) (Miller 2024 with weights, every
/// case its own cluster), never below what the binomial sampling of the cases alone implies (add-one smoothed, so
/// 0/20 → 1/20 still has noise), and the 95 % interval D ± t(0.975, n − 1)·SE.</para>
/// </remarks>
internal static class PairedDifference
{
    /// <summary>The sign-flip test (tolerance 0).</summary>
    public const string SignFlip = "sign-flip";

    /// <summary>The studentized test with cases as units (tolerance above 0).</summary>
    public const string CaseT = "case-t";

    /// <summary>The test over <paramref name="cases"/> of H0: D ≤ <paramref name="tolerance"/>.</summary>
    [MethodImpl(Optimization.Hot)]
    public static PairedDifferenceResult Compute(IReadOnlyList<PairedObservation> cases, double tolerance)
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

        string method = tolerance == 0 ? SignFlip : CaseT;
        if (n == 0)
        {
            return new PairedDifferenceResult { Method = method, Tolerance = tolerance };
        }

        baseline /= totalWeight;
        candidate /= totalWeight;
        double difference = candidate - baseline;

        double sumA2 = 0;
        double sumB2 = 0;
        double sumC2 = 0;
        double samplingVariance = 0;
        bool allCounts = true;
        var contributions = tolerance == 0 ? new double[n] : null;
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
            if (contributions is not null)
            {
                contributions[i] = c.Weight * (c.Candidate - c.Baseline);
            }

            if (c.HasCounts)
            {
                samplingVariance += share * share * (Smoothed(c.BaselineFailures, c.BaselineTrials) + Smoothed(c.CandidateFailures, c.CandidateTrials));
            }
            else
            {
                allCounts = false;
            }
        }

        double samplingSe = allCounts ? Math.Sqrt(samplingVariance) : double.NaN;
        double pairedSe = double.NaN;
        double unpairedSe = double.NaN;
        double se = double.NaN;
        bool floored = false;
        double lower = double.NaN;
        double upper = double.NaN;
        if (n >= 2)
        {
            double correction = (double)n / (n - 1);
            double pairedVariance = correction * sumA2;
            floored = allCounts && samplingVariance > pairedVariance;
            pairedSe = Math.Sqrt(pairedVariance);
            unpairedSe = Math.Sqrt(correction * (sumB2 + sumC2));
            se = Math.Sqrt(Math.Max(0, floored ? samplingVariance : pairedVariance));
            double quantile = StudentQuantile(0.025, n - 1);
            lower = Math.Max(-1, difference - (quantile * se));
            upper = Math.Min(1, difference + (quantile * se));
        }

        double statistic = double.NaN;
        double p = double.NaN;
        int df = 0;
        int informative = n;
        SignFlipMethod? flipMethod = null;
        if (contributions is not null)
        {
            SignFlipResult flip = SignFlipTest.Upper(contributions);
            statistic = flip.Z;
            p = flip.PValue;
            flipMethod = flip.Method;
            informative = flip.InformativeCases;
        }
        else if (n >= 2)
        {
            double excess = difference - tolerance;
            df = n - 1;
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
        }

        return new PairedDifferenceResult
        {
            Method = method,
            SignFlipMethod = flipMethod,
            Count = n,
            InformativeCases = informative,
            BaselineRate = baseline,
            CandidateRate = candidate,
            Difference = difference,
            StandardError = se,
            PairedStandardError = pairedSe,
            UnpairedStandardError = unpairedSe,
            SamplingStandardError = samplingSe,
            SamplingFloorApplied = floored,
            DegreesOfFreedom = df,
            Tolerance = tolerance,
            Statistic = statistic,
            PValue = p,
            Lower = lower,
            Upper = upper,
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
}
