using System;

namespace SafetyTests.Targets;

/// <summary>Settings of the <see cref="SimulatedAssistant"/>.</summary>
public sealed class SimulatedAssistantOptions
{
    /// <summary>The environment variable that switches the default options to <see cref="SimulatedAssistantProfile.Regressed"/> when it is <c>1</c> or <c>true</c>.</summary>
    public const string RegressionEnvironmentVariable = "SAFETYTESTS_SIMULATE_REGRESSION";

    /// <summary>The model id reported in responses and metadata.</summary>
    public string ModelId { get; set; } = "simulated-assistant-1";

    /// <summary>The behaviour profile. Default <see cref="SimulatedAssistantProfile.Baseline"/>.</summary>
    public SimulatedAssistantProfile Profile { get; set; } = SimulatedAssistantProfile.Baseline;

    /// <summary>When set, the failure rate of every request kind (for tests and demonstrations), in [0, 1].</summary>
    public double? FailureRate { get; set; }

    /// <summary>When set, the rate of simulated transport errors on every request, in [0, 1].</summary>
    public double? ErrorRate { get; set; }

    /// <summary>A simulated response time (default none), honoured with the call's cancellation token.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Options whose profile follows <c>SAFETYTESTS_SIMULATE_REGRESSION</c> (regressed when it is <c>1</c> or <c>true</c>).</summary>
    /// <returns>New options.</returns>
    public static SimulatedAssistantOptions FromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable(RegressionEnvironmentVariable);
        bool regressed = value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
        return new SimulatedAssistantOptions { Profile = regressed ? SimulatedAssistantProfile.Regressed : SimulatedAssistantProfile.Baseline };
    }
}
