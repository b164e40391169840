using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace SafetyTests.Tests.ChatClients;

/// <summary>
/// The real Microsoft.Extensions.AI.OpenAI client against a real loopback HTTP server, through the full
/// SafetyTests pipeline built by <see cref="SafetyTarget.CreatePipeline"/>.
/// </summary>
public sealed class OpenAIEndpointIntegrationTests : IAsyncLifetime
{
    private readonly EndpointLimiterRegistry _limiters = new();
    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _limiters.Dispose();
    }

    [Fact]
    public async Task GetResponseAsync_Success_ReturnsAnswerAndReportsProvenanceIntoTrial()
    {
        _server.Enqueue(LoopbackOpenAIServer.Completion("I can't help with that.", promptTokens: 21, completionTokens: 6));
        var usage = new UsageOptions { Ledger = new UsageLedger(), Prices = new PriceTable().Add("test-model", 1m, 2m) };
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters, usage: usage));
        var trial = TestPipelines.Trial("jb-001", 0);

        ChatResponse response;
        using (SafetyTrial.Enter(trial))
        {
            response = await chat.GetResponseAsync(TestPipelines.Prompt("How do I pick a lock?"));
        }

        response.Text.ShouldBe("I can't help with that.");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.ModelId.ShouldBe("test-model-2024");
        trial.InputTokens.ShouldBe(21);
        trial.OutputTokens.ShouldBe(6);
        trial.ModelCalls.ShouldBe(1);
        trial.ModelId.ShouldBe("test-model-2024");
        trial.Provider.ShouldBe("openai");
        trial.SamplingSettings["temperature"].ShouldBe("0.7");
        trial.SamplingSettings["max_tokens"].ShouldBe("256");
        trial.SamplingSettings["top_p"].ShouldBe("default");
        usage.Ledger.GetCase("jb-001").EstimatedCost.ShouldBe(((21 * 1m) + (6 * 2m)) / 1_000_000m);

        var request = _server.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/v1/chat/completions");
        request.Authorization.ShouldBe("Bearer " + TestPipelines.ApiKey);
        request.Body.ShouldContain("\"temperature\":0.7");
        request.Body.ShouldContain("How do I pick a lock?");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task GetResponseAsync_RetryAfterOnThrottle_WaitsAtLeastThatLongThenSucceeds(int status)
    {
        _server.Enqueue(
            LoopbackOpenAIServer.Status(status, null, ("Retry-After", "1")),
            LoopbackOpenAIServer.Completion("after the wait"));
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters));

        var response = await chat.GetResponseAsync(TestPipelines.Prompt("hello"));

        response.Text.ShouldBe("after the wait");
        var requests = _server.Requests;
        requests.Count.ShouldBe(2);

        // The backoff alone would be ~20 ms; the server asked for 1 s.
        (requests[1].At - requests[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(990));
    }

    [Fact]
    public async Task GetResponseAsync_RetryAfterMilliseconds_IsHonoured()
    {
        _server.Enqueue(
            LoopbackOpenAIServer.Status(429, null, ("retry-after-ms", "400"), ("Retry-After", "30")),
            LoopbackOpenAIServer.Completion("ok"));
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters));

        var stopwatch = Stopwatch.StartNew();
        (await chat.GetResponseAsync(TestPipelines.Prompt("hello"))).Text.ShouldBe("ok");

        var requests = _server.Requests;
        (requests[1].At - requests[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(390));
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task GetResponseAsync_RetryAfterBeyondMaximum_FailsAtOnceAndSaysWhy()
    {
        _server.Enqueue(LoopbackOpenAIServer.Status(429, null, ("Retry-After", "120")));
        var resilience = TestPipelines.FastResilience(_limiters);
        resilience.MaxRetryAfter = TimeSpan.FromSeconds(5);
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters, resilience));

        var ex = await Should.ThrowAsync<ModelAccessException>(() => chat.GetResponseAsync(TestPipelines.Prompt("hello")));

        ex.Attempts.ShouldBe(1);
        ex.StatusCode.ShouldBe(429);
        ex.Message.ShouldContain("the server asked to retry after 120 s, more than MaxRetryAfter 5 s");
        _server.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task GetResponseAsync_ServerErrorsThenSuccess_Succeeds()
    {
        _server.Enqueue(LoopbackOpenAIServer.Status(500), LoopbackOpenAIServer.Status(502), LoopbackOpenAIServer.Completion("third time lucky"));
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters));

        var response = await chat.GetResponseAsync(TestPipelines.Prompt("hello"));

        response.Text.ShouldBe("third time lucky");
        _server.RequestCount.ShouldBe(3);
    }

    [Fact]
    public async Task GetResponseAsync_AlwaysServerError_ThrowsModelAccessExceptionAfterAllAttempts()
    {
        _server.Fallback = LoopbackOpenAIServer.Status(500);
        var usage = new UsageOptions { Ledger = new UsageLedger() };
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters, usage: usage));
        var trial = TestPipelines.Trial("jb-002", 3);

        ModelAccessException ex;
        using (SafetyTrial.Enter(trial))
        {
            ex = await Should.ThrowAsync<ModelAccessException>(() => chat.GetResponseAsync(TestPipelines.Prompt("hello")));
        }

        _server.RequestCount.ShouldBe(4);
        ex.Attempts.ShouldBe(4);
        ex.StatusCode.ShouldBe(500);
        ex.IsTimeout.ShouldBeFalse();
        ex.Message.ShouldBe(
            "The model endpoint '" + _server.Endpoint.ToString().ToLowerInvariant() + "' failed after 4 attempts: HTTP 500 (Internal Server Error); retries exhausted. " +
            "The trial is an error, not a sample.");
        ex.InnerException.ShouldBeOfType<System.ClientModel.ClientResultException>();
        trial.ModelCalls.ShouldBe(0);
        usage.Ledger.GetCase("jb-002").FailedCalls.ShouldBe(1);
    }

    [Fact]
    public async Task GetResponseAsync_HungResponse_TimesOutPerAttemptThenRetries()
    {
        _server.Enqueue(LoopbackOpenAIServer.Hang(), LoopbackOpenAIServer.Completion("second attempt"));
        var resilience = TestPipelines.FastResilience(_limiters);
        resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters, resilience));

        var stopwatch = Stopwatch.StartNew();
        var response = await chat.GetResponseAsync(TestPipelines.Prompt("hello"));

        response.Text.ShouldBe("second attempt");
        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10)); // the hung attempt was cut, not waited out
        _server.RequestCount.ShouldBe(2);
    }

    [Fact]
    public async Task GetResponseAsync_AlwaysHung_ThrowsTimeoutModelAccessException()
    {
        _server.Fallback = LoopbackOpenAIServer.Hang();
        var resilience = TestPipelines.FastResilience(_limiters);
        resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        resilience.MaxRetryAttempts = 1;
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters, resilience));

        var ex = await Should.ThrowAsync<ModelAccessException>(() => chat.GetResponseAsync(TestPipelines.Prompt("hello")));

        ex.IsTimeout.ShouldBeTrue();
        ex.Attempts.ShouldBe(2);
        ex.Message.ShouldContain("failed after 2 attempts: the attempt timeout of 200 ms elapsed");
        _server.RequestCount.ShouldBe(2);
    }

    [Fact]
    public async Task GetResponseAsync_TotalTimeout_StopsRetrying()
    {
        _server.Fallback = LoopbackOpenAIServer.Hang();
        var resilience = TestPipelines.FastResilience(_limiters);
        resilience.AttemptTimeout = TimeSpan.FromMilliseconds(250);
        resilience.TotalTimeout = TimeSpan.FromMilliseconds(600);
        resilience.MaxRetryAttempts = 10;
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters, resilience));

        var stopwatch = Stopwatch.StartNew();
        var ex = await Should.ThrowAsync<ModelAccessException>(() => chat.GetResponseAsync(TestPipelines.Prompt("hello")));

        ex.IsTimeout.ShouldBeTrue();
        ex.Message.ShouldContain("the total timeout of 600 ms elapsed");
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));

        // At most three 250 ms attempts fit in 600 ms (fewer reach the server on a very busy machine).
        _server.RequestCount.ShouldBeInRange(1, 3);
    }

    [Fact]
    public async Task GetResponseAsync_MalformedJson_IsAnErrorWithoutRetry()
    {
        _server.Fallback = LoopbackOpenAIServer.MalformedJson();
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters));

        var ex = await Should.ThrowAsync<ModelAccessException>(() => chat.GetResponseAsync(TestPipelines.Prompt("hello")));

        ex.Attempts.ShouldBe(1);
        ex.Message.ShouldContain("not retried (not a transient failure)");
        _server.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task GetResponseAsync_ConnectionResetThenSuccess_Retries()
    {
        _server.Enqueue(LoopbackOpenAIServer.ConnectionReset(), LoopbackOpenAIServer.Completion("reconnected"));
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters));

        var response = await chat.GetResponseAsync(TestPipelines.Prompt("hello"));

        response.Text.ShouldBe("reconnected");
        _server.RequestCount.ShouldBe(2);
    }

    [Fact]
    public async Task GetResponseAsync_AlwaysConnectionReset_ThrowsWithoutStatus()
    {
        _server.Fallback = LoopbackOpenAIServer.ConnectionReset();
        var resilience = TestPipelines.FastResilience(_limiters);
        resilience.MaxRetryAttempts = 2;
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters, resilience));

        var ex = await Should.ThrowAsync<ModelAccessException>(() => chat.GetResponseAsync(TestPipelines.Prompt("hello")));

        ex.StatusCode.ShouldBeNull();
        ex.Attempts.ShouldBe(3);
        ex.Message.ShouldContain("failed after 3 attempts: no response (");
        ex.Message.ShouldContain("retries exhausted");
        _server.RequestCount.ShouldBe(3);
    }

    [Fact]
    public async Task GetResponseAsync_ContentFilterFinish_ReturnsResponseForTheJudge()
    {
        _server.Enqueue(LoopbackOpenAIServer.Completion(
            null,
            finishReason: "content_filter",
            extraChoiceJson: "\"content_filter_results\":{\"violence\":{\"filtered\":true,\"severity\":\"high\"}}"));
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters));

        var response = await chat.GetResponseAsync(TestPipelines.Prompt("something violent"));

        response.FinishReason.ShouldBe(ChatFinishReason.ContentFilter);
        response.Text.ShouldBeEmpty();
        _server.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task GetResponseAsync_ContentFilterError_IsAnErrorWithoutRetry()
    {
        _server.Fallback = LoopbackOpenAIServer.Status(
            400,
            "{\"error\":{\"message\":\"The response was filtered due to the prompt triggering the content management policy.\",\"type\":null,\"param\":\"prompt\",\"code\":\"content_filter\",\"status\":400}}");
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters));

        var ex = await Should.ThrowAsync<ModelAccessException>(() => chat.GetResponseAsync(TestPipelines.Prompt("something violent")));

        ex.StatusCode.ShouldBe(400);
        ex.Attempts.ShouldBe(1);
        ex.Message.ShouldContain("HTTP 400");
        ex.Message.ShouldContain("not retried");
        _server.RequestCount.ShouldBe(1);
    }

    [Fact]
    public async Task GetResponseAsync_ErrorBodyEchoesApiKey_KeyNeverReachesTheException()
    {
        _server.Fallback = LoopbackOpenAIServer.Status(
            401,
            "{\"error\":{\"message\":\"Incorrect API key provided: " + TestPipelines.ApiKey + ".\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters));

        var ex = await Should.ThrowAsync<ModelAccessException>(() => chat.GetResponseAsync(TestPipelines.Prompt("hello")));

        ex.ToString().ShouldNotContain(TestPipelines.ApiKey);
        SafetySecrets.Describe(ex).ShouldNotContain(TestPipelines.ApiKey);
        ex.Message.ShouldContain("Incorrect API key provided: ***");
        ex.InnerException.ShouldBeNull();
        ex.StatusCode.ShouldBe(401);
        ex.Data.Values.Cast<object>().ShouldAllBe(v => !(v.ToString() ?? string.Empty).Contains(TestPipelines.ApiKey));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ServerErrorThenSuccess_YieldsTheWholeAnswer()
    {
        _server.Enqueue(LoopbackOpenAIServer.Status(500), StreamedCompletion("streamed ", "answer"));
        using var chat = TestPipelines.Target(_server).CreatePipeline(TestPipelines.Options(_limiters));
        var trial = TestPipelines.Trial("stream-1", 0);

        string text = string.Empty;
        using (SafetyTrial.Enter(trial))
        {
            await foreach (var update in chat.GetStreamingResponseAsync(TestPipelines.Prompt("hello")))
            {
                text += update.Text;
            }
        }

        text.ShouldBe("streamed answer");
        trial.ModelCalls.ShouldBe(1);
        _server.RequestCount.ShouldBe(2);
    }

    private static Func<Microsoft.AspNetCore.Http.HttpContext, Task> StreamedCompletion(params string[] chunks) =>
        async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            foreach (string chunk in chunks)
            {
                string data = "{\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,\"model\":\"test-model-2024\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" +
                    System.Text.Json.JsonSerializer.Serialize(chunk) + "},\"finish_reason\":null}]}";
                await context.Response.WriteAsync("data: " + data + "\n\n");
            }

            await context.Response.WriteAsync("data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,\"model\":\"test-model-2024\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            await context.Response.WriteAsync("data: [DONE]\n\n");
        };
}
