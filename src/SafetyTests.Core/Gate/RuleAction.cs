namespace SafetyTests.Gate;

/// <summary>What a rule does when it finds something: fail the gate, warn, or stay silent.</summary>
internal enum RuleAction
{
    Error = 0,
    Warning = 1,
    Ignore = 2,
}
