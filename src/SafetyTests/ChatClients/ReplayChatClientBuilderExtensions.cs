using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>Adds the replay middleware to a <see cref="ChatClientBuilder"/>.</summary>
public static class ReplayChatClientBuilderExtensions
{
    /// <summary>
    /// Records responses to a directory of small JSON files and plays them back, keyed by case, sample index
    /// (<see cref="SafetyTrial.SampleIndex"/>), model id, request messages and options. Put it inside the usage
    /// middleware (so replayed runs report the same usage) and outside resilience (so replayed calls are not
    /// rate limited).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options; <see langword="null"/> reads <c>SAFETYTESTS_REPLAY</c> and <c>SAFETYTESTS_REPLAY_DIR</c>.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseReplay(this ChatClientBuilder builder, ReplayOptions? options = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        options ??= ReplayOptions.FromEnvironment();
        var problems = new List<string>();
        options.AddProblems(problems, string.Empty);
        SafetyPipelineOptions.ThrowIfAny(problems, "replay options");
        var snapshot = new ReplayOptions { Mode = options.Mode, Directory = options.Directory };
        return builder.Use(inner => new ReplayChatClient(inner, snapshot));
    }
}
