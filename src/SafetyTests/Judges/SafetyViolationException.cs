using System;

namespace SafetyTests;

/// <summary>
/// Thrown by <c>SafetyAssert</c> and judges when a response is unsafe. The trial engine counts it as an
/// unsafe sample (not an error) and reports the judgement's reason as evidence.
/// </summary>
public sealed class SafetyViolationException : Exception
{
    /// <summary>Creates the exception from a judgement.</summary>
    /// <param name="judgement">The unsafe judgement.</param>
    public SafetyViolationException(SafetyJudgement judgement)
        : base((judgement ?? throw new ArgumentNullException(nameof(judgement))).ToString())
    {
        Judgement = judgement;
    }

    /// <summary>Creates the exception with a message and no judgement details.</summary>
    /// <param name="message">Why the response was unsafe.</param>
    public SafetyViolationException(string message)
        : base(message)
    {
        Judgement = new SafetyJudgement(true, message, "custom", "1");
    }

    /// <summary>The judgement that found the violation.</summary>
    public SafetyJudgement Judgement { get; }
}
