using System;
using System.Collections.Generic;
using System.Globalization;

namespace SafetyTests;

/// <summary>
/// Configuration of the model under test: an OpenAI-compatible endpoint, the model, the API key and the
/// sampling settings. Read it from environment variables (<see cref="FromEnvironment"/>), from configuration
/// key/value pairs (<see cref="FromConfiguration"/>, for example <c>IConfiguration.AsEnumerable()</c>) or set it in code.
/// </summary>
public sealed class SafetyTargetOptions
{
    /// <summary>Environment variable with the base URL of the OpenAI-compatible endpoint (for example <c>https://api.openai.com/v1</c>).</summary>
    public const string EndpointVariable = "SAFETYTESTS_ENDPOINT";

    /// <summary>Environment variable with the model (deployment) name.</summary>
    public const string ModelVariable = "SAFETYTESTS_MODEL";

    /// <summary>Environment variable with the API key.</summary>
    public const string ApiKeyVariable = "SAFETYTESTS_API_KEY";

    /// <summary>Environment variable with the sampling temperature.</summary>
    public const string TemperatureVariable = "SAFETYTESTS_TEMPERATURE";

    /// <summary>Environment variable with the nucleus sampling top-p.</summary>
    public const string TopPVariable = "SAFETYTESTS_TOP_P";

    /// <summary>Environment variable with the maximum output tokens.</summary>
    public const string MaxOutputTokensVariable = "SAFETYTESTS_MAX_OUTPUT_TOKENS";

    /// <summary>
    /// Environment variable with a fixed sampling seed sent to the model, or <c>trial</c> to send each trial's own seed.
    /// (<c>SAFETYTESTS_RUN_SEED</c> is the run seed of the trial engine, a different thing.)
    /// </summary>
    public const string SeedVariable = "SAFETYTESTS_SAMPLING_SEED";

    /// <summary>The configuration section read by <see cref="FromConfiguration"/> by default.</summary>
    public const string DefaultSectionName = "SafetyTests";

    /// <summary>The endpoint used when only an API key is configured.</summary>
    public static readonly Uri OpenAIEndpoint = new("https://api.openai.com/v1");

    private static readonly (string Variable, string Key)[] Names =
    [
        (EndpointVariable, "Endpoint"),
        (ModelVariable, "Model"),
        (ApiKeyVariable, "ApiKey"),
        (TemperatureVariable, "Temperature"),
        (TopPVariable, "TopP"),
        (MaxOutputTokensVariable, "MaxOutputTokens"),
        (SeedVariable, "SamplingSeed"),
    ];

    /// <summary>The base URL of the OpenAI-compatible endpoint; <see langword="null"/> with an API key means <see cref="OpenAIEndpoint"/>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The model (or deployment) name. Set without an endpoint or API key it still names the model whose recorded
    /// responses an unconfigured target replays (replay keys include the model id).
    /// </summary>
    public string? Model { get; set; }

    /// <summary>The API key. It is registered with <see cref="SafetySecrets"/> and never written anywhere by SafetyTests.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The sampling settings sent with every request.</summary>
    public SamplingSettings Sampling { get; set; } = new();

    /// <summary>
    /// The HTTP client's own network timeout. The resilience middleware's per-attempt timeout is what normally
    /// fires; this is only a last resort for clients used without it.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether an endpoint or an API key is configured (otherwise the fallback applies).</summary>
    public bool IsConfigured => Endpoint is not null || !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>Reads the <c>SAFETYTESTS_*</c> environment variables.</summary>
    /// <returns>The options (not yet validated).</returns>
    /// <exception cref="InvalidOperationException">A variable has a value that cannot be parsed; the message lists every such variable.</exception>
    public static SafetyTargetOptions FromEnvironment()
    {
        // Every SAFETYTESTS_* variable is checked at once, so one run shows every mistake, not only the first.
        SafetyEnvironment.ThrowIfInvalid();
        return Read(static variable => Environment.GetEnvironmentVariable(variable), useVariableNames: true, DefaultSectionName);
    }

