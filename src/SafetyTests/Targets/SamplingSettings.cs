using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>
/// The sampling settings sent with every request of a target. A value left <see langword="null"/> is not sent
/// (the provider default applies) and is recorded as <c>default</c>. Values a test sets on its own
/// <see cref="ChatOptions"/> win over these.
/// </summary>
public sealed class SamplingSettings
{
    /// <summary>The value recorded for a setting that is not sent.</summary>
    public const string ProviderDefault = "default";

    /// <summary>Sampling temperature in [0, 2].</summary>
    public float? Temperature { get; set; }

    /// <summary>Nucleus sampling probability mass in (0, 1].</summary>
    public float? TopP { get; set; }

    /// <summary>Maximum output tokens (greater than zero).</summary>
    public int? MaxOutputTokens { get; set; }

    /// <summary>
    /// A fixed seed sent with every request. Beware: the same seed for every sample makes samples of one case
    /// correlated, which the statistics assume they are not; prefer <see cref="SeedFromTrial"/>.
    /// </summary>
    public long? Seed { get; set; }

    /// <summary>
    /// When <see langword="true"/> and <see cref="Seed"/> is not set, each trial sends its own
    /// <see cref="SafetyTrial.Seed"/>: samples differ from one another but a rerun asks for the same ones.
    /// </summary>
    public bool SeedFromTrial { get; set; }

    /// <summary>Returns a copy.</summary>
    /// <returns>A new instance with the same values.</returns>
    public SamplingSettings Clone() => new()
    {
        Temperature = Temperature,
        TopP = TopP,
        MaxOutputTokens = MaxOutputTokens,
        Seed = Seed,
        SeedFromTrial = SeedFromTrial,
    };

    /// <inheritdoc/>
    public override string ToString()
    {
        var options = Apply(null, null);
        return string.Join(", ", Describe(options));
    }

    internal static IEnumerable<string> Describe(ChatOptions? options)
    {
        foreach (var pair in ToRecord(options))
        {
            yield return pair.Key + "=" + pair.Value;
        }
    }

    /// <summary>The settings as sent, under the OpenAI parameter names, as invariant strings.</summary>
    internal static KeyValuePair<string, string>[] ToRecord(ChatOptions? options) =>
    [
        new("max_tokens", options?.MaxOutputTokens is int m ? m.ToString(CultureInfo.InvariantCulture) : ProviderDefault),
        new("seed", options?.Seed is long s ? s.ToString(CultureInfo.InvariantCulture) : ProviderDefault),
        new("temperature", options?.Temperature is float t ? t.ToString("R", CultureInfo.InvariantCulture) : ProviderDefault),
        new("top_p", options?.TopP is float p ? p.ToString("R", CultureInfo.InvariantCulture) : ProviderDefault),
    ];

    /// <summary>Returns options carrying these settings where <paramref name="options"/> leaves them unset (never mutates the caller's options).</summary>
    internal ChatOptions Apply(ChatOptions? options, SafetyTrial? trial)
    {
        var result = options?.Clone() ?? new ChatOptions();
        result.Temperature ??= Temperature;
        result.TopP ??= TopP;
        result.MaxOutputTokens ??= MaxOutputTokens;
        result.Seed ??= Seed ?? (SeedFromTrial && trial is not null ? trial.Seed : null);
        return result;
    }

    internal void AddProblems(List<string> problems, string prefix)
    {
        if (Temperature is float t && (float.IsNaN(t) || t < 0 || t > 2))
        {
            problems.Add(prefix + "Temperature " + t.ToString("R", CultureInfo.InvariantCulture) + " is outside [0, 2].");
        }

        if (TopP is float p && (float.IsNaN(p) || p <= 0 || p > 1))
        {
            problems.Add(prefix + "TopP " + p.ToString("R", CultureInfo.InvariantCulture) + " is outside (0, 1].");
        }

        if (MaxOutputTokens is int m && m <= 0)
        {
            problems.Add(prefix + "MaxOutputTokens " + m.ToString(CultureInfo.InvariantCulture) + " must be greater than zero.");
        }
    }
}
