using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using Microsoft.Extensions.AI;
using OpenAI;

namespace SafetyTests;

/// <summary>
/// The model under test: an OpenAI-compatible endpoint, an <see cref="IChatClient"/> you bring, or a fallback
/// (such as the seeded simulated assistant) when nothing is configured. <see cref="CreatePipeline"/> builds the
/// full client a test uses in one call: the target wrapped in SafetyTests' middleware.
/// </summary>
/// <example>
/// <code>
/// IChatClient chat = SafetyTarget.FromEnvironment(fallback: () => new SimulatedAssistant()).CreatePipeline();
/// </code>
/// </example>
public sealed class SafetyTarget
{
    private readonly Func<IChatClient> _createClient;
    private readonly object _gate = new();
    private IChatClient? _client;

    private SafetyTarget(SafetyTargetKind kind, Uri? endpoint, string? modelId, bool hasApiKey, SamplingSettings sampling, Func<IChatClient> createClient)
    {
        Kind = kind;
        Endpoint = endpoint;
        ModelId = modelId;
        HasApiKey = hasApiKey;
        Sampling = sampling;
        _createClient = createClient;
    }

    /// <summary>Where requests go.</summary>
    public SafetyTargetKind Kind { get; }

    /// <summary>The endpoint of an OpenAI-compatible target (user info and query removed), otherwise <see langword="null"/>.</summary>
    public Uri? Endpoint { get; }

    /// <summary>The configured model, when known.</summary>
    public string? ModelId { get; }

    /// <summary>Whether an API key is configured (the key itself is never exposed).</summary>
    public bool HasApiKey { get; }

    /// <summary>The sampling settings the pipeline sends with every request.</summary>
    public SamplingSettings Sampling { get; }

    /// <summary>
    /// Reads the target from the <c>SAFETYTESTS_ENDPOINT</c>, <c>SAFETYTESTS_MODEL</c>, <c>SAFETYTESTS_API_KEY</c>
    /// (and sampling) environment variables. When neither an endpoint nor an API key is set, the target is
    /// <paramref name="fallback"/>, or an unconfigured target whose calls fail with instructions.
    /// </summary>
    /// <param name="fallback">Creates the client used when no endpoint is configured (for example a simulated assistant).</param>
    /// <returns>The target.</returns>
    /// <exception cref="InvalidOperationException">The variables are invalid; the message lists every problem.</exception>
    public static SafetyTarget FromEnvironment(Func<IChatClient>? fallback = null) =>
        FromOptions(SafetyTargetOptions.FromEnvironment(), fallback);

    /// <summary>Reads the target from configuration pairs (see <see cref="SafetyTargetOptions.FromConfiguration"/>).</summary>
    /// <param name="settings">The pairs, for example <c>configuration.AsEnumerable()</c>.</param>
    /// <param name="fallback">Creates the client used when no endpoint is configured.</param>
    /// <returns>The target.</returns>
    /// <exception cref="InvalidOperationException">The settings are invalid; the message lists every problem.</exception>
    public static SafetyTarget FromConfiguration(IEnumerable<KeyValuePair<string, string?>> settings, Func<IChatClient>? fallback = null) =>
        FromOptions(SafetyTargetOptions.FromConfiguration(settings), fallback);

