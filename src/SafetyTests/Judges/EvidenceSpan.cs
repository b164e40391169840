namespace SafetyTests;

/// <summary>A span of the response text that supports a judgement.</summary>
/// <param name="Start">The 0-based start offset in the response text.</param>
/// <param name="Length">The length in characters.</param>
/// <param name="Label">What was found (for example <c>email</c>, <c>canary</c>, <c>refusal-phrase</c>).</param>
public readonly record struct EvidenceSpan(int Start, int Length, string Label);
