using System;
using System.Threading.RateLimiting;

namespace SafetyTests;

/// <summary>The limiters of one endpoint.</summary>
internal sealed class EndpointLimiters : IDisposable
{
    public EndpointLimiters(int? maxConcurrency, int? requestsPerMinute, int burst)
    {
        if (maxConcurrency is int concurrency)
        {
            Concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = concurrency,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }

        if (requestsPerMinute is int rpm)
        {
            Rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, TimeSpan.FromMinutes(1).Ticks / rpm)),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    public ConcurrencyLimiter? Concurrency { get; }

    public TokenBucketRateLimiter? Rate { get; }

    public void Dispose()
    {
        Concurrency?.Dispose();
        Rate?.Dispose();
    }
}