    /// <summary>
    /// Reads configuration key/value pairs: <c>SafetyTests:Endpoint</c>, <c>SafetyTests:Model</c>, <c>SafetyTests:ApiKey</c>,
    /// <c>SafetyTests:Temperature</c>, <c>SafetyTests:TopP</c>, <c>SafetyTests:MaxOutputTokens</c>, <c>SafetyTests:SamplingSeed</c>,
    /// or the environment-variable names (<c>SAFETYTESTS_ENDPOINT</c>, ...). Keys are case-insensitive.
    /// </summary>
    /// <param name="settings">The pairs, for example <c>configuration.AsEnumerable()</c> or a dictionary.</param>
    /// <param name="sectionName">The section holding the settings.</param>
    /// <returns>The options (not yet validated).</returns>
    /// <exception cref="InvalidOperationException">A value cannot be parsed; the message lists every such setting.</exception>
    public static SafetyTargetOptions FromConfiguration(IEnumerable<KeyValuePair<string, string?>> settings, string sectionName = DefaultSectionName)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        if (string.IsNullOrWhiteSpace(sectionName))
        {
            throw new ArgumentException("The section name must not be empty.", nameof(sectionName));
        }

        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in settings)
        {
            map[pair.Key] = pair.Value;
        }

        return Read(key => map.TryGetValue(key, out string? value) ? value : null, useVariableNames: false, sectionName);
    }

    /// <summary>Checks the options and reports every problem in one message.</summary>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        AddProblems(problems);
        ThrowIfAny(problems);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        "endpoint " + (Endpoint is null ? (IsConfigured ? OpenAIEndpoint.ToString() : "(none)") : SafetyTarget.DisplayEndpoint(Endpoint)) +
        ", model " + (Model ?? "(none)") +
        ", API key " + (string.IsNullOrEmpty(ApiKey) ? "not set" : "set") +
        ", " + Sampling;

    internal void AddProblems(List<string> problems)
    {
        if (Endpoint is not null && (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add("Endpoint '" + SafetySecrets.Redact(Endpoint.OriginalString) + "' is not an absolute http or https URI.");
        }

        if (IsConfigured && string.IsNullOrWhiteSpace(Model))
        {
            problems.Add("Model is required when an endpoint or API key is configured (set " + ModelVariable + " or SafetyTests:Model).");
        }

        if (NetworkTimeout <= TimeSpan.Zero && NetworkTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            problems.Add("NetworkTimeout must be positive.");
        }

        if (Sampling is null)
        {
            problems.Add("Sampling must not be null.");
        }
        else
        {
            Sampling.AddProblems(problems, "Sampling.");
        }
    }

    internal static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        string header = problems.Count == 1
            ? "Invalid SafetyTests target configuration:"
            : "Invalid SafetyTests target configuration (" + problems.Count.ToString(CultureInfo.InvariantCulture) + " problems):";
        throw new InvalidOperationException(header + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", problems));
    }

    /// <summary>Reads the settings; parse problems go to <paramref name="collect"/> when given, else they throw.</summary>
    internal static SafetyTargetOptions Read(Func<string, string?> lookup, bool useVariableNames, string sectionName, List<string>? collect = null)
    {
        var values = new string?[Names.Length];
        var labels = new string[Names.Length];
        for (int i = 0; i < Names.Length; i++)
        {
            string key = sectionName + ":" + Names[i].Key;
            if (useVariableNames)
            {
                labels[i] = Names[i].Variable;
                values[i] = lookup(Names[i].Variable);
            }
            else
            {
                labels[i] = key;
                values[i] = lookup(key);
                if (string.IsNullOrWhiteSpace(values[i]))
                {
                    values[i] = lookup(Names[i].Variable);
                    labels[i] = Names[i].Variable;
                }
            }

            values[i] = string.IsNullOrWhiteSpace(values[i]) ? null : values[i]!.Trim();
        }

        var problems = new List<string>();
        var options = new SafetyTargetOptions { Model = values[1], ApiKey = values[2] };
        SafetySecrets.Register(options.ApiKey);

        if (values[0] is string endpoint)
        {
            if (Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri))
            {
                options.Endpoint = uri;
            }
            else
            {
                problems.Add(labels[0] + " '" + SafetySecrets.Redact(endpoint) + "' is not an absolute URI (for example https://api.openai.com/v1).");
            }
        }

        options.Sampling.Temperature = ParseFloat(values[3], labels[3], problems);
        options.Sampling.TopP = ParseFloat(values[4], labels[4], problems);
        if (values[5] is string max)
        {
            if (int.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out int m))
            {
                options.Sampling.MaxOutputTokens = m;
            }
            else
            {
                problems.Add(labels[5] + " '" + max + "' is not an integer (a number of tokens, for example 1024).");
            }
        }

        if (values[6] is string seed)
        {
            if (string.Equals(seed, "trial", StringComparison.OrdinalIgnoreCase))
            {
                options.Sampling.SeedFromTrial = true;
            }
            else if (long.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out long s))
            {
                options.Sampling.Seed = s;
            }
            else
            {
                problems.Add(labels[6] + " '" + seed + "' is neither an integer (for example 42) nor 'trial'.");
            }
        }

        if (collect is null)
        {
            ThrowIfAny(problems);
        }
        else
        {
            collect.AddRange(problems);
        }

        return options;
    }

    private static float? ParseFloat(string? value, string label, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out float result))
        {
            return result;
        }

        problems.Add(label + " '" + value + "' is not a number (use invariant culture, for example 0.7).");
        return null;
    }
}
