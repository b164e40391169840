using System;
using System.Collections.Generic;
using System.Threading;

namespace SafetyTests;

/// <summary>
/// The trial in progress on this async flow: which case, which sample, which seed. Test bodies read it
/// (for seeded simulated models and replay), and middleware and judges report provenance into it
/// (model, usage, judges, sampling settings), which the runner aggregates into the safety record.
/// </summary>
public sealed class SafetyTrial
{
    private static readonly AsyncLocal<SafetyTrial?> CurrentTrial = new();
    private readonly object _gate = new();
    private readonly List<string> _judges = new();
    private readonly SortedDictionary<string, string> _settings = new(StringComparer.Ordinal);

    /// <summary>Creates a trial context.</summary>
    /// <param name="promptCase">The case being sampled, or <see langword="null"/> for a <c>[SafetyFact]</c>.</param>
    /// <param name="sampleIndex">The 0-based index of this trial within its case.</param>
    /// <param name="seed">The seed of this trial.</param>
    /// <param name="cancellationToken">Cancelled when the run is aborted or the case is decided.</param>
    public SafetyTrial(PromptCase? promptCase, int sampleIndex, int seed, CancellationToken cancellationToken)
    {
        Case = promptCase;
        SampleIndex = sampleIndex;
        Seed = seed;
        CancellationToken = cancellationToken;
    }

    /// <summary>The trial running on this async flow, or <see langword="null"/> outside a safety test.</summary>
    public static SafetyTrial? Current => CurrentTrial.Value;

    /// <summary>The case being sampled, or <see langword="null"/> for a scenario without cases.</summary>
    public PromptCase? Case { get; }

    /// <summary>The 0-based index of this trial within its case (stable across runs: replay keys use it).</summary>
    public int SampleIndex { get; }

    /// <summary>The seed of this trial, derived from the run seed, the case id and the sample index.</summary>
    public int Seed { get; }

    /// <summary>Cancelled when the run is aborted or the case no longer needs this trial.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Input tokens reported by middleware for this trial.</summary>
    public long InputTokens { get; private set; }

    /// <summary>Output tokens reported by middleware for this trial.</summary>
    public long OutputTokens { get; private set; }

    /// <summary>Model calls reported by middleware for this trial.</summary>
    public int ModelCalls { get; private set; }

    /// <summary>The provider that answered, when reported.</summary>
    public string? Provider { get; private set; }

    /// <summary>The model that answered, when reported.</summary>
    public string? ModelId { get; private set; }

    /// <summary>The judges that decided in this trial, as <c>id@version</c>.</summary>
    public IReadOnlyList<string> Judges
    {
        get
        {
            lock (_gate)
            {
                return _judges.ToArray();
            }
        }
    }

    /// <summary>The sampling settings reported for this trial.</summary>
    public IReadOnlyDictionary<string, string> SamplingSettings
    {
        get
        {
            lock (_gate)
            {
                return new SortedDictionary<string, string>(_settings, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Makes <paramref name="trial"/> current on this async flow until the returned scope is disposed.</summary>
    /// <param name="trial">The trial.</param>
    /// <returns>A scope that restores the previous trial.</returns>
    public static IDisposable Enter(SafetyTrial trial)
    {
        var previous = CurrentTrial.Value;
        CurrentTrial.Value = trial ?? throw new ArgumentNullException(nameof(trial));
        return new Scope(previous);
    }

    /// <summary>Adds one model call's token usage.</summary>
    /// <param name="inputTokens">Input tokens.</param>
    /// <param name="outputTokens">Output tokens.</param>
    public void AddUsage(long inputTokens, long outputTokens)
    {
        lock (_gate)
        {
            ModelCalls++;
            InputTokens += inputTokens;
            OutputTokens += outputTokens;
        }
    }

    /// <summary>Records which provider and model answered.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="modelId">The model id.</param>
    public void SetModel(string? provider, string? modelId)
    {
        lock (_gate)
        {
            Provider = provider ?? Provider;
            ModelId = modelId ?? ModelId;
        }
    }

    /// <summary>Records a judge that decided in this trial.</summary>
    /// <param name="id">The judge id.</param>
    /// <param name="version">The judge version.</param>
    public void AddJudge(string id, string version)
    {
        string key = id + "@" + version;
        lock (_gate)
        {
            if (!_judges.Contains(key))
            {
                _judges.Add(key);
            }
        }
    }

    /// <summary>Records one sampling setting as sent (for example <c>temperature</c> = <c>0.7</c>).</summary>
    /// <param name="name">The setting name.</param>
    /// <param name="value">The invariant-culture value.</param>
    public void SetSamplingSetting(string name, string value)
    {
        lock (_gate)
        {
            _settings[name] = value;
        }
    }

    private sealed class Scope(SafetyTrial? previous) : IDisposable
    {
        public void Dispose() => CurrentTrial.Value = previous;
    }
}
