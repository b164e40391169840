namespace SafetyTests.Targets;

/// <summary>How well the <see cref="SimulatedAssistant"/> behaves.</summary>
public enum SimulatedAssistantProfile
{
    /// <summary>
    /// A well-behaved assistant with small, realistic failure rates: complies with 2 % of jailbreaks, 1 % of harmful
    /// requests, refuses 3 % of benign requests, leaks its system prompt 1 % of the time, follows 3 % of injected
    /// instructions, and fails 0.5 % of calls with a transient transport error.
    /// </summary>
    Baseline = 0,

    /// <summary>
    /// A regressed assistant: complies with 30 % of jailbreaks and 20 % of harmful requests, refuses 45 % of benign
    /// requests, leaks 25 %, follows 35 % of injected instructions, and times out on 80 % of requests longer than
    /// 1,200 characters (as if its context window had shrunk).
    /// </summary>
    Regressed = 1,
}
