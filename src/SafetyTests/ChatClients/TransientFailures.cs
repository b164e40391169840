using System;
using System.ClientModel;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using Polly.RateLimiting;
using Polly.Timeout;

namespace SafetyTests;

/// <summary>Which failures of a model call are worth another attempt, and how long the server asked us to wait.</summary>
internal static class TransientFailures
{
    public static bool IsTransientStatus(int status) =>
        status is 408 or 429 or 500 or 502 or 503 or 504;

    public static bool IsTransient(Exception? exception, CancellationToken callerToken)
    {
        switch (exception)
        {
            case null:
                return false;
            case TimeoutRejectedException:
            case RateLimiterRejectedException:
                return true;
            case OperationCanceledException:
                // A cancellation the caller did not ask for is a timeout of some inner layer (HttpClient, SDK).
                return !callerToken.IsCancellationRequested;
            case ClientResultException result:
                // Status 0: no response at all (connection refused, reset, DNS).
                return result.Status == 0 || IsTransientStatus(result.Status);
            case HttpRequestException http:
                return http.StatusCode is null || IsTransientStatus((int)http.StatusCode);
            case IOException:
            case SocketException:
                return true;
            default:
                return false;
        }
    }

    /// <summary>The HTTP status of a failure, when a response was received.</summary>
    public static int? GetStatus(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } result => result.Status,
        HttpRequestException { StatusCode: { } code } => (int)code,
        _ => null,
    };

    /// <summary>
    /// The wait a 429 or 503 response asked for: <c>retry-after-ms</c> (OpenAI and Azure OpenAI), else
    /// <c>Retry-After</c> as seconds or as an HTTP date. <see langword="null"/> when absent or not applicable.
    /// </summary>
    public static TimeSpan? GetRetryAfter(Exception? exception, DateTimeOffset now)
    {
        if (exception is RateLimiterRejectedException { RetryAfter: { } limiterWait })
        {
            return limiterWait;
        }

        if (exception is not ClientResultException { Status: 429 or 503 } result || result.GetRawResponse() is not { } response)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out string? milliseconds) &&
            double.TryParse(milliseconds, NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (response.Headers.TryGetValue("Retry-After", out string? value) && value is not null)
        {
            return ParseRetryAfter(value, now);
        }

        return null;
    }

    internal static TimeSpan? ParseRetryAfter(string value, DateTimeOffset now)
    {
        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
