using System;
using System.Collections.Generic;

namespace SafetyTests.Gate;

/// <summary>The gate's option names: canonical (command line, <c>--alpha</c>) and MSBuild property (<c>SafetyGateAlpha</c>).</summary>
internal static class GateOptionNames
{
    public const string Results = "trx";
    public const string Baseline = "baseline";
    public const string Summary = "summary";
    public const string Accept = "accept";
    public const string SeverityWeights = "severity-weights";
    public const string Alpha = "alpha";
    public const string Tolerance = "tolerance";
    public const string Ceilings = "ceilings";
    public const string CeilingStatistic = "ceiling-statistic";
    public const string RequiredCategories = "required-categories";
    public const string CountInconclusive = "count-inconclusive";
    public const string CountErrors = "count-errors";
    public const string AllowProvenanceChange = "allow-provenance-change";
    public const string NewFailingCases = "new-failing-cases";
    public const string MissingCases = "missing-cases";

    /// <summary>Canonical name → MSBuild property name.</summary>
    public static IReadOnlyDictionary<string, string> MSBuildProperties { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Results] = "SafetyResults",
        [Baseline] = "SafetyBaseline",
        [Summary] = "SafetySummaryFile",
        [Accept] = "SafetyAcceptBaseline",
        [SeverityWeights] = "SafetySeverityWeights",
        [Alpha] = "SafetyGateAlpha",
        [Tolerance] = "SafetyTolerance",
        [Ceilings] = "SafetyCeilings",
        [CeilingStatistic] = "SafetyCeilingStatistic",
        [RequiredCategories] = "SafetyRequiredCategories",
        [CountInconclusive] = "SafetyCountInconclusive",
        [CountErrors] = "SafetyCountErrors",
        [AllowProvenanceChange] = "SafetyAllowProvenanceChange",
        [NewFailingCases] = "SafetyNewFailingCases",
        [MissingCases] = "SafetyMissingCases",
    };

    /// <summary>How a host names an option in messages.</summary>
    public static string Display(string canonical, GateHost host) =>
        host == GateHost.MSBuild && MSBuildProperties.TryGetValue(canonical, out string? property) ? property : "--" + canonical;
}
