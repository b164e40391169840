using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SafetyTests.Tests.ChatClients;

/// <summary>
/// A real OpenAI-compatible HTTP server (Kestrel on 127.0.0.1, a free port) inside the test process. Each
/// request to <c>/v1/chat/completions</c> is answered by the next scripted handler, or by <see cref="Fallback"/>.
/// </summary>
public sealed class LoopbackOpenAIServer : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Queue<Func<HttpContext, Task>> _script = new();
    private readonly List<ReceivedRequest> _requests = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    private LoopbackOpenAIServer()
    {
    }

    public Uri Endpoint { get; private set; } = null!;

    public Func<HttpContext, Task> Fallback { get; set; } = Completion("fallback answer");

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    public int RequestCount
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    public static async Task<LoopbackOpenAIServer> StartAsync()
    {
        var server = new LoopbackOpenAIServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        server._app = app;
        return server;
    }

    public void Enqueue(params Func<HttpContext, Task>[] handlers)
    {
        lock (_gate)
        {
            foreach (var handler in handlers)
            {
                _script.Enqueue(handler);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }

            await _app.DisposeAsync();
            _app = null;
        }

        _stopping.Dispose();
    }

    // ---- scripted answers ----

    public static Func<HttpContext, Task> Completion(
        string? text,
        string finishReason = "stop",
        int promptTokens = 11,
        int completionTokens = 7,
        string model = "test-model-2024",
        string? toolName = null,
        string? toolArguments = null,
        string? extraChoiceJson = null) =>
        context =>
        {
            string toolCalls = toolName is null
                ? string.Empty
                : ",\"tool_calls\":[{\"id\":\"call_abc123\",\"type\":\"function\",\"function\":{\"name\":" + JsonSerializer.Serialize(toolName) +
                  ",\"arguments\":" + JsonSerializer.Serialize(toolArguments ?? "{}") + "}}]";
            string body =
                "{\"id\":\"chatcmpl-" + Guid.NewGuid().ToString("N") + "\",\"object\":\"chat.completion\",\"created\":1735689600," +
                "\"model\":" + JsonSerializer.Serialize(model) + "," +
                "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + (text is null ? "null" : JsonSerializer.Serialize(text)) + toolCalls + "}," +
                "\"finish_reason\":" + JsonSerializer.Serialize(finishReason) + ",\"logprobs\":null" + (extraChoiceJson is null ? string.Empty : "," + extraChoiceJson) + "}]," +
                "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
            return WriteJsonAsync(context, 200, body);
        };

    public static Func<HttpContext, Task> Status(int status, string? body = null, params (string Name, string Value)[] headers) =>
        context =>
        {
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            return WriteJsonAsync(context, status, body ?? "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\",\"code\":null}}");
        };

    public static Func<HttpContext, Task> Hang() =>
        async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        };

    public static Func<HttpContext, Task> MalformedJson() =>
        context => WriteJsonAsync(context, 200, "{\"id\":\"chatcmpl-broken\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"cut off");

    public static Func<HttpContext, Task> ConnectionReset() =>
        context =>
        {
            context.Abort();
            return Task.CompletedTask;
        };

    public static Func<HttpContext, Task> Delayed(TimeSpan delay, Func<HttpContext, Task> then) =>
        async context =>
        {
            await Task.Delay(delay, context.RequestAborted);
            await then(context);
        };

    private static async Task WriteJsonAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        Func<HttpContext, Task> handler;
        lock (_gate)
        {
            _requests.Add(new ReceivedRequest(_clock.Elapsed, context.Request.Path.Value ?? string.Empty, body, context.Request.Headers.Authorization.ToString()));
            handler = _script.Count > 0 ? _script.Dequeue() : Fallback;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        context.RequestAborted = linked.Token;
        await handler(context);
    }
}

public sealed record ReceivedRequest(TimeSpan At, string Path, string Body, string Authorization);
