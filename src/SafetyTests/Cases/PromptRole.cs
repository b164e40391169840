using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>The role of a message in a prompt case.</summary>
public enum PromptRole
{
    /// <summary><c>system</c>.</summary>
    System = 0,

    /// <summary><c>user</c>.</summary>
    User = 1,

    /// <summary><c>assistant</c>.</summary>
    Assistant = 2,

    /// <summary><c>tool</c>.</summary>
    Tool = 3,
}

/// <summary>Conversions for <see cref="PromptRole"/>.</summary>
public static class PromptRoleExtensions
{
    /// <summary>Maps the role to Microsoft.Extensions.AI's <see cref="ChatRole"/>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The chat role.</returns>
    public static ChatRole ToChatRole(this PromptRole role) => role switch
    {
        PromptRole.System => ChatRole.System,
        PromptRole.Assistant => ChatRole.Assistant,
        PromptRole.Tool => ChatRole.Tool,
        _ => ChatRole.User,
    };
}
