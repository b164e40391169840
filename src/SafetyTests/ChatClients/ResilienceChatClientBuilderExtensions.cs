using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>Adds the resilience middleware to a <see cref="ChatClientBuilder"/>.</summary>
public static class ResilienceChatClientBuilderExtensions
{
    /// <summary>
    /// Retries transient failures (HTTP 408, 429, 500, 502, 503, 504, no response, timeouts) with exponential
    /// backoff and jitter, honouring <c>Retry-After</c> on 429 and 503; applies a per-attempt and a total timeout;
    /// and limits concurrency and request rate per endpoint across every pipeline sharing
    /// <see cref="ResilienceOptions.Limiters"/>. When a call still fails it throws <see cref="ModelAccessException"/>
    /// (the trial is an error). Put it innermost, next to the target.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseResilience(this ChatClientBuilder builder, ResilienceOptions? options = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        options ??= new ResilienceOptions();
        var problems = new List<string>();
        options.AddProblems(problems, string.Empty);
        SafetyPipelineOptions.ThrowIfAny(problems, "resilience options");
        var snapshot = options.Clone();
        return builder.Use(inner => new ResilienceChatClient(inner, snapshot, snapshot.EndpointKey ?? EndpointKeyOf(inner)));
    }

    internal static string EndpointKeyOf(IChatClient client)
    {
        var metadata = client.GetService<ChatClientMetadata>();
        if (metadata?.ProviderUri is { IsAbsoluteUri: true } uri)
        {
            return SafetySecrets.Redact(uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)).ToLowerInvariant().TrimEnd('/');
        }

        return metadata?.ProviderName ?? client.GetType().FullName ?? "chat-client";
    }
}
