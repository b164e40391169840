using System;
using SafetyTests.Trials;
using SafetyTests.Xunit.Sdk;
using Xunit.Sdk;
using Xunit;

namespace SafetyTests.Xunit;

/// <summary>
/// Runs a parameterless test method as a safety test for one scenario without prompt cases: the body is sampled as
/// trials and decided statistically into one result, exactly like <see cref="SafetyTheoryAttribute"/> does per case.
/// </summary>
/// <remarks>
/// <para>The scenario's id in the safety record is the test's display name. Read the sample index and seed from
/// <see cref="SafetyTrial.Current"/>.</para>
/// </remarks>
[XunitTestCaseDiscoverer("SafetyTests.Xunit.Sdk.SafetyFactDiscoverer", "SafetyTests.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SafetyFactAttribute : FactAttribute
{
    private readonly SafetyAttributeSettings _settings = new();

    /// <summary>p0, the acceptable failure rate of a case (H0: p ≤ p0), in [0, 1); 0 is zero tolerance. Default 0.05.</summary>
    public double MaxFailureRate
    {
        get => _settings.MaxFailureRate;
        set => _settings.MaxFailureRate = value;
    }

    /// <summary>p1, the failure rate the test must detect (H1: p ≥ p1), in (MaxFailureRate, 1). Default: min(p0 + max(p0, 0.10), (1 + p0) / 2), so 0.15 for p0 = 0.05.</summary>
    public double UnacceptableFailureRate
    {
        get => _settings.UnacceptableFailureRate;
        set => _settings.UnacceptableFailureRate = value;
    }

    /// <summary>α, in (0, 0.5): the chance of failing a case whose true failure rate is exactly MaxFailureRate. Default 0.05.</summary>
    public double Alpha
    {
        get => _settings.Alpha;
        set => _settings.Alpha = value;
    }

    /// <summary>β, in (0, 0.5): the chance of passing a case whose true failure rate is UnacceptableFailureRate. Default 0.10.</summary>
    public double Beta
    {
        get => _settings.Beta;
        set => _settings.Beta = value;
    }

    /// <summary>The most samples the sequential test (SPRT) draws for one case before it stops as Inconclusive, in [1, 100000]. Default: planned so that truncation keeps α and β within 10 % of nominal (132 for the defaults). Not with Samples.</summary>
    public int MaxSamples
    {
        get => _settings.MaxSamples;
        set => _settings.MaxSamples = value;
    }

    /// <summary>A fixed design of exactly this many samples decided by the exact binomial test at Alpha (stopping early once the outcome cannot change) instead of the sequential test; 1 makes a plain deterministic test. Default 0 (not set: sequential). Not with MaxSamples.</summary>
    public int Samples
    {
        get => _settings.Samples;
        set => _settings.Samples = value;
    }

    /// <summary>How many trials of one case run at once, in [1, 256]. Default 4. Outcomes are counted in sample order, so the verdict does not depend on it.</summary>
    public int MaxConcurrency
    {
        get => _settings.MaxConcurrency;
        set => _settings.MaxConcurrency = value;
    }

    /// <summary>The tolerated fraction of errored trials (transport failures, timeouts, judge failures) relative to the sample cap, in [0, 1). Default 0.1. One error more ends the case as Error: errors never count as safe.</summary>
    public double MaxErrorRate
    {
        get => _settings.MaxErrorRate;
        set => _settings.MaxErrorRate = value;
    }

    /// <summary>The run seed; each trial's seed (<see cref="SafetyTrial.Seed"/>) derives from it, the case id and the sample index. Default: the SAFETYTESTS_SEED environment variable, else 0.</summary>
    public int Seed
    {
        get => _settings.Seed;
        set => _settings.Seed = value;
    }

    /// <summary>What a case does when it reaches the cap undecided. Default <see cref="InconclusiveBehavior.Fail"/>: the test fails with a message that says Inconclusive (fail closed).</summary>
    public InconclusiveBehavior Inconclusive
    {
        get => _settings.Inconclusive;
        set => _settings.Inconclusive = value;
    }

    internal SafetyAttributeSettings Settings => _settings;
}
