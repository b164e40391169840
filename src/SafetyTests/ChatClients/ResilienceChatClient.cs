using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SafetyTests;

/// <summary>
/// Runs each model call through a Polly pipeline, outermost first: the endpoint's shared concurrency limiter
/// (a slot is held through retries), the total timeout, retries (exponential backoff with jitter, honouring
/// <c>Retry-After</c>), the endpoint's shared rate limiter (one permit per attempt) and the attempt timeout.
/// A call that still fails throws <see cref="ModelAccessException"/> stating the endpoint, attempts and cause.
/// </summary>
internal sealed class ResilienceChatClient : DelegatingChatClient
{
    private static readonly ResiliencePropertyKey<CallState> StateKey = new("SafetyTests.ResilienceCall");
    private readonly ResiliencePipeline _pipeline;
    private readonly ResilienceOptions _options;
    private readonly string _endpoint;

    public ResilienceChatClient(IChatClient innerClient, ResilienceOptions options, string endpointKey)
        : base(innerClient)
    {
        _options = options.Clone();
        _endpoint = endpointKey;
        var limiters = _options.Limiters.GetOrAdd(endpointKey, _options);

        var builder = new ResiliencePipelineBuilder { Name = "SafetyTests.Resilience" };
        if (limiters.Concurrency is { } concurrency)
        {
            builder.AddRateLimiter(concurrency);
        }

        builder.AddTimeout(_options.TotalTimeout);
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = _options.UseJitter,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ServerDelay(args.Outcome.Exception)),
            });
        }

        if (limiters.Rate is { } rate)
        {
            builder.AddRateLimiter(rate);
        }

        builder.AddTimeout(_options.AttemptTimeout);
        _pipeline = builder.Build();
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new CallState(InnerClient, messages, options);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, s) =>
                {
                    Interlocked.Increment(ref s.Attempts);
                    return await s.Inner.GetResponseAsync(s.Messages, s.Options, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                state).ConfigureAwait(false);
        }
        catch (Exception ex) when (ShouldWrap(ex, cancellationToken))
        {
            throw Fail(ex, state);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Streams are buffered inside the pipeline, so a failure midway is retried as a whole and never reaches the caller half-done.</summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var state = new CallState(InnerClient, messages, options);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        List<ChatResponseUpdate> updates;
        try
        {
            updates = await _pipeline.ExecuteAsync(
                static async (ctx, s) =>
                {
                    Interlocked.Increment(ref s.Attempts);
                    var list = new List<ChatResponseUpdate>();
                    await foreach (var update in s.Inner.GetStreamingResponseAsync(s.Messages, s.Options, ctx.CancellationToken).ConfigureAwait(false))
                    {
                        list.Add(update);
                    }

                    return list;
                },
                context,
                state).ConfigureAwait(false);
        }
        catch (Exception ex) when (ShouldWrap(ex, cancellationToken))
        {
            throw Fail(ex, state);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        foreach (var update in updates)
        {
            yield return update;
        }
    }

    private static bool ShouldWrap(Exception ex, CancellationToken callerToken) =>
        !(ex is OperationCanceledException && callerToken.IsCancellationRequested) &&
        ex is not (SafetyViolationException or SafetyBudgetExceededException or ReplayMissException or ModelAccessException);

    private bool ShouldRetry(Exception? exception, ResilienceContext context)
    {
        if (!TransientFailures.IsTransient(exception, context.CancellationToken))
        {
            return false;
        }

        if (TransientFailures.GetRetryAfter(exception, DateTimeOffset.UtcNow) is TimeSpan wait && wait > _options.MaxRetryAfter)
        {
            if (context.Properties.TryGetValue(StateKey, out var state))
            {
                state.RefusedRetryAfter = wait;
            }

            return false;
        }

        return true;
    }

    private TimeSpan? ServerDelay(Exception? exception)
    {
        if (TransientFailures.GetRetryAfter(exception, DateTimeOffset.UtcNow) is not TimeSpan wait)
        {
            return null;
        }

        // Honour the server's wait at least; a little jitter keeps many waiting cases from returning together.
        return _options.UseJitter ? wait + TimeSpan.FromTicks((long)(wait.Ticks * 0.1 * Random.Shared.NextDouble())) : wait;
    }

    private ModelAccessException Fail(Exception ex, CallState state)
    {
        int attempts = Math.Max(1, state.Attempts);
        int? status = TransientFailures.GetStatus(ex);
        bool isTimeout = ex is TimeoutRejectedException or OperationCanceledException;
        string cause;
        if (ex is TimeoutRejectedException timeout)
        {
            cause = (timeout.Timeout == _options.TotalTimeout && timeout.Timeout != _options.AttemptTimeout ? "the total timeout of " : "the attempt timeout of ") +
                Format(timeout.Timeout) + " elapsed";
        }
        else if (status is int code)
        {
            string reason = (ex as ClientResultException)?.GetRawResponse()?.ReasonPhrase ?? string.Empty;
            cause = "HTTP " + code.ToString(CultureInfo.InvariantCulture) + (reason.Length > 0 ? " (" + reason + ")" : string.Empty);
        }
        else if (ex is ClientResultException)
        {
            cause = "no response (" + FirstLine(ex.InnerException?.Message ?? ex.Message) + ")";
        }
        else
        {
            cause = ex.GetType().Name + ": " + FirstLine(ex.Message);
        }

        string outcome;
        if (state.RefusedRetryAfter is TimeSpan refused)
        {
            outcome = "; the server asked to retry after " + Format(refused) + ", more than MaxRetryAfter " + Format(_options.MaxRetryAfter);
        }
        else if (TransientFailures.IsTransient(ex, CancellationToken.None) && !isTimeout)
        {
            outcome = attempts > _options.MaxRetryAttempts ? "; retries exhausted" : string.Empty;
        }
        else if (!isTimeout)
        {
            outcome = "; not retried (not a transient failure)";
        }
        else
        {
            outcome = string.Empty;
        }

        string message = "The model endpoint '" + _endpoint + "' failed after " + attempts.ToString(CultureInfo.InvariantCulture) +
            (attempts == 1 ? " attempt: " : " attempts: ") + cause + outcome + ". The trial is an error, not a sample.";
        return new ModelAccessException(message, ex, _endpoint, attempts, status, isTimeout);
    }

    private static string Format(TimeSpan value) =>
        value.TotalSeconds >= 1
            ? value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
            : value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string FirstLine(string text)
    {
        text = text.Trim();
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text.Substring(0, end);
    }

    private sealed class CallState
    {
        public CallState(IChatClient inner, IEnumerable<ChatMessage> messages, ChatOptions? options)
        {
            Inner = inner;
            Messages = messages;
            Options = options;
        }

        public IChatClient Inner { get; }

        public IEnumerable<ChatMessage> Messages { get; }

        public ChatOptions? Options { get; }

        public int Attempts;

        public TimeSpan? RefusedRetryAfter;
    }
}
