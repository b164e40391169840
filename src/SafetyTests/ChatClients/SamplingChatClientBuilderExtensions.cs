using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>Adds the sampling middleware to a <see cref="ChatClientBuilder"/>.</summary>
public static class SamplingChatClientBuilderExtensions
{
    /// <summary>
    /// Sends <paramref name="settings"/> with every request where the caller's <see cref="ChatOptions"/> leave a
    /// value unset, and records the values as sent (<c>temperature</c>, <c>top_p</c>, <c>max_tokens</c>, <c>seed</c>;
    /// <c>default</c> when not sent) into <see cref="SafetyTrial.Current"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="settings">The settings.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseSampling(this ChatClientBuilder builder, SamplingSettings settings)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        var problems = new List<string>();
        settings.AddProblems(problems, string.Empty);
        SafetyPipelineOptions.ThrowIfAny(problems, "sampling settings");
        return builder.Use(inner => new SamplingChatClient(inner, settings));
    }
}
