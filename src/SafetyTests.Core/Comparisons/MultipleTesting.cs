using System;
using System.Collections.Generic;

namespace SafetyTests.Comparisons;

/// <summary>Adjusted p-values for many simultaneous tests: Holm (family-wise error) and Benjamini–Hochberg (false discovery rate).</summary>
internal static class MultipleTesting
{
    /// <summary>Holm step-down adjusted p-values, in the input order. Reject where adjusted ≤ α.</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        int m = pValues.Count;
        int[] order = SortedOrder(pValues);
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            int i = order[rank];
            double value = Math.Min(1, (m - rank) * pValues[i]);
            running = Math.Max(running, value);
            adjusted[i] = running;
        }

        return adjusted;
    }

    /// <summary>
    /// Weighted Holm step-down adjusted p-values (Holm 1979), in the input order: hypotheses are taken in the order of
    /// pᵢ / wᵢ, and the one at step j is rejected when pᵢ ≤ α wᵢ / Σ(weights not yet rejected). Controls the
    /// family-wise error at α for any dependence; equal weights give <see cref="Holm"/>.
    /// </summary>
    public static double[] WeightedHolm(IReadOnlyList<double> pValues, IReadOnlyList<double> weights)
    {
        int m = pValues.Count;
        if (weights.Count != m)
        {
            throw new ArgumentException("One weight per p-value is needed.", nameof(weights));
        }

        var scaled = new double[m];
        double remaining = 0;
        for (int i = 0; i < m; i++)
        {
            if (!(weights[i] > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], "Weights must be positive.");
            }

            scaled[i] = pValues[i] / weights[i];
            remaining += weights[i];
        }

        SortedOrder(pValues);
        int[] order = SortedOrder(scaled, validate: false);
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            int i = order[rank];
            running = Math.Max(running, Math.Min(1, pValues[i] * remaining / weights[i]));
            adjusted[i] = running;
            remaining -= weights[i];
        }

        return adjusted;
    }

    /// <summary>Benjamini–Hochberg step-up adjusted p-values (q-values), in the input order. Reject where adjusted ≤ q.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        int m = pValues.Count;
        int[] order = SortedOrder(pValues);
        var adjusted = new double[m];
        double running = 1;
        for (int rank = m - 1; rank >= 0; rank--)
        {
            int i = order[rank];
            double value = Math.Min(1, pValues[i] * m / (rank + 1));
            running = Math.Min(running, value);
            adjusted[i] = running;
        }

        return adjusted;
    }

    private static int[] SortedOrder(IReadOnlyList<double> pValues, bool validate = true)
    {
        var order = new int[pValues.Count];
        for (int i = 0; i < order.Length; i++)
        {
            double p = pValues[i];
            if (validate && (double.IsNaN(p) || p < 0 || p > 1))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, "p-values must be in [0, 1].");
            }

            order[i] = i;
        }

        // Stable: ties keep input order, so the same inputs always give the same adjusted values.
        Array.Sort(order, (a, b) =>
        {
            int c = pValues[a].CompareTo(pValues[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }
}
