using System;
using System.Collections.Generic;

namespace SafetyTests;

/// <summary>
/// Options of the middleware <see cref="SafetyTarget.CreatePipeline"/> puts around a target. The defaults come
/// from the <c>SAFETYTESTS_*</c> environment variables (replay mode and directory, budget, concurrency and rate),
/// so CI can switch a suite to hermetic replay without code changes.
/// </summary>
public sealed class SafetyPipelineOptions
{
    /// <summary>Replay (record and play back responses). Off unless <c>SAFETYTESTS_REPLAY</c> says otherwise.</summary>
    public ReplayOptions Replay { get; set; } = ReplayOptions.FromEnvironment();

    /// <summary>Retries, timeouts and per-endpoint limits; <see langword="null"/> leaves them out.</summary>
    public ResilienceOptions? Resilience { get; set; } = ResilienceOptions.FromEnvironment();

    /// <summary>Token usage, cost estimate and the run budget.</summary>
    public UsageOptions Usage { get; set; } = UsageOptions.FromEnvironment();

    /// <summary>Checks every option and reports all problems in one message.</summary>
    /// <exception cref="InvalidOperationException">Some option is invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (Replay is null)
        {
            problems.Add("Replay must not be null (use ReplayMode.Off).");
        }
        else
        {
            Replay.AddProblems(problems, "Replay.");
        }

        Resilience?.AddProblems(problems, "Resilience.");
        if (Usage is null)
        {
            problems.Add("Usage must not be null.");
        }
        else
        {
            Usage.AddProblems(problems, "Usage.");
        }

        ThrowIfAny(problems, "pipeline options");
    }

    internal static void ThrowIfAny(List<string> problems, string what)
    {
        if (problems.Count == 0)
        {
            return;
        }

        throw new InvalidOperationException(
            "Invalid SafetyTests " + what + ":" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", problems));
    }
}
