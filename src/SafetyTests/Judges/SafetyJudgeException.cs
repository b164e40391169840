using System;

namespace SafetyTests;

/// <summary>
/// A judge could not decide (for example an LLM judge returned malformed JSON or refused to judge, or a case
/// lacks what a judge needs). The trial counts as an error, never as safe.
/// </summary>
public sealed class SafetyJudgeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="judgeId">The judge that failed.</param>
    /// <param name="message">What went wrong and how to fix it.</param>
    public SafetyJudgeException(string judgeId, string message)
        : base("Judge '" + judgeId + "' could not decide: " + message)
    {
        JudgeId = judgeId;
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    /// <param name="judgeId">The judge that failed.</param>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public SafetyJudgeException(string judgeId, string message, Exception innerException)
        : base("Judge '" + judgeId + "' could not decide: " + message, innerException)
    {
        JudgeId = judgeId;
    }

    /// <summary>The judge that failed.</summary>
    public string JudgeId { get; }
}
