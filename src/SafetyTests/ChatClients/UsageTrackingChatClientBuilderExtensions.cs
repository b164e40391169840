using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>Adds the usage middleware to a <see cref="ChatClientBuilder"/>.</summary>
public static class UsageTrackingChatClientBuilderExtensions
{
    /// <summary>
    /// Reports input/output tokens, model and provider of every call into <see cref="SafetyTrial.Current"/>,
    /// and adds usage and estimated cost to <see cref="UsageOptions.Ledger"/>. Put it outside replay, so replayed
    /// runs report the same usage. The budget is enforced by <see cref="BudgetChatClientBuilderExtensions.UseBudget"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options; <see langword="null"/> for the shared ledger and no prices.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseUsageTracking(this ChatClientBuilder builder, UsageOptions? options = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        options ??= new UsageOptions();
        var problems = new List<string>();
        options.AddProblems(problems, string.Empty);
        SafetyPipelineOptions.ThrowIfAny(problems, "usage options");
        return builder.Use(inner => new UsageTrackingChatClient(inner, options));
    }
}
