using System;
using System.Collections.Generic;

namespace SafetyTests.Comparisons;

/// <summary>
/// The one-sided paired sign-flip (randomization) test over cases: T = Σ aᵢ with aᵢ = wᵢ (candidateᵢ − baselineᵢ),
/// referred to the distribution of Σ sᵢ |aᵢ| over independent fair signs sᵢ = ±1.
/// </summary>
/// <remarks>
/// <para>Under the sharp null (every case has the same unsafe rate in both runs, and both runs use the same sampling
/// design), a case's two results (trials, failures) are exchangeable: swapping baseline and candidate does not change
/// their joint law, whatever the rate, the sample counts or the sequential stopping rule. So each aᵢ is symmetric
/// about 0 and independent of the others, and the test is exact conditionally on |a₁|, …, |aₙ| (Fisher 1935;
/// Pitman 1937). Cases with aᵢ = 0 (for instance 0 of n unsafe in both runs) carry no information and drop out.</para>
/// <para>The p-value is P(Σ sᵢ|aᵢ| ≥ T): by the binomial law when every informative case has the same |aᵢ| (the
/// exact McNemar test when cases have one sample each), by full enumeration of the 2^K sign vectors when K ≤
/// <see cref="ExactLimit"/>, and otherwise by enumerating the signs of the <see cref="EnumeratedLargest"/> largest
/// |aᵢ| exactly and taking the rest, a sum of many small symmetric terms with variance Σ aᵢ² over them, as normal:
/// p = 2^−M Σ_v Φ̄((T − S_v) / σ_rest). The cases that could dominate the sum are thus never approximated; the
/// operating-characteristics study in docs/gate.md measures the size of the whole test.</para>
/// </remarks>
internal static class SignFlipTest
{
    /// <summary>The most informative cases whose 2^K sign vectors are enumerated (2^20 ≈ 10⁶ sums).</summary>
    public const int ExactLimit = 20;

    /// <summary>Above <see cref="ExactLimit"/>: the largest contributions whose signs are still enumerated exactly.</summary>
    public const int EnumeratedLargest = 12;

    /// <summary>The test of H0: the candidate is no worse, against H1: it is worse (T large).</summary>
    /// <param name="contributions">aᵢ per case, any common scale (a weighted difference of failure rates).</param>
    /// <returns>The statistic, the p-value and how it was computed.</returns>
    public static SignFlipResult Upper(IReadOnlyList<double> contributions)
    {
        if (contributions is null)
        {
            throw new ArgumentNullException(nameof(contributions));
        }

        double scale = 0;
        for (int i = 0; i < contributions.Count; i++)
        {
            double a = contributions[i];
            if (double.IsNaN(a) || double.IsInfinity(a))
            {
                throw new ArgumentOutOfRangeException(nameof(contributions), a, "Contributions must be finite.");
            }

            scale = Math.Max(scale, Math.Abs(a));
        }

        // Differences below this are rounding noise of rates such as 1/3 − 1/3 computed two ways.
        double zero = scale * 1e-12;
        var magnitudes = new List<double>();
        double statistic = 0;
        double sumSquares = 0;
        int positive = 0;
        for (int i = 0; i < contributions.Count; i++)
        {
            double a = contributions[i];
            if (Math.Abs(a) <= zero)
            {
                continue;
            }

            magnitudes.Add(Math.Abs(a));
            statistic += a;
            sumSquares += a * a;
            if (a > 0)
            {
                positive++;
            }
        }

        int k = magnitudes.Count;
        if (k == 0)
        {
            return new SignFlipResult(SignFlipMethod.NoInformativeCases, 0, 0, 0, 1);
        }

        double z = statistic / Math.Sqrt(sumSquares);
        if (AllEqual(magnitudes))
        {
            return new SignFlipResult(SignFlipMethod.ExactBinomial, k, statistic, z, McNemarExact.CandidateWorse(positive, k - positive));
        }

        if (k <= ExactLimit)
        {
            return new SignFlipResult(SignFlipMethod.ExactEnumeration, k, statistic, z, Enumerate(magnitudes, statistic));
        }

        return new SignFlipResult(SignFlipMethod.ExactLargestNormalRest, k, statistic, z, Hybrid(magnitudes, statistic));
    }

    /// <summary>Exact over the <see cref="EnumeratedLargest"/> largest magnitudes, normal over the rest.</summary>
    private static double Hybrid(List<double> magnitudes, double statistic)
    {
        magnitudes.Sort((x, y) => y.CompareTo(x));
        double restVariance = 0;
        for (int i = EnumeratedLargest; i < magnitudes.Count; i++)
        {
            restVariance += magnitudes[i] * magnitudes[i];
        }

        double sigma = Math.Sqrt(restVariance);
        double sum = 0;
        for (int i = 0; i < EnumeratedLargest; i++)
        {
            sum += magnitudes[i];
        }

        long vectors = 1L << EnumeratedLargest;
        var negative = new bool[EnumeratedLargest];
        double p = Distributions.NormalUpperTail((statistic - sum) / sigma);
        for (long step = 1; step < vectors; step++)
        {
            int bit = TrailingZeros(step);
            negative[bit] = !negative[bit];
            sum += negative[bit] ? -2 * magnitudes[bit] : 2 * magnitudes[bit];
            p += Distributions.NormalUpperTail((statistic - sum) / sigma);
        }

        return Math.Min(1, p / vectors);
    }

    private static bool AllEqual(List<double> magnitudes)
    {
        double first = magnitudes[0];
        for (int i = 1; i < magnitudes.Count; i++)
        {
            if (Math.Abs(magnitudes[i] - first) > 1e-12 * first)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>P(Σ sᵢ mᵢ ≥ T) over all 2^K sign vectors, visited in Gray-code order (one sign changes per step).</summary>
    private static double Enumerate(List<double> magnitudes, double statistic)
    {
        int k = magnitudes.Count;
        double total = 0;
        foreach (double m in magnitudes)
        {
            total += m;
        }

        // A sum equal to T up to rounding counts as "at least T" (the observed vector itself always does).
        double threshold = statistic - (1e-9 * total);
        double sum = total;
        long count = sum >= threshold ? 1 : 0;
        long vectors = 1L << k;
        var negative = new bool[k];
        for (long step = 1; step < vectors; step++)
        {
            int bit = TrailingZeros(step);
            negative[bit] = !negative[bit];
            sum += negative[bit] ? -2 * magnitudes[bit] : 2 * magnitudes[bit];
            if (sum >= threshold)
            {
                count++;
            }
        }

        return (double)count / vectors;
    }

    private static int TrailingZeros(long value)
    {
        int n = 0;
        while ((value & 1) == 0)
        {
            value >>= 1;
            n++;
        }

        return n;
    }
}
