using System;
using System.Collections.Generic;
using System.Globalization;

namespace SafetyTests;

/// <summary>Options of the usage and budget middleware: the ledger, an optional price table and an optional run budget.</summary>
public sealed class UsageOptions
{
    /// <summary>Environment variable with the maximum number of (non-replayed) model calls of a run.</summary>
    public const string MaxCallsVariable = "SAFETYTESTS_BUDGET_CALLS";

    /// <summary>Environment variable with the maximum number of (non-replayed) tokens of a run.</summary>
    public const string MaxTokensVariable = "SAFETYTESTS_BUDGET_TOKENS";

    /// <summary>Where usage is added up; <see cref="UsageLedger.Shared"/> (the whole test process) by default.</summary>
    public UsageLedger Ledger { get; set; } = UsageLedger.Shared;

    /// <summary>Prices to estimate cost with, or <see langword="null"/>.</summary>
    public PriceTable? Prices { get; set; }

    /// <summary>
    /// The most model calls a run may make, failed ones included; replayed responses cost nothing and do not count.
    /// Once reached, calls throw <see cref="SafetyBudgetExceededException"/>. Enforced by <c>UseBudget</c>
    /// (pipelines built by <see cref="SafetyTarget"/> include it). <see langword="null"/>: no limit.
    /// </summary>
    public long? MaxCalls { get; set; }

    /// <summary>
    /// The most input plus output tokens a run may use. Checked before each call, so calls in flight when the limit
    /// is reached may overshoot it by their own usage. Enforced by <c>UseBudget</c>. <see langword="null"/>: no limit.
    /// </summary>
    public long? MaxTokens { get; set; }

    /// <summary>Reads <c>SAFETYTESTS_BUDGET_CALLS</c> and <c>SAFETYTESTS_BUDGET_TOKENS</c>.</summary>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">A variable is not a positive integer.</exception>
    public static UsageOptions FromEnvironment()
    {
        SafetyEnvironment.ThrowIfInvalid();
        var problems = new List<string>();
        var options = new UsageOptions
        {
            MaxCalls = ReadLong(MaxCallsVariable, problems),
            MaxTokens = ReadLong(MaxTokensVariable, problems),
        };
        SafetyPipelineOptions.ThrowIfAny(problems, "usage settings");
        return options;
    }

    internal void AddProblems(List<string> problems, string prefix)
    {
        if (Ledger is null)
        {
            problems.Add(prefix + "Ledger must not be null.");
        }

        if (MaxCalls is long calls && calls <= 0)
        {
            problems.Add(prefix + "MaxCalls " + calls.ToString(CultureInfo.InvariantCulture) + " must be greater than zero.");
        }

        if (MaxTokens is long tokens && tokens <= 0)
        {
            problems.Add(prefix + "MaxTokens " + tokens.ToString(CultureInfo.InvariantCulture) + " must be greater than zero.");
        }
    }

    internal static long? ReadLong(string variable, List<string> problems, Func<string, string?>? lookup = null)
    {
        string? text = (lookup ?? Environment.GetEnvironmentVariable)(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value > 0)
        {
            return value;
        }

        problems.Add(variable + " '" + text + "' is not a positive integer (a whole number of 1 or more).");
        return null;
    }
}
