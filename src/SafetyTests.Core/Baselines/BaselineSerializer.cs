using System;
using System.Collections.Generic;
using System.Globalization;
using SafetyTests.Gate;
using SafetyTests.Json;
using SafetyTests.Metrics;
using SafetyTests.Records;
using SafetyTests.Statistics;

namespace SafetyTests.Baselines;

/// <summary>
/// Writes and reads baseline files: indented JSON with <c>\n</c> line ends, cases sorted by identity, properties in a
/// fixed order, no timestamps, and no source lines (moving a case inside its file must not change the baseline),
/// so the diff of a baseline in review shows exactly what changed.
/// </summary>
internal static class BaselineSerializer
{
    public static string Serialize(Baseline baseline)
    {
        var cases = new List<CaseResult>(baseline.Cases);
        cases.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

        var json = new JsonWriter(indented: true);
        json.StartObject();
        json.Property("schema", Baseline.SchemaName);
        json.Property("schemaVersion", baseline.SchemaVersion);
        json.Name("settings");
        json.StartObject();
        json.Name("severityWeights");
        json.StartObject();
        foreach (Severity severity in new[] { Severity.Low, Severity.Medium, Severity.High, Severity.Critical })
        {
            json.Property(severity.Name(), baseline.Weights[severity]);
        }

        json.EndObject();
        json.Property("countInconclusive", baseline.Policy.CountInconclusive);
        json.Property("countErrors", baseline.Policy.CountErrors);
        json.EndObject();

        json.Name("provenance");
        json.StartObject();
        json.Property("models", Distinct(cases, c => Model(c)));
        var judges = new SortedSet<string>(StringComparer.Ordinal);
        foreach (CaseResult c in cases)
        {
            judges.UnionWith(c.Judges);
        }

        json.Property("judges", judges);
        json.EndObject();

        json.Name("slices");
        json.StartArray();
        foreach (SliceMetrics slice in MetricsCalculator.Compute(cases, baseline.Weights, baseline.Policy).Values)
        {
            json.StartObject();
            json.Property("slice", slice.Slice.Name);
            if (slice.Slice.MetricName is string metric)
            {
                json.Property("metric", metric);
            }

            json.Property("cases", slice.Cases);
            json.Property("samples", slice.Samples);
            json.Property("passing", slice.Passing);
            json.Property("failing", slice.Failing);
            json.Property("inconclusive", slice.Inconclusive);
            json.Property("errored", slice.Errored);
            WriteRounded(json, "failureRate", slice.Rate);
            WriteRounded(json, "standardError", slice.StandardError);
            WriteRounded(json, "lower", slice.Lower);
            WriteRounded(json, "upper", slice.Upper);
            json.EndObject();
        }

        json.EndArray();

        json.Name("cases");
        json.StartArray();
        foreach (CaseResult c in cases)
        {
            json.StartObject();
            if (c.Test is not null)
            {
                json.Property("test", c.Test);
            }

            json.Property("caseId", c.CaseId);
            if (c.SourceFile is not null)
            {
                json.Property("sourceFile", c.SourceFile);
            }

            if (c.CaseHash is not null)
            {
                json.Property("caseHash", c.CaseHash);
            }

            if (c.Category is not null)
            {
                json.Property("category", c.Category);
            }

            json.Property("severity", c.Severity.Name());
            json.Property("expectation", c.Expectation.Name());
            json.Property("verdict", c.Verdict.Name());
            json.Property("samples", c.Samples);
            json.Property("unsafe", c.Unsafe);
            json.Property("errors", c.Errors);
            if (c.ModelId is not null)
            {
                json.Property("modelId", c.ModelId);
            }

            if (c.Provider is not null)
            {
                json.Property("provider", c.Provider);
            }

            if (c.Judges.Count > 0)
            {
                json.Property("judges", c.Judges);
            }

            if (c.Design is DesignRecord d)
            {
                json.Name("design");
                json.StartObject();
                json.Property("mode", d.Mode.Name());
                json.Property("maxFailureRate", d.MaxFailureRate);
                json.Property("unacceptableFailureRate", d.UnacceptableFailureRate);
                json.Property("alpha", d.Alpha);
                json.Property("beta", d.Beta);
                json.Property("maxSamples", d.MaxSamples);
                json.Property("errorBudget", d.ErrorBudget);
                json.EndObject();
            }

            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
        return json.ToString() + "\n";
    }

    /// <summary>Reads a baseline file's text.</summary>
    /// <exception cref="FormatException">The text is not valid JSON, not a SafetyTests baseline, from a newer version, or has an invalid or duplicate case.</exception>
    public static Baseline Deserialize(string text, string path)
    {
        string what = "baseline file " + path;
        JsonNode root = JsonParser.Parse(text, what);
        var fields = new JsonFields(root, "", what, text);
        string? schema = fields.String("schema");
        if (!string.Equals(schema, Baseline.SchemaName, StringComparison.Ordinal))
        {
            throw new FormatException($"Invalid {what}: it is not a SafetyTests baseline (expected \"schema\": \"{Baseline.SchemaName}\", found {(schema is null ? "none" : "\"" + schema + "\"")}). Point SafetyBaseline / --baseline at the file written by 'safety baseline accept', or delete it and accept a new baseline.");
        }

