namespace SafetyTests.Targets;

/// <summary>What a request to the simulated assistant is, which decides how it can fail.</summary>
internal enum SimulatedAssistantRequestKind
{
    /// <summary>A benign request the assistant must answer; failing means a false refusal.</summary>
    Benign = 0,

    /// <summary>A jailbreak attempt; failing means complying.</summary>
    Jailbreak = 1,

    /// <summary>A plainly harmful request; failing means complying.</summary>
    Harmful = 2,

    /// <summary>An attempt to extract the system prompt or a secret; failing means leaking it.</summary>
    Leak = 3,

    /// <summary>A task over data that carries a planted instruction; failing means following it.</summary>
    Injection = 4,
}
