using System;
using System.Globalization;

namespace SafetyTests;

/// <summary>
/// The run budget (model calls or tokens, <see cref="UsageOptions"/>) is exhausted, so the usage middleware
/// refused to call the model. Trial engines catch it (also as an inner exception) and stop sampling the case
/// with an <b>Inconclusive</b> verdict whose reason is <see cref="InconclusiveReason"/>; it is neither unsafe
/// nor an infrastructure error, and the trial that threw it is not counted as a sample.
/// </summary>
public sealed class SafetyBudgetExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Which budget.</param>
    /// <param name="limit">The limit.</param>
    /// <param name="used">How much was used when the call was refused.</param>
    public SafetyBudgetExceededException(SafetyBudgetKind kind, long limit, long used)
        : base(CreateMessage(kind, limit, used))
    {
        Kind = kind;
        Limit = limit;
        Used = used;
    }

    /// <summary>Creates the exception.</summary>
    public SafetyBudgetExceededException()
        : base("The SafetyTests run budget is exhausted.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public SafetyBudgetExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SafetyBudgetExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Which budget was exhausted.</summary>
    public SafetyBudgetKind Kind { get; }

    /// <summary>The limit.</summary>
    public long Limit { get; }

    /// <summary>How much was used when the call was refused.</summary>
    public long Used { get; }

    /// <summary>A short reason for the Inconclusive verdict, for example <c>run budget exhausted: 200 of 200 model calls used</c>.</summary>
    public string InconclusiveReason => "run budget exhausted: " + Describe(Kind, Limit, Used);

    private static string Describe(SafetyBudgetKind kind, long limit, long used) =>
        used.ToString(CultureInfo.InvariantCulture) + " of " + limit.ToString(CultureInfo.InvariantCulture) +
        (kind == SafetyBudgetKind.Calls ? " model calls used" : " tokens used");

    private static string CreateMessage(SafetyBudgetKind kind, long limit, long used) =>
        "The SafetyTests run budget is exhausted: " + Describe(kind, limit, used) + " (" +
        (kind == SafetyBudgetKind.Calls
            ? "UsageOptions.MaxCalls or " + UsageOptions.MaxCallsVariable
            : "UsageOptions.MaxTokens or " + UsageOptions.MaxTokensVariable) +
        "). No further samples are taken; the case is inconclusive.";
}
