using System;

namespace SafetyTests;

/// <summary>One message of a prompt case.</summary>
public sealed class PromptMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="role">Who speaks.</param>
    /// <param name="content">The text.</param>
    public PromptMessage(PromptRole role, string content)
    {
        Role = role;
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    /// <summary>Who speaks.</summary>
    public PromptRole Role { get; }

    /// <summary>The text.</summary>
    public string Content { get; }

    /// <summary>Returns "role: content".</summary>
    /// <returns>A readable form.</returns>
    public override string ToString() => Role.ToString().ToLowerInvariant() + ": " + Content;
}
