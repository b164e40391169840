using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>Adds the run budget middleware to a <see cref="ChatClientBuilder"/>.</summary>
public static class BudgetChatClientBuilderExtensions
{
    /// <summary>
    /// Stops a run from overspending: once <see cref="UsageOptions.MaxCalls"/> calls or <see cref="UsageOptions.MaxTokens"/>
    /// tokens have been spent (counted in <see cref="UsageOptions.Ledger"/>, shared by the whole run), further calls throw
    /// <see cref="SafetyBudgetExceededException"/> without reaching the model; trial engines turn that into an
    /// Inconclusive verdict. Put it inside replay, so replayed responses (which cost nothing) are never refused or billed.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options (ledger and limits).</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseBudget(this ChatClientBuilder builder, UsageOptions options)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var problems = new List<string>();
        options.AddProblems(problems, string.Empty);
        SafetyPipelineOptions.ThrowIfAny(problems, "budget options");
        return builder.Use(inner => new BudgetChatClient(inner, options));
    }
}
