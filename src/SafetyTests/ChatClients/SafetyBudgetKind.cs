namespace SafetyTests;

/// <summary>Which run budget was exhausted.</summary>
public enum SafetyBudgetKind
{
    /// <summary>The number of model calls (<see cref="UsageOptions.MaxCalls"/>).</summary>
    Calls = 0,

    /// <summary>The number of input plus output tokens (<see cref="UsageOptions.MaxTokens"/>).</summary>
    Tokens = 1,
}
