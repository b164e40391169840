using System;
using System.Collections.Generic;
using System.Globalization;
using SafetyTests.Metrics;
using SafetyTests.Records;

namespace SafetyTests.Gate;

/// <summary>
/// Turns the gate's raw string settings (MSBuild properties or command-line options) into <see cref="GateOptions"/>.
/// Everything is validated before any work: numbers in the invariant culture, unknown values rejected with the
/// allowed ones, and every problem reported in one message.
/// </summary>
internal static class GateOptionsParser
{
    public const string DefaultBaselineFile = "safety-baseline.json";

    private static readonly string[] SliceKinds = { "overall", "category:NAME", "severity:NAME", "expectation:NAME" };

    /// <summary>Parses the settings. Null or empty values take their defaults.</summary>
    /// <param name="values">Canonical option name (<see cref="GateOptionNames"/>) → raw value.</param>
    /// <param name="baseDirectory">The folder relative paths resolve against.</param>
    /// <param name="host">Who is asking (names options in its own terms).</param>
    /// <param name="problems">Every problem found, one line each; empty when the options are valid.</param>
    /// <returns>The options, or null when there were problems.</returns>
    public static GateOptions? Parse(IReadOnlyDictionary<string, string?> values, string baseDirectory, GateHost host, out List<string> problems)
    {
        var errors = new List<string>();
        problems = errors;
        foreach (string name in values.Keys)
        {
            if (!GateOptionNames.MSBuildProperties.ContainsKey(name))
            {
                errors.Add($"unknown gate option '{name}'; allowed options are {string.Join(", ", GateOptionNames.MSBuildProperties.Keys)}.");
            }
        }

        string Name(string canonical) => GateOptionNames.Display(canonical, host);

        string? Raw(string canonical)
        {
            values.TryGetValue(canonical, out string? raw);
            return string.IsNullOrWhiteSpace(raw) ? null : raw!.Trim();
        }

        var results = new List<string>();
        foreach (string item in Split(Raw(GateOptionNames.Results)))
        {
            results.Add(item);
        }

        string baseline = Raw(GateOptionNames.Baseline) ?? DefaultBaselineFile;
        if (baseline.IndexOfAny(new[] { '*', '?' }) >= 0)
        {
            errors.Add($"{Name(GateOptionNames.Baseline)}: '{baseline}' must be one file, not a pattern.");
        }

        SeverityWeights weights = ParseWeights(Raw(GateOptionNames.SeverityWeights), Name(GateOptionNames.SeverityWeights), errors);
        double alpha = ParseNumber(Raw(GateOptionNames.Alpha), 0.05, Name(GateOptionNames.Alpha), "a number in (0, 0.5], e.g. 0.05", v => v > 0 && v <= 0.5, errors);
        double tolerance = ParseNumber(Raw(GateOptionNames.Tolerance), 0, Name(GateOptionNames.Tolerance), "a number in [0, 1), a rate difference such as 0.02 for 2 points", v => v >= 0 && v < 1, errors);
        List<Ceiling> ceilings = ParseCeilings(Raw(GateOptionNames.Ceilings), Name(GateOptionNames.Ceilings), errors);
        CeilingStatistic statistic = ParseChoice(Raw(GateOptionNames.CeilingStatistic), CeilingStatistic.Estimate, Name(GateOptionNames.CeilingStatistic), new[] { ("estimate", CeilingStatistic.Estimate), ("upper", CeilingStatistic.Upper) }, errors);
        List<RequiredCategory> required = ParseRequired(Raw(GateOptionNames.RequiredCategories), Name(GateOptionNames.RequiredCategories), errors);
        bool countInconclusive = ParseBool(Raw(GateOptionNames.CountInconclusive), true, Name(GateOptionNames.CountInconclusive), errors);
        bool countErrors = ParseBool(Raw(GateOptionNames.CountErrors), true, Name(GateOptionNames.CountErrors), errors);
        bool allowProvenance = ParseBool(Raw(GateOptionNames.AllowProvenanceChange), false, Name(GateOptionNames.AllowProvenanceChange), errors);
        bool accept = ParseBool(Raw(GateOptionNames.Accept), false, Name(GateOptionNames.Accept), errors);
        var actions = new[] { ("error", RuleAction.Error), ("warning", RuleAction.Warning), ("ignore", RuleAction.Ignore) };
        RuleAction newFailing = ParseChoice(Raw(GateOptionNames.NewFailingCases), RuleAction.Error, Name(GateOptionNames.NewFailingCases), actions, errors);
        RuleAction missing = ParseChoice(Raw(GateOptionNames.MissingCases), RuleAction.Error, Name(GateOptionNames.MissingCases), actions, errors);

        if (errors.Count > 0)
        {
            return null;
        }

        string? summary = Raw(GateOptionNames.Summary);
        return new GateOptions
        {
            Results = results,
            BaseDirectory = baseDirectory,
            BaselinePath = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, baseline)),
            SummaryPath = summary is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, summary)),
            AcceptBaseline = accept,
            Weights = weights,
            Alpha = alpha,
            Tolerance = tolerance,
            Ceilings = ceilings,
            CeilingStatistic = statistic,
            RequiredCategories = required,
            Policy = new CountingPolicy(countInconclusive, countErrors),
            AllowProvenanceChange = allowProvenance,
            NewFailingCases = newFailing,
            MissingCases = missing,
            Host = host,
        };
    }

    /// <summary>Formats the problems as the single message of a <see cref="DiagnosticCodes.InvalidOptions"/> diagnostic.</summary>
    public static string FormatProblems(IReadOnlyList<string> problems) =>
        $"The safety gate settings are invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}); nothing was gated:" + Environment.NewLine
        + "  - " + string.Join(Environment.NewLine + "  - ", problems);

    /// <summary>Splits a list on ';' (MSBuild) or ',' and trims the items.</summary>
    public static List<string> Split(string? raw)
    {
        var items = new List<string>();
        if (raw is null)
        {
            return items;
        }

        foreach (string part in raw.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string item = part.Trim();
            if (item.Length > 0)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static SeverityWeights ParseWeights(string? raw, string name, List<string> errors)
    {
        SeverityWeights weights = SeverityWeights.Default;
        foreach (string item in Split(raw))
        {
            if (!TrySplitPair(item, out string key, out string value))
            {
                errors.Add($"{name}: '{item}' must be SEVERITY=WEIGHT (e.g. critical=8); severities are {SafetyNames.Severities.AllowedList}.");
                continue;
            }

            if (!SafetyNames.Severities.TryParse(key, out Severity severity))
            {
                errors.Add($"{name}: unknown severity '{key}'; allowed values are {SafetyNames.Severities.AllowedList}.");
                continue;
            }

            if (!TryNumber(value, out double w) || !(w > 0) || double.IsInfinity(w))
            {
                errors.Add($"{name}: the weight of '{key}' must be a positive number with '.' as decimal separator (got '{value}').");
                continue;
            }

            weights = weights.With(severity, w);
        }

        return weights;
    }

    private static List<Ceiling> ParseCeilings(string? raw, string name, List<string> errors)
    {
        var ceilings = new List<Ceiling>();
        var seen = new HashSet<SliceKey>();
        foreach (string item in Split(raw))
        {
            if (!TrySplitPair(item, out string key, out string value))
            {
                errors.Add($"{name}: '{item}' must be METRIC=MAX (e.g. unsafe-compliance-rate=0.05 or category:jailbreak=0.02).");
                continue;
            }

            if (!TryParseSlice(key, out SliceKey slice, out string? why))
            {
                errors.Add($"{name}: {why}");
                continue;
            }

            if (!TryNumber(value, out double max) || max < 0 || max > 1)
            {
                errors.Add($"{name}: the ceiling of '{key}' must be a rate in [0, 1] with '.' as decimal separator (got '{value}').");
                continue;
            }

            if (!seen.Add(slice))
            {
                errors.Add($"{name}: '{key}' is given twice (as {slice.Name}).");
                continue;
            }

            ceilings.Add(new Ceiling(key, slice, max));
        }

        ceilings.Sort((a, b) => a.Slice.CompareTo(b.Slice));
        return ceilings;
    }

    /// <summary>Parses a slice or metric name: a named metric, <c>overall</c>, or <c>category:|severity:|expectation:NAME</c>.</summary>
    public static bool TryParseSlice(string text, out SliceKey slice, out string? problem)
    {
        problem = null;
        slice = default;
        string key = text.Trim();
        if (key.Equals("overall", StringComparison.OrdinalIgnoreCase))
        {
            slice = SliceKey.Overall;
            return true;
        }

        if (key.IndexOf(':') < 0 && NamedMetrics.TryGetSlice(key, out slice))
        {
            return true;
        }

        int colon = key.IndexOf(':');
        string kind = colon < 0 ? "" : key.Substring(0, colon).Trim().ToLowerInvariant();
        string value = colon < 0 ? "" : key.Substring(colon + 1).Trim();
        switch (kind)
        {
            case "category" when value.Length > 0:
                slice = SliceKey.ForCategory(value);
                return true;
            case "severity" when SafetyNames.Severities.TryParse(value, out Severity severity):
                slice = SliceKey.ForSeverity(severity);
                return true;
            case "severity":
                problem = $"unknown severity '{value}' in '{key}'; allowed values are {SafetyNames.Severities.AllowedList}.";
                return false;
            case "expectation" when SafetyNames.Expectations.TryParse(value, out Expectation expectation):
                slice = SliceKey.ForExpectation(expectation);
                return true;
            case "expectation":
                problem = $"unknown expectation '{value}' in '{key}'; allowed values are {SafetyNames.Expectations.AllowedList}.";
                return false;
            default:
                problem = $"unknown metric or slice '{key}'; allowed are {string.Join(", ", NamedMetrics.Names)}, {string.Join(", ", SliceKinds)}.";
                return false;
        }
    }

    private static List<RequiredCategory> ParseRequired(string? raw, string name, List<string> errors)
    {
        var required = new List<RequiredCategory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string item in Split(raw))
        {
            string category = item;
            int minimum = 1;
            if (item.IndexOf('=') >= 0)
            {
                TrySplitPair(item, out category, out string value);
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out minimum) || minimum < 1)
                {
                    errors.Add($"{name}: the minimum of '{category}' must be a whole number of cases, at least 1 (got '{value}').");
                    continue;
                }
            }

            if (category.Length == 0)
            {
                errors.Add($"{name}: '{item}' must be CATEGORY or CATEGORY=MIN_CASES (e.g. jailbreak=20).");
                continue;
            }

            if (!seen.Add(category))
            {
                errors.Add($"{name}: category '{category}' is given twice.");
                continue;
            }

            required.Add(new RequiredCategory(category, minimum));
        }

        required.Sort((a, b) => string.CompareOrdinal(a.Category, b.Category));
        return required;
    }

    private static double ParseNumber(string? raw, double fallback, string name, string expected, Func<double, bool> valid, List<string> errors)
    {
        if (raw is null)
        {
            return fallback;
        }

        if (!TryNumber(raw, out double value))
        {
            string hint = raw.IndexOf(',') >= 0 ? " (use '.' as the decimal separator)" : "";
            errors.Add($"{name}: '{raw}' is not a number{hint}; expected {expected}.");
            return fallback;
        }

        if (!valid(value))
        {
            errors.Add($"{name}: {raw} is out of range; expected {expected}.");
            return fallback;
        }

        return value;
    }

    private static bool ParseBool(string? raw, bool fallback, string name, List<string> errors)
    {
        if (raw is null)
        {
            return fallback;
        }

        if (raw.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (raw.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        errors.Add($"{name}: '{raw}' is not allowed; allowed values are true, false.");
        return fallback;
    }

    private static T ParseChoice<T>(string? raw, T fallback, string name, (string Name, T Value)[] choices, List<string> errors)
    {
        if (raw is null)
        {
            return fallback;
        }

        var names = new List<string>();
        foreach ((string choice, T value) in choices)
        {
            if (choice.Equals(raw, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }

            names.Add(choice);
        }

        errors.Add($"{name}: '{raw}' is not allowed; allowed values are {string.Join(", ", names)}.");
        return fallback;
    }

    private static bool TrySplitPair(string item, out string key, out string value)
    {
        int eq = item.IndexOf('=');
        if (eq <= 0 || eq == item.Length - 1)
        {
            key = item.Trim();
            value = "";
            return false;
        }

        key = item.Substring(0, eq).Trim();
        value = item.Substring(eq + 1).Trim();
        return key.Length > 0 && value.Length > 0;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value);
}
