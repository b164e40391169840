using System;
using System.Collections.Generic;
using System.Globalization;

namespace SafetyTests;

/// <summary>
/// Options of the resilience middleware: retries with exponential backoff and jitter that honour
/// <c>Retry-After</c> on 429 and 503, a per-attempt and a total timeout, and a concurrency limit and a rate limit
/// per endpoint shared by every pipeline of the process (all cases of a run).
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>Environment variable with <see cref="MaxConcurrency"/>.</summary>
    public const string MaxConcurrencyVariable = "SAFETYTESTS_MAX_CONCURRENCY";

    /// <summary>Environment variable with <see cref="RequestsPerMinute"/>.</summary>
    public const string RequestsPerMinuteVariable = "SAFETYTESTS_REQUESTS_PER_MINUTE";

    /// <summary>Retries after the first attempt (0 disables retries). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; each retry doubles it (with jitter). Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay (a server's <c>Retry-After</c> is honoured up to <see cref="MaxRetryAfter"/>). Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomised (decorrelated jitter). Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The longest <c>Retry-After</c> honoured; a server asking for more fails the call at once. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The timeout of one attempt. Default 60 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The timeout of the whole call: attempts, backoff and rate-limit waits, not the wait for a concurrency slot. Default 3 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The most calls in flight per endpoint across the process (a slot is held through a call's retries); <see langword="null"/>: unlimited. Default 4.</summary>
    public int? MaxConcurrency { get; set; } = 4;

    /// <summary>The most HTTP attempts per minute per endpoint across the process; <see langword="null"/>: unlimited.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>How many attempts the rate limiter lets through at once after an idle period. Default 1.</summary>
    public int RateLimitBurst { get; set; } = 1;

    /// <summary>
    /// What identifies the endpoint whose limits are shared; <see langword="null"/>: the inner client's
    /// <c>ChatClientMetadata.ProviderUri</c> (scheme, host, port and path), else its provider name.
    /// </summary>
    public string? EndpointKey { get; set; }

    /// <summary>Where the per-endpoint limiters live; <see cref="EndpointLimiterRegistry.Shared"/> by default. The first pipeline to use an endpoint sets its limits.</summary>
    public EndpointLimiterRegistry Limiters { get; set; } = EndpointLimiterRegistry.Shared;

    /// <summary>Reads <c>SAFETYTESTS_MAX_CONCURRENCY</c> and <c>SAFETYTESTS_REQUESTS_PER_MINUTE</c> over the defaults.</summary>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException">A variable is not a positive integer.</exception>
    public static ResilienceOptions FromEnvironment()
    {
        SafetyEnvironment.ThrowIfInvalid();
        var problems = new List<string>();
        var options = new ResilienceOptions();
        if (UsageOptions.ReadLong(MaxConcurrencyVariable, problems) is long concurrency)
        {
            options.MaxConcurrency = (int)Math.Min(concurrency, int.MaxValue);
        }

        if (UsageOptions.ReadLong(RequestsPerMinuteVariable, problems) is long rpm)
        {
            options.RequestsPerMinute = (int)Math.Min(rpm, int.MaxValue);
        }

        SafetyPipelineOptions.ThrowIfAny(problems, "resilience settings");
        return options;
    }

    internal ResilienceOptions Clone() => (ResilienceOptions)MemberwiseClone();

    internal void AddProblems(List<string> problems, string prefix)
    {
        var minimumTimeout = TimeSpan.FromMilliseconds(10);
        var maximum = TimeSpan.FromDays(1);
        if (MaxRetryAttempts < 0)
        {
            problems.Add(prefix + "MaxRetryAttempts " + MaxRetryAttempts.ToString(CultureInfo.InvariantCulture) + " must not be negative.");
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > maximum)
        {
            problems.Add(prefix + "BaseDelay " + BaseDelay.ToString("c", CultureInfo.InvariantCulture) + " must be between 0 and 1 day.");
        }

        if (MaxDelay < BaseDelay || MaxDelay > maximum)
        {
            problems.Add(prefix + "MaxDelay " + MaxDelay.ToString("c", CultureInfo.InvariantCulture) + " must be between BaseDelay and 1 day.");
        }

        if (MaxRetryAfter < TimeSpan.Zero || MaxRetryAfter > maximum)
        {
            problems.Add(prefix + "MaxRetryAfter " + MaxRetryAfter.ToString("c", CultureInfo.InvariantCulture) + " must be between 0 and 1 day.");
        }

        if (AttemptTimeout < minimumTimeout || AttemptTimeout > maximum)
        {
            problems.Add(prefix + "AttemptTimeout " + AttemptTimeout.ToString("c", CultureInfo.InvariantCulture) + " must be between 10 ms and 1 day.");
        }

        if (TotalTimeout < AttemptTimeout || TotalTimeout > maximum)
        {
            problems.Add(prefix + "TotalTimeout " + TotalTimeout.ToString("c", CultureInfo.InvariantCulture) + " must be between AttemptTimeout and 1 day.");
        }

        if (MaxConcurrency is int concurrency && concurrency <= 0)
        {
            problems.Add(prefix + "MaxConcurrency " + concurrency.ToString(CultureInfo.InvariantCulture) + " must be greater than zero (null for unlimited).");
        }

        if (RequestsPerMinute is int rpm && rpm <= 0)
        {
            problems.Add(prefix + "RequestsPerMinute " + rpm.ToString(CultureInfo.InvariantCulture) + " must be greater than zero (null for unlimited).");
        }

        if (RateLimitBurst <= 0)
        {
            problems.Add(prefix + "RateLimitBurst " + RateLimitBurst.ToString(CultureInfo.InvariantCulture) + " must be greater than zero.");
        }

        if (Limiters is null)
        {
            problems.Add(prefix + "Limiters must not be null.");
        }
    }
}
