namespace SafetyTests;

/// <summary>Where a <see cref="SafetyTarget"/> sends its requests.</summary>
public enum SafetyTargetKind
{
    /// <summary>No model is configured: calls fail with instructions (replayed responses still work).</summary>
    Unconfigured = 0,

    /// <summary>An OpenAI-compatible HTTP endpoint reached through Microsoft.Extensions.AI.OpenAI.</summary>
    OpenAICompatible = 1,

    /// <summary>An <c>IChatClient</c> the user brought.</summary>
    ChatClient = 2,

    /// <summary>The fallback client (for example the seeded simulated assistant) used when no endpoint is configured.</summary>
    Fallback = 3,
}
