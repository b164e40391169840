using System.Collections.Generic;
using SafetyTests.Metrics;

namespace SafetyTests.Gate;

/// <summary>Validated gate settings. Build them with <see cref="GateOptionsParser"/>; every default is documented in docs/gate.md.</summary>
internal sealed class GateOptions
{
    /// <summary>TRX files or globs (relative to <see cref="BaseDirectory"/>).</summary>
    public List<string> Results { get; init; } = new();

    /// <summary>The folder relative paths are resolved against (the project folder, or the current folder).</summary>
    public string BaseDirectory { get; init; } = ".";

    /// <summary>The baseline file (default <c>safety-baseline.json</c>).</summary>
    public string BaselinePath { get; init; } = GateOptionsParser.DefaultBaselineFile;

    /// <summary>Where to write the Markdown summary; null: do not write a file.</summary>
    public string? SummaryPath { get; init; }

    /// <summary>Accept this run as the new baseline.</summary>
    public bool AcceptBaseline { get; init; }

    public SeverityWeights Weights { get; init; } = SeverityWeights.Default;

    /// <summary>Gate α: significance level of the aggregate test, family-wise level of Holm, FDR level of BH. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The regression (in weighted failure rate, 0–1) tolerated before the aggregate test fails. Default 0.</summary>
    public double Tolerance { get; init; }

    public List<Ceiling> Ceilings { get; init; } = new();

    public CeilingStatistic CeilingStatistic { get; init; } = CeilingStatistic.Estimate;

    public List<RequiredCategory> RequiredCategories { get; init; } = new();

    public CountingPolicy Policy { get; init; } = CountingPolicy.Strict;

    /// <summary>Allow comparing runs of different models or judges (reported as a warning instead of an error).</summary>
    public bool AllowProvenanceChange { get; init; }

    /// <summary>What a failing case that is not in the baseline does. Default: error.</summary>
    public RuleAction NewFailingCases { get; init; } = RuleAction.Error;

    /// <summary>What a baseline case missing from the run does. Default: error.</summary>
    public RuleAction MissingCases { get; init; } = RuleAction.Error;

    public GateHost Host { get; init; } = GateHost.MSBuild;
}
