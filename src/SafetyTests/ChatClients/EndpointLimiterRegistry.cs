using System;
using System.Collections.Concurrent;

namespace SafetyTests;

/// <summary>
/// The concurrency and rate limiters of each endpoint, shared by every resilience pipeline that uses the
/// registry, so all cases of a run respect one limit per endpoint. The first pipeline to use an endpoint
/// sets its limits; later pipelines with other limits share the existing ones.
/// </summary>
public sealed class EndpointLimiterRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, EndpointLimiters> _limiters = new(StringComparer.OrdinalIgnoreCase);
    private bool _disposed;

    /// <summary>The registry shared by the whole process.</summary>
    public static EndpointLimiterRegistry Shared { get; } = new();

    /// <summary>The number of endpoints with limiters.</summary>
    public int Count => _limiters.Count;

    /// <summary>Disposes the limiters (their replenishment timers). Pipelines using them fail afterwards.</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var limiters in _limiters.Values)
        {
            limiters.Dispose();
        }

        _limiters.Clear();
    }

    internal EndpointLimiters GetOrAdd(string endpointKey, ResilienceOptions options)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(EndpointLimiterRegistry));
        }

        return _limiters.GetOrAdd(endpointKey, static (_, o) => new EndpointLimiters(o.MaxConcurrency, o.RequestsPerMinute, o.RateLimitBurst), options);
    }
}
