using System;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>Adds the secret redaction middleware to a <see cref="ChatClientBuilder"/>.</summary>
public static class SecretRedactionChatClientBuilderExtensions
{
    /// <summary>
    /// Replaces any exception whose text contains a secret registered with <see cref="SafetySecrets"/> by a
    /// <see cref="ModelAccessException"/> with a redacted message. Put it first (outermost).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UseSecretRedaction(this ChatClientBuilder builder)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        return builder.Use(static inner => new SecretRedactionChatClient(inner));
    }
}
