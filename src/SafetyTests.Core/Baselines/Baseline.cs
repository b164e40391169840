using System.Collections.Generic;
using SafetyTests.Gate;
using SafetyTests.Metrics;

namespace SafetyTests.Baselines;

/// <summary>A committed baseline: the cases of an accepted run and the settings its slice metrics were computed with.</summary>
internal sealed class Baseline
{
    public const string SchemaName = "safetytests-baseline";

    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The weights the stored slice metrics were computed with (the gate recomputes with its own).</summary>
    public SeverityWeights Weights { get; init; } = SeverityWeights.Default;

    /// <summary>The counting policy the stored slice metrics were computed with.</summary>
    public CountingPolicy Policy { get; init; } = CountingPolicy.Strict;

    /// <summary>The cases, sorted by identity.</summary>
    public List<CaseResult> Cases { get; init; } = new();

    /// <summary>
    /// The slice metrics of <see cref="Cases"/> under <see cref="Weights"/> and <see cref="Policy"/> when already
    /// computed (the gate writes the metrics it decided with instead of computing them twice); null: computed when
    /// the baseline is written.
    /// </summary>
    public SortedDictionary<SliceKey, SliceMetrics>? Slices { get; init; }
}
