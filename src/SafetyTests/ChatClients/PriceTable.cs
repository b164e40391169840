using System;
using System.Collections.Generic;

namespace SafetyTests;

/// <summary>
/// Prices per million tokens by model, to estimate the cost of a run. A model id matches the longest entry
/// that is a prefix of it (so <c>gpt-4o-mini</c> prices <c>gpt-4o-mini-2024-07-18</c>); <c>*</c> matches any.
/// Amounts are in whatever currency you enter.
/// </summary>
public sealed class PriceTable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (decimal Input, decimal Output)> _prices = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds or replaces the price of a model (or model-id prefix).</summary>
    /// <param name="model">The model id or prefix, or <c>*</c> for any model.</param>
    /// <param name="inputPerMillionTokens">The price of one million input tokens.</param>
    /// <param name="outputPerMillionTokens">The price of one million output tokens.</param>
    /// <returns>This table.</returns>
    public PriceTable Add(string model, decimal inputPerMillionTokens, decimal outputPerMillionTokens)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new ArgumentException("The model must not be empty.", nameof(model));
        }

        if (inputPerMillionTokens < 0 || outputPerMillionTokens < 0)
        {
            throw new ArgumentOutOfRangeException(inputPerMillionTokens < 0 ? nameof(inputPerMillionTokens) : nameof(outputPerMillionTokens), "Prices must not be negative.");
        }

        lock (_gate)
        {
            _prices[model] = (inputPerMillionTokens, outputPerMillionTokens);
        }

        return this;
    }

    /// <summary>Estimates the cost of one call.</summary>
    /// <param name="modelId">The model that answered.</param>
    /// <param name="inputTokens">Input tokens.</param>
    /// <param name="outputTokens">Output tokens.</param>
    /// <returns>The estimated cost, or <see langword="null"/> when the model has no price.</returns>
    public decimal? Estimate(string? modelId, long inputTokens, long outputTokens)
    {
        (decimal Input, decimal Output)? best = null;
        int bestLength = -1;
        lock (_gate)
        {
            foreach (var entry in _prices)
            {
                bool matches = entry.Key == "*" ||
                    (modelId is not null && modelId.StartsWith(entry.Key, StringComparison.OrdinalIgnoreCase));
                int length = entry.Key == "*" ? 0 : entry.Key.Length;
                if (matches && length > bestLength)
                {
                    best = entry.Value;
                    bestLength = length;
                }
            }
        }

        return best is { } price
            ? ((inputTokens * price.Input) + (outputTokens * price.Output)) / 1_000_000m
            : null;
    }
}
