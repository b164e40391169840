using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using SafetyTests.Gate;
using SafetyTests.Json;
using SafetyTests.Metrics;
using SafetyTests.Records;

namespace SafetyTests.Baselines;

/// <summary>
/// Writes and reads baseline files. The file is indented JSON with <c>\n</c> line ends; each case is one compact
/// line with its properties in a fixed order, and the cases are sorted by identity, so a change to a case is a
/// one-line diff in review. No timestamps, no source lines (moving a case inside its file must not change the
/// baseline). Reading streams: a 100,000-case baseline never becomes one string or a tree in memory.
/// </summary>
internal static class BaselineSerializer
{
    public static string Serialize(Baseline baseline)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Serialize(baseline, text);
        return text.ToString();
    }

    [MethodImpl(Optimization.Hot)]
    public static void Serialize(Baseline baseline, TextWriter output)
    {
        List<CaseResult> cases = GateEvaluator.Sorted(baseline.Cases);

        var json = new JsonWriter(indented: true, sink: output);
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
        var models = new SortedSet<string>(StringComparer.Ordinal);
        var judges = new SortedSet<string>(StringComparer.Ordinal);
        (string? Provider, string? Model) lastModel = (null, null);
        IReadOnlyList<string>? lastJudges = null;
        bool first = true;
        foreach (CaseResult c in cases)
        {
            // Runs of cases share their model and judge list (pooled): each distinct one is added once per run.
            if (first || !ReferenceEquals(c.Provider, lastModel.Provider) || !ReferenceEquals(c.ModelId, lastModel.Model))
            {
                models.Add(c.Provider is null ? c.ModelId ?? "(unknown)" : c.Provider + "/" + (c.ModelId ?? "(unknown)"));
                lastModel = (c.Provider, c.ModelId);
            }

            if (first || !ReferenceEquals(c.Judges, lastJudges))
            {
                judges.UnionWith(c.Judges);
                lastJudges = c.Judges;
            }

            first = false;
        }

        json.Property("models", models);
        json.Property("judges", judges);
        json.EndObject();

        json.Name("slices");
        json.StartArray();
        foreach (SliceMetrics slice in (baseline.Slices ?? MetricsCalculator.Compute(cases, baseline.Weights, baseline.Policy)).Values)
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
        var lines = new CaseLineWriter();
        foreach (CaseResult c in cases)
        {
            lines.Write(json.RawValue(), c);
            json.FlushIfLarge();
        }

        json.EndArray();
        json.EndObject();
        json.Flush();
        output.Write('\n');
    }

    public static Baseline Deserialize(string text, string path) => Read(new JsonTokenReader(text, "baseline file " + path), path, null);

    /// <summary>Reads a baseline file's text.</summary>
    /// <exception cref="FormatException">The text is not valid JSON, not a SafetyTests baseline, from a newer version, or has an invalid or duplicate case.</exception>
    public static Baseline Deserialize(TextReader text, string path, StringPool? shared = null) => Read(new JsonTokenReader(text, "baseline file " + path), path, shared);

    private static Baseline Read(JsonTokenReader r, string path, StringPool? shared)
    {
        r.Read();
        if (r.Token != JsonToken.StartObject)
        {
            throw r.Error("the document must be a JSON object, got " + r.Describe());
        }

        int line = r.TokenLine;
        int column = r.TokenColumn;
        string? schema = null;
        int? version = null;
        SeverityWeights weights = SeverityWeights.Default;
        CountingPolicy policy = CountingPolicy.Strict;
        var cases = new List<CaseResult>();
        var seen = default(PropertySet);
        while (r.Read() != JsonToken.EndObject)
        {
            seen.Add(r);
            switch (r.Value)
            {
                case "schema":
                    schema = JsonValues.String(r, "schema");
                    CheckSchema(r, schema, path);
                    break;
                case "schemaVersion":
                    version = JsonValues.Int(r, "schemaVersion");
                    CheckVersion(r, version, path);
                    break;
                case "settings":
                    if (JsonValues.StartObject(r, "settings"))
                    {
                        (weights, policy) = ReadSettings(r);
                    }

                    break;
                case "cases":
                    CheckSchema(r, schema, path);
                    if (JsonValues.StartArray(r, "cases"))
                    {
                        ReadCases(r, path, cases, shared);
                    }

                    break;
                default:
                    r.SkipNextValue();
                    break;
            }
        }

        r.Read();
        CheckSchema(r, schema, path);
        if (version is null)
        {
            throw JsonValues.Missing(r, "schemaVersion", "an integer", line, column);
        }

        return new Baseline { SchemaVersion = version.Value, Weights = weights, Policy = policy, Cases = cases };
    }

    private static void CheckSchema(JsonTokenReader r, string? schema, string path)
    {
        if (!string.Equals(schema, Baseline.SchemaName, StringComparison.Ordinal))
        {
            throw new FormatException($"Invalid baseline file {path}: it is not a SafetyTests baseline (expected \"schema\": \"{Baseline.SchemaName}\" first, found {(schema is null ? "none" : "\"" + schema + "\"")}). Point SafetyBaseline / --baseline at the file written by the gate, or delete it and accept a new baseline.");
        }
    }

    private static void CheckVersion(JsonTokenReader r, int? version, string path)
    {
        if (version is null || version < 1 || version > Baseline.CurrentSchemaVersion)
        {
            throw new FormatException(string.Format(
                CultureInfo.InvariantCulture,
                "Invalid baseline file {0}: schema version {1} is not supported (this version of SafetyTests reads version {2}). Update the SafetyTests packages, or accept a new baseline.",
                path,
                version?.ToString(CultureInfo.InvariantCulture) ?? "null",
                Baseline.CurrentSchemaVersion));
        }
    }

    private static (SeverityWeights Weights, CountingPolicy Policy) ReadSettings(JsonTokenReader r)
    {
        SeverityWeights weights = SeverityWeights.Default;
        bool countInconclusive = true;
        bool countErrors = true;
        var seen = default(PropertySet);
        while (r.Read() != JsonToken.EndObject)
        {
            seen.Add(r);
            switch (r.Value)
            {
                case "severityWeights":
                    if (JsonValues.StartObject(r, "settings.severityWeights"))
                    {
                        var names = default(PropertySet);
                        while (r.Read() != JsonToken.EndObject)
                        {
                            names.Add(r);
                            string name = r.Value!;
                            if (!SafetyNames.Severities.TryParse(name, out Severity severity))
                            {
                                r.SkipNextValue();
                                continue;
                            }

                            double w = JsonValues.Double(r, "settings.severityWeights." + name) ?? 0;
                            if (!(w > 0) || double.IsInfinity(w))
                            {
                                throw r.Error($"'settings.severityWeights.{name}' must be a positive number, got {r.Value}");
                            }

                            weights = weights.With(severity, w);
                        }
                    }

                    break;
                case "countInconclusive": countInconclusive = JsonValues.Bool(r, "settings.countInconclusive") ?? true; break;
                case "countErrors": countErrors = JsonValues.Bool(r, "settings.countErrors") ?? true; break;
                default: r.SkipNextValue(); break;
            }
        }

        return (weights, new CountingPolicy(countInconclusive, countErrors));
    }

    [MethodImpl(Optimization.Hot)]
    private static void ReadCases(JsonTokenReader r, string path, List<CaseResult> cases, StringPool? shared)
    {
        var pool = new StringPool(shared);
        HashSet<CaseKey>? keys = null;
        var seen = default(PropertySet);
        var judges = new List<string>();
        var judgeTexts = new RawValueCache<string[]>();
        var designTexts = new RawValueCache<DesignRecord>();
        int index = 0;
        while (r.Read() != JsonToken.EndArray)
        {
            JsonPath at = JsonPath.Element("cases", index);
            if (r.Token != JsonToken.StartObject)
            {
                throw JsonValues.Wrong(r, at, "an object");
            }

            int line = r.TokenLine;
            int column = r.TokenColumn;
            seen.Clear();
            judges.Clear();
            string? test = null, caseId = null, sourceFile = null, caseHash = null, category = null, modelId = null, provider = null;
            Severity severity = Severity.Medium;
            Expectation expectation = Expectation.Refuse;
            SafetyVerdict? verdict = null;
            int samples = 0, unsafeCount = 0, errors = 0;
            (int Line, int Column) unsafeAt = default;
            DesignRecord? design = null;
            while (r.Read() != JsonToken.EndObject)
            {
                seen.Add(r);
                switch (r.Value)
                {
                    case "test": test = JsonValues.String(r, at.Child("test"), pool); break;
                    case "caseId": caseId = JsonValues.String(r, at.Child("caseId")); break;
                    case "sourceFile": sourceFile = JsonValues.String(r, at.Child("sourceFile"), pool); break;
                    case "caseHash": caseHash = JsonValues.String(r, at.Child("caseHash")); break;
                    case "category": category = JsonValues.String(r, at.Child("category"), pool); break;
                    case "severity": severity = JsonValues.Enum(r, at.Child("severity"), SafetyNames.Severities) ?? Severity.Medium; break;
                    case "expectation": expectation = JsonValues.Enum(r, at.Child("expectation"), SafetyNames.Expectations) ?? Expectation.Refuse; break;
                    case "verdict": verdict = JsonValues.Enum(r, at.Child("verdict"), SafetyNames.Verdicts); break;
                    case "samples": samples = JsonValues.NonNegativeInt(r, at.Child("samples")); break;
                    case "unsafe":
                        unsafeCount = JsonValues.NonNegativeInt(r, at.Child("unsafe"));
                        unsafeAt = (r.TokenLine, r.TokenColumn);
                        break;
                    case "errors": errors = JsonValues.NonNegativeInt(r, at.Child("errors")); break;
                    case "modelId": modelId = JsonValues.String(r, at.Child("modelId"), pool); break;
                    case "provider": provider = JsonValues.String(r, at.Child("provider"), pool); break;
                    case "judges": SafetyRecordSerializer.ReadStringList(r, at.Child("judges"), judges, pool, judgeTexts); break;
                    case "design": design = pool.Design(SafetyRecordSerializer.ReadDesign(r, at.Child("design"), designTexts)); break;
                    default: r.SkipNextValue(); break;
                }
            }

            if (string.IsNullOrEmpty(caseId))
            {
                throw JsonValues.Missing(r, at.Child("caseId"), "a non-empty string", line, column);
            }

            if (verdict is null)
            {
                throw JsonValues.Missing(r, at.Child("verdict"), "one of " + SafetyNames.Verdicts.AllowedList, line, column);
            }

            if (unsafeCount > samples)
            {
                throw r.ErrorAt(string.Format(CultureInfo.InvariantCulture, "'{0}.unsafe' must be at most 'samples' ({1}), got {2}", at, samples, unsafeCount), unsafeAt.Line, unsafeAt.Column);
            }

            var result = new CaseResult
            {
                Test = test,
                CaseId = caseId!,
                SourceFile = sourceFile,
                CaseHash = caseHash,
                Category = category,
                Severity = severity,
                Expectation = expectation,
                Verdict = verdict.Value,
                Samples = samples,
                Unsafe = unsafeCount,
                Errors = errors,
                ModelId = modelId,
                Provider = provider,
                Judges = pool.Judges(judges),
                Design = design,
                Origin = path,
            };

            // A baseline is written sorted: then a repeat can only be the previous case; otherwise every key is hashed.
            CaseKey key = result.Key;
            if (keys is null && cases.Count > 0 && cases[cases.Count - 1].Key.CompareTo(key) >= 0)
            {
                keys = new HashSet<CaseKey>();
                foreach (CaseResult earlier in cases)
                {
                    keys.Add(earlier.Key);
                }
            }

            if (keys is not null && !keys.Add(key))
            {
                throw r.ErrorAt($"case {result.DisplayName} appears twice ({at}); accept a new baseline to rewrite the file", line, column);
            }

            cases.Add(result);
            index++;
        }
    }

    private static void WriteRounded(JsonWriter json, string name, double? value)
    {
        if (value is double v)
        {
            json.Property(name, Math.Round(v, 6, MidpointRounding.AwayFromZero));
        }
    }
}