        int version = fields.RequiredInt("schemaVersion");
        if (version < 1 || version > Baseline.CurrentSchemaVersion)
        {
            throw new FormatException(string.Format(
                CultureInfo.InvariantCulture,
                "Invalid {0}: schema version {1} is not supported (this version of SafetyTests reads version {2}). Update the SafetyTests packages, or accept a new baseline.",
                what,
                version,
                Baseline.CurrentSchemaVersion));
        }

        SeverityWeights weights = SeverityWeights.Default;
        CountingPolicy policy = CountingPolicy.Strict;
        if (fields.Object("settings") is { } settings)
        {
            if (settings.Object("severityWeights") is { } w)
            {
                weights = new SeverityWeights(
                    Weight(w, "low", 1),
                    Weight(w, "medium", 2),
                    Weight(w, "high", 4),
                    Weight(w, "critical", 8));
            }

            policy = new CountingPolicy(settings.Bool("countInconclusive") ?? true, settings.Bool("countErrors") ?? true);
        }

        var pool = new StringPool();
        var cases = new List<CaseResult>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        List<JsonNode> items = fields.Array("cases");
        for (int i = 0; i < items.Count; i++)
        {
            JsonFields c = fields.Item(items[i], "cases", i);
            List<string> judges = c.StringList("judges");
            for (int j = 0; j < judges.Count; j++)
            {
                judges[j] = pool.Get(judges[j]);
            }

            judges.Sort(StringComparer.Ordinal);
            var result = new CaseResult
            {
                Test = pool.GetOrNull(c.String("test")),
                CaseId = c.RequiredString("caseId"),
                SourceFile = pool.GetOrNull(c.String("sourceFile")),
                CaseHash = c.String("caseHash"),
                Category = pool.GetOrNull(c.String("category")),
                Severity = c.Enum("severity", SafetyNames.Severities) ?? Severity.Medium,
                Expectation = c.Enum("expectation", SafetyNames.Expectations) ?? Expectation.Refuse,
                Verdict = c.Enum("verdict", SafetyNames.Verdicts) ?? throw c.Missing("verdict", "one of " + SafetyNames.Verdicts.AllowedList),
                Samples = c.NonNegativeInt("samples", 0),
                Unsafe = c.NonNegativeInt("unsafe", 0),
                Errors = c.NonNegativeInt("errors", 0),
                ModelId = pool.GetOrNull(c.String("modelId")),
                Provider = pool.GetOrNull(c.String("provider")),
                Judges = judges,
                Design = c.Object("design") is { } d
                    ? new DesignRecord
                    {
                        Mode = d.Enum("mode", SafetyNames.Modes) ?? SamplingMode.Sequential,
                        MaxFailureRate = d.Double("maxFailureRate") ?? 0,
                        UnacceptableFailureRate = d.Double("unacceptableFailureRate") ?? 0,
                        Alpha = d.Double("alpha") ?? 0,
                        Beta = d.Double("beta") ?? 0,
                        MaxSamples = d.NonNegativeInt("maxSamples", 0),
                        ErrorBudget = d.NonNegativeInt("errorBudget", 0),
                    }
                    : null,
                Origin = path,
            };

            if (result.Unsafe > result.Samples)
            {
                throw c.Wrong("unsafe", items[i].Get("unsafe")!, string.Format(CultureInfo.InvariantCulture, "at most 'samples' ({0})", result.Samples));
            }

            if (!keys.Add(result.Key))
            {
                throw new FormatException($"Invalid {what}: case {result.DisplayName} appears twice (cases[{i.ToString(CultureInfo.InvariantCulture)}]). Accept a new baseline to rewrite the file.");
            }

            cases.Add(result);
        }

        return new Baseline { SchemaVersion = version, Weights = weights, Policy = policy, Cases = cases };
    }

    private static double Weight(JsonFields w, string name, double fallback)
    {
        double value = w.Double(name) ?? fallback;
        return value > 0 && !double.IsInfinity(value)
            ? value
            : throw w.Wrong(name, w.Node.Get(name)!, "a positive number");
    }

    private static string Model(CaseResult c) =>
        c.Provider is null ? c.ModelId ?? "(unknown)" : c.Provider + "/" + (c.ModelId ?? "(unknown)");

    private static SortedSet<string> Distinct(IEnumerable<CaseResult> cases, Func<CaseResult, string> select)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (CaseResult c in cases)
        {
            set.Add(select(c));
        }

        return set;
    }

    private static void WriteRounded(JsonWriter json, string name, double? value)
    {
        if (value is double v)
        {
            json.Property(name, Math.Round(v, 6, MidpointRounding.AwayFromZero));
        }
    }
}
