using System;
using System.Collections.Generic;
using System.Globalization;

namespace SafetyTests;

/// <summary>
/// Checks every <c>SAFETYTESTS_*</c> environment variable at once: the target and sampling settings, replay, budget,
/// concurrency, rate and the run seed. Each <c>FromEnvironment</c> calls it first, so whichever a suite reads first
/// reports every invalid variable (name, value and the allowed form) in one message instead of one per run.
/// </summary>
internal static class SafetyEnvironment
{
    /// <summary>Every problem of the variables <paramref name="lookup"/> returns, in a fixed order.</summary>
    public static List<string> Problems(Func<string, string?> lookup)
    {
        var problems = new List<string>();
        SafetyTargetOptions.Read(lookup, useVariableNames: true, SafetyTargetOptions.DefaultSectionName, problems);

        string? mode = lookup(ReplayOptions.ModeVariable);
        if (!string.IsNullOrWhiteSpace(mode))
        {
            try
            {
                ReplayOptions.ParseMode(mode!.Trim(), ReplayOptions.ModeVariable);
            }
            catch (InvalidOperationException e)
            {
                problems.Add(e.Message);
            }
        }

        UsageOptions.ReadLong(ResilienceOptions.MaxConcurrencyVariable, problems, lookup);
        UsageOptions.ReadLong(ResilienceOptions.RequestsPerMinuteVariable, problems, lookup);
        UsageOptions.ReadLong(UsageOptions.MaxCallsVariable, problems, lookup);
        UsageOptions.ReadLong(UsageOptions.MaxTokensVariable, problems, lookup);

        string? seed = lookup(SafetyRunOptions.RunSeedEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(seed) && !int.TryParse(seed!.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            problems.Add(SafetyRunOptions.RunSeedEnvironmentVariable + " '" + seed + "' is not an integer (the run seed, for example 42).");
        }

        return problems;
    }

    /// <summary>Throws when any variable is invalid, listing them all.</summary>
    /// <param name="lookup">Reads a variable; the process environment by default.</param>
    /// <exception cref="InvalidOperationException">Some variable is invalid.</exception>
    public static void ThrowIfInvalid(Func<string, string?>? lookup = null)
    {
        List<string> problems = Problems(lookup ?? Environment.GetEnvironmentVariable);
        if (problems.Count == 0)
        {
            return;
        }

        string header = problems.Count == 1
            ? "Invalid SafetyTests environment variable:"
            : "Invalid SafetyTests environment variables (" + problems.Count.ToString(CultureInfo.InvariantCulture) + " problems):";
        throw new InvalidOperationException(header + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", problems));
    }
}
