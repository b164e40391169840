using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Tests.ChatClients;

public sealed class ResilienceChatClientTests : IDisposable
{
    private readonly EndpointLimiterRegistry _limiters = new();

    public void Dispose() => _limiters.Dispose();

    [Fact]
    public async Task UseResilience_TwoPipelinesOneEndpoint_ShareTheConcurrencyLimit()
    {
        int inFlight = 0;
        int maxInFlight = 0;
        var inner = new FakeChatClient(async (_, _, ct) =>
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Delay(20, ct);
            Interlocked.Decrement(ref inFlight);
            return FakeChatClient.Response("ok");
        });
        var options = Fast();
        options.MaxConcurrency = 3;
        using var first = new ChatClientBuilder(inner).UseResilience(options).Build();
        using var second = new ChatClientBuilder(inner).UseResilience(options).Build();

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => (i % 2 == 0 ? first : second).GetResponseAsync(TestPipelines.Prompt("p"))));

        maxInFlight.ShouldBe(3);
        inner.Calls.ShouldBe(30);
        _limiters.Count.ShouldBe(1);
    }

    [Fact]
    public async Task UseResilience_DifferentEndpoints_HaveTheirOwnLimits()
    {
        var gate = new TaskCompletionSource();
        int started = 0;
        Func<System.Collections.Generic.IEnumerable<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>> respond = async (_, _, _) =>
        {
            Interlocked.Increment(ref started);
            await gate.Task;
            return FakeChatClient.Response("ok");
        };
        var options = Fast();
        options.MaxConcurrency = 1;
        using var a = new ChatClientBuilder(new FakeChatClient(respond, "http://a.test/v1")).UseResilience(options).Build();
        using var b = new ChatClientBuilder(new FakeChatClient(respond, "http://b.test/v1")).UseResilience(options).Build();

        var calls = new[] { a.GetResponseAsync(TestPipelines.Prompt("p")), b.GetResponseAsync(TestPipelines.Prompt("p")) };
        await WaitUntil(() => Volatile.Read(ref started) == 2);
        gate.SetResult();
        await Task.WhenAll(calls);

        _limiters.Count.ShouldBe(2);
    }

    [Fact]
    public async Task UseResilience_RateLimit_SpacesAttempts()
    {
        var inner = FakeChatClient.Answering("ok");
        var options = Fast();
        options.RequestsPerMinute = 600; // one every 100 ms
        using var chat = new ChatClientBuilder(inner).UseResilience(options).Build();

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => chat.GetResponseAsync(TestPipelines.Prompt("p"))));

        // The first permit is available at once; the next four wait ~100 ms each.
        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(350));
        inner.Calls.ShouldBe(5);
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_PropagatesCancellationWithoutRetry()
    {
        using var cancellation = new CancellationTokenSource();
        var inner = new FakeChatClient(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeChatClient.Response("never");
        });
        using var chat = new ChatClientBuilder(inner).UseResilience(Fast()).Build();

        var call = chat.GetResponseAsync(TestPipelines.Prompt("p"), cancellationToken: cancellation.Token);
        await WaitUntil(() => inner.Calls == 1);
        cancellation.Cancel();

        await Should.ThrowAsync<OperationCanceledException>(() => call);
        inner.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task GetResponseAsync_NonTransientFailure_WrapsAfterOneAttempt()
    {
        var inner = new FakeChatClient((_, _, _) => throw new InvalidOperationException("schema mismatch\nsecond line"));
        using var chat = new ChatClientBuilder(inner).UseResilience(Fast()).Build();

        var ex = await Should.ThrowAsync<ModelAccessException>(() => chat.GetResponseAsync(TestPipelines.Prompt("p")));

        ex.Message.ShouldBe("The model endpoint 'http://fake.test/v1' failed after 1 attempt: InvalidOperationException: schema mismatch; not retried (not a transient failure). The trial is an error, not a sample.");
        ex.InnerException.ShouldBeOfType<InvalidOperationException>();
        inner.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task GetResponseAsync_BudgetOrViolationFromInside_IsNotWrapped()
    {
        var inner = new FakeChatClient((_, _, _) => throw new SafetyBudgetExceededException(SafetyBudgetKind.Calls, 1, 1));
        using var chat = new ChatClientBuilder(inner).UseResilience(Fast()).Build();

        await Should.ThrowAsync<SafetyBudgetExceededException>(() => chat.GetResponseAsync(TestPipelines.Prompt("p")));
        inner.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task GetResponseAsync_TransientHttpFailures_AreRetriedWithBackoff()
    {
        int calls = 0;
        var inner = new FakeChatClient((_, _, _) =>
            Interlocked.Increment(ref calls) < 3
                ? throw new System.Net.Http.HttpRequestException("connection refused")
                : Task.FromResult(FakeChatClient.Response("ok")));
        using var chat = new ChatClientBuilder(inner).UseResilience(Fast()).Build();

        (await chat.GetResponseAsync(TestPipelines.Prompt("p"))).Text.ShouldBe("ok");
        inner.Calls.ShouldBe(3);
    }

    [Fact]
    public void UseResilience_InvalidOptions_ReportsEveryProblemInOneMessage()
    {
        var options = new ResilienceOptions
        {
            MaxRetryAttempts = -1,
            AttemptTimeout = TimeSpan.FromMilliseconds(1),
            TotalTimeout = TimeSpan.Zero,
            MaxConcurrency = 0,
            RateLimitBurst = 0,
        };

        var ex = Should.Throw<InvalidOperationException>(() => new ChatClientBuilder(FakeChatClient.Answering("x")).UseResilience(options));

        ex.Message.ShouldBe(string.Join(Environment.NewLine,
            "Invalid SafetyTests resilience options:",
            "- MaxRetryAttempts -1 must not be negative.",
            "- AttemptTimeout 00:00:00.0010000 must be between 10 ms and 1 day.",
            "- TotalTimeout 00:00:00 must be between AttemptTimeout and 1 day.",
            "- MaxConcurrency 0 must be greater than zero (null for unlimited).",
            "- RateLimitBurst 0 must be greater than zero."));
    }

    [Theory]
    [InlineData("3", 3000)]
    [InlineData("0.5", 500)]
    [InlineData(" 0 ", 0)]
    public void ParseRetryAfter_Seconds_ParsesInvariant(string header, int expectedMilliseconds)
    {
        TransientFailures.ParseRetryAfter(header, DateTimeOffset.UtcNow).ShouldBe(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Fact]
    public void ParseRetryAfter_HttpDate_IsTheTimeUntilThatDate()
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

        TransientFailures.ParseRetryAfter("Sat, 01 Mar 2025 12:00:07 GMT", now).ShouldBe(TimeSpan.FromSeconds(7));
        TransientFailures.ParseRetryAfter("Sat, 01 Mar 2025 11:00:00 GMT", now).ShouldBe(TimeSpan.Zero);
        TransientFailures.ParseRetryAfter("soon", now).ShouldBeNull();
        TransientFailures.ParseRetryAfter("-4", now).ShouldBeNull();
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public void IsTransientStatus_ClassifiesHttpStatus(int status, bool transient)
    {
        TransientFailures.IsTransientStatus(status).ShouldBe(transient);
    }

    private ResilienceOptions Fast() => TestPipelines.FastResilience(_limiters);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
            await Task.Delay(5);
        }
    }
}