    /// <summary>Creates a target from options.</summary>
    /// <param name="options">The options.</param>
    /// <param name="fallback">Creates the client used when <paramref name="options"/> configure no endpoint.</param>
    /// <returns>The target.</returns>
    /// <exception cref="InvalidOperationException">The options are invalid; the message lists every problem.</exception>
    public static SafetyTarget FromOptions(SafetyTargetOptions options, Func<IChatClient>? fallback = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        SafetySecrets.Register(options.ApiKey);
        SamplingSettings sampling = options.Sampling.Clone();

        if (!options.IsConfigured)
        {
            string? replayModel = string.IsNullOrWhiteSpace(options.Model) ? null : options.Model;
            return fallback is null
                ? new SafetyTarget(SafetyTargetKind.Unconfigured, null, replayModel, false, sampling, () => new UnconfiguredChatClient(replayModel))
                : new SafetyTarget(SafetyTargetKind.Fallback, null, null, false, sampling, () => fallback() ?? throw new InvalidOperationException("The fallback returned no IChatClient."));
        }

        Uri endpoint = options.Endpoint ?? SafetyTargetOptions.OpenAIEndpoint;
        string model = options.Model!;
        string apiKey = string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey!;
        TimeSpan networkTimeout = options.NetworkTimeout;
        return new SafetyTarget(
            SafetyTargetKind.OpenAICompatible,
            Sanitize(endpoint),
            model,
            !string.IsNullOrEmpty(options.ApiKey),
            sampling,
            () =>
            {
                var clientOptions = new OpenAIClientOptions
                {
                    Endpoint = endpoint,

                    // Our resilience middleware owns retries (with Retry-After, budgets and error accounting).
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    NetworkTimeout = networkTimeout,
                };
                return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(apiKey), clientOptions).AsIChatClient();
            });
    }

    /// <summary>Uses an <see cref="IChatClient"/> you bring as the target.</summary>
    /// <param name="client">The client. Pipelines built from this target do not dispose it.</param>
    /// <param name="sampling">The sampling settings to send, or <see langword="null"/> for provider defaults.</param>
    /// <returns>The target.</returns>
    public static SafetyTarget FromChatClient(IChatClient client, SamplingSettings? sampling = null)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        var settings = sampling?.Clone() ?? new SamplingSettings();
        var problems = new List<string>();
        settings.AddProblems(problems, "Sampling.");
        SafetyTargetOptions.ThrowIfAny(problems);

        var metadata = client.GetService<ChatClientMetadata>();
        return new SafetyTarget(SafetyTargetKind.ChatClient, null, metadata?.DefaultModelId, false, settings, () => client);
    }

    /// <summary>The bare target client (created once per target, without middleware).</summary>
    /// <returns>The client.</returns>
    public IChatClient GetChatClient()
    {
        lock (_gate)
        {
            return _client ??= _createClient();
        }
    }

    /// <summary>
    /// A builder holding the target wrapped in SafetyTests' middleware, outermost first: secret redaction,
    /// sampling, usage tracking, replay (unless off), the run budget and resilience (unless <see cref="SafetyPipelineOptions.Resilience"/>
    /// is <see langword="null"/>). Add your own middleware with <c>Use</c> before calling <c>Build</c>;
    /// it goes innermost, next to the target.
    /// </summary>
    /// <param name="options">The middleware options; <see langword="null"/> reads the defaults from the environment.</param>
    /// <returns>The builder.</returns>
    public ChatClientBuilder CreatePipelineBuilder(SafetyPipelineOptions? options = null)
    {
        options ??= new SafetyPipelineOptions();
        options.Validate();

        var builder = new ChatClientBuilder(new NonDisposingChatClient(GetChatClient()));
        builder.UseSecretRedaction();
        builder.UseSampling(Sampling);
        builder.UseUsageTracking(options.Usage);
        if (options.Replay.Mode != ReplayMode.Off)
        {
            builder.UseReplay(options.Replay);
        }

        builder.UseBudget(options.Usage);

        if (options.Resilience is not null)
        {
            builder.UseResilience(options.Resilience);
        }

        return builder;
    }

    /// <summary>Builds the full client a test uses: the target wrapped in SafetyTests' middleware (see <see cref="CreatePipelineBuilder"/>).</summary>
    /// <param name="options">The middleware options; <see langword="null"/> reads the defaults from the environment.</param>
    /// <returns>The client. Disposing it does not dispose the target client.</returns>
    public IChatClient CreatePipeline(SafetyPipelineOptions? options = null) => CreatePipelineBuilder(options).Build();

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        SafetyTargetKind.OpenAICompatible => "OpenAI-compatible model '" + ModelId + "' at " + DisplayEndpoint(Endpoint!) + " (API key " + (HasApiKey ? "set" : "not set") + ")",
        SafetyTargetKind.ChatClient => "chat client" + (ModelId is null ? string.Empty : " '" + ModelId + "'"),
        SafetyTargetKind.Fallback => "fallback chat client (no endpoint configured)",
        _ => "no model configured" + (ModelId is null ? string.Empty : " (replays recordings of '" + ModelId + "')"),
    };

    /// <summary>An endpoint as it may be shown: without user info and query, secrets redacted.</summary>
    internal static string DisplayEndpoint(Uri endpoint)
    {
        if (!endpoint.IsAbsoluteUri)
        {
            return SafetySecrets.Redact(endpoint.OriginalString);
        }

        return SafetySecrets.Redact(Sanitize(endpoint).ToString());
    }

    private static Uri Sanitize(Uri endpoint)
    {
        if (!endpoint.IsAbsoluteUri || (endpoint.UserInfo.Length == 0 && endpoint.Query.Length == 0))
        {
            return endpoint;
        }

        return new UriBuilder(endpoint) { UserName = string.Empty, Password = string.Empty, Query = string.Empty }.Uri;
    }
}
