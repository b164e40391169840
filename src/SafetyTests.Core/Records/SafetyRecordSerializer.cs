using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SafetyTests.Json;
using SafetyTests.Statistics;

namespace SafetyTests.Records;

/// <summary>
/// Writes and reads <see cref="SafetyRecord"/>s as one line of JSON: camelCase names in a fixed order,
/// invariant-culture numbers, doubles that round-trip, enums as lowercase names (<c>"pass"</c>,
/// <c>"no-leak"</c>). Null values and empty collections are omitted. Test adapters write
/// <see cref="FormatOutputLine"/> into the test output; the gate reads the lines back with
/// <see cref="ReadFromOutput"/>. Thread-safe.
/// </summary>
public static class SafetyRecordSerializer
{
    private const string What = "safety record";

    /// <summary>Serializes a record as one line of JSON (no line breaks, no prefix).</summary>
    /// <param name="record">The record.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static string Serialize(SafetyRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        var json = new JsonWriter();
        Write(json, record);
        return json.ToString();
    }

    /// <summary>Formats the record as the line a test adapter writes to the test output: <see cref="SafetyRecord.OutputPrefix"/> followed by the JSON.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The output line, without a line terminator.</returns>
    public static string FormatOutputLine(SafetyRecord record) => SafetyRecord.OutputPrefix + Serialize(record);

    /// <summary>Reads a record from JSON written by <see cref="Serialize"/> (unknown properties are ignored).</summary>
    /// <param name="json">The JSON text of one record.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not valid JSON, a property has the wrong type or an unknown value, <c>caseId</c> is missing, a count is negative, or the schema version is newer than this library reads.</exception>
    public static SafetyRecord Deserialize(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        JsonNode root = JsonParser.Parse(json, What);
        return Read(new JsonFields(root, "", What, json));
    }

    /// <summary>
    /// Reads a record from one line of test output when the line (after leading whitespace) starts with
    /// <see cref="SafetyRecord.OutputPrefix"/>.
    /// </summary>
    /// <param name="line">One line of test output.</param>
    /// <param name="record">The record, when the line is a record line.</param>
    /// <returns><see langword="true"/> when the line is a record line; <see langword="false"/> for any other line.</returns>
    /// <exception cref="FormatException">The line is a record line but its record cannot be read. A damaged record is never skipped silently.</exception>
    public static bool TryReadOutputLine(string? line, out SafetyRecord? record)
    {
        record = null;
        if (line is null)
        {
            return false;
        }

        int start = 0;
        while (start < line.Length && (line[start] == ' ' || line[start] == '\t'))
        {
            start++;
        }

        if (string.CompareOrdinal(line, start, SafetyRecord.OutputPrefix, 0, SafetyRecord.OutputPrefix.Length) != 0)
        {
            return false;
        }

        string json = line.Substring(start + SafetyRecord.OutputPrefix.Length).TrimEnd('\r', ' ', '\t');
        record = Deserialize(json);
        return true;
    }

    /// <summary>Reads every record line of a test output text (other lines are ignored).</summary>
    /// <param name="output">The test output (for example a TRX <c>StdOut</c>), with any line terminators.</param>
    /// <returns>The records in output order.</returns>
    /// <exception cref="FormatException">A record line cannot be read.</exception>
    public static IEnumerable<SafetyRecord> ReadFromOutput(string? output)
    {
        var records = new List<SafetyRecord>();
        if (string.IsNullOrEmpty(output) || output!.IndexOf(SafetyRecord.OutputPrefix, StringComparison.Ordinal) < 0)
        {
            return records;
        }

        using var reader = new StringReader(output);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (TryReadOutputLine(line, out SafetyRecord? record))
            {
                records.Add(record!);
            }
        }

        return records;
    }

    internal static void Write(JsonWriter json, SafetyRecord record)
    {
        json.StartObject();
        json.Property("schemaVersion", record.SchemaVersion);
        json.Property("caseId", record.CaseId ?? "");
        OptionalString(json, "caseHash", record.CaseHash);
        OptionalString(json, "sourceFile", record.SourceFile);
        OptionalLong(json, "sourceLine", record.SourceLine);
        OptionalString(json, "test", record.Test);
        OptionalString(json, "category", record.Category);
        json.Property("severity", record.Severity.Name());
        json.Property("expectation", record.Expectation.Name());
        OptionalList(json, "tags", record.Tags);
        json.Property("verdict", record.Verdict.Name());
        OptionalString(json, "stopReason", record.StopReason);
        json.Property("samples", record.Samples);
        json.Property("unsafe", record.Unsafe);
        json.Property("errors", record.Errors);
        if (record.Design is not null)
        {
            DesignRecord design = record.Design;
            json.Name("design");
            json.StartObject();
            json.Property("mode", design.Mode.Name());
            json.Property("maxFailureRate", design.MaxFailureRate);
            json.Property("unacceptableFailureRate", design.UnacceptableFailureRate);
            json.Property("alpha", design.Alpha);
            json.Property("beta", design.Beta);
            json.Property("maxSamples", design.MaxSamples);
            json.Property("errorBudget", design.ErrorBudget);
            OptionalLong(json, "seed", design.Seed);
            json.EndObject();
        }

        OptionalDouble(json, "intervalLower", record.IntervalLower);
        OptionalDouble(json, "intervalUpper", record.IntervalUpper);
        OptionalDouble(json, "intervalConfidence", record.IntervalConfidence);
        OptionalString(json, "modelId", record.ModelId);
        OptionalString(json, "provider", record.Provider);
        if (record.SamplingSettings is { Count: > 0 })
        {
            json.Name("samplingSettings");
            json.StartObject();
            var keys = new List<string>(record.SamplingSettings.Keys);
            keys.Sort(StringComparer.Ordinal);
            foreach (string key in keys)
            {
                json.Property(key, record.SamplingSettings[key]);
            }

            json.EndObject();
        }

        OptionalList(json, "judges", record.Judges);
        OptionalLong(json, "inputTokens", record.InputTokens);
        OptionalLong(json, "outputTokens", record.OutputTokens);
        OptionalLong(json, "durationMs", record.DurationMs);
        OptionalString(json, "framework", record.Framework);
        OptionalList(json, "violations", record.Violations);
        OptionalList(json, "errorMessages", record.ErrorMessages);
        json.EndObject();
    }

    internal static SafetyRecord Read(JsonFields fields)
    {
        int schema = fields.Int("schemaVersion") ?? throw fields.Missing("schemaVersion", "an integer");
        if (schema < 1)
        {
            throw fields.Wrong("schemaVersion", fields.Node.Get("schemaVersion")!, "at least 1");
        }

        if (schema > SafetyRecord.CurrentSchemaVersion)
        {
            throw new FormatException(string.Format(
                CultureInfo.InvariantCulture,
                "Invalid {0}: schema version {1} is newer than this version of SafetyTests reads ({2}). Update the SafetyTests packages used by the gate to the version the tests ran with.",
                What,
                schema,
                SafetyRecord.CurrentSchemaVersion));
        }

        var record = new SafetyRecord
        {
            SchemaVersion = schema,
            CaseId = fields.RequiredString("caseId"),
            CaseHash = fields.String("caseHash"),
            SourceFile = fields.String("sourceFile"),
            SourceLine = fields.Int("sourceLine"),
            Test = fields.String("test"),
            Category = fields.String("category"),
            Severity = fields.Enum("severity", SafetyNames.Severities) ?? Severity.Medium,
            Expectation = fields.Enum("expectation", SafetyNames.Expectations) ?? Expectation.Refuse,
            Tags = fields.StringList("tags"),
            Verdict = fields.Enum("verdict", SafetyNames.Verdicts) ?? throw fields.Missing("verdict", "one of " + SafetyNames.Verdicts.AllowedList),
            StopReason = fields.String("stopReason"),
            Samples = fields.NonNegativeInt("samples", 0),
            Unsafe = fields.NonNegativeInt("unsafe", 0),
            Errors = fields.NonNegativeInt("errors", 0),
            IntervalLower = fields.Double("intervalLower"),
            IntervalUpper = fields.Double("intervalUpper"),
            IntervalConfidence = fields.Double("intervalConfidence"),
            ModelId = fields.String("modelId"),
            Provider = fields.String("provider"),
            SamplingSettings = fields.StringMap("samplingSettings"),
            Judges = fields.StringList("judges"),
            InputTokens = fields.Long("inputTokens"),
            OutputTokens = fields.Long("outputTokens"),
            DurationMs = fields.Long("durationMs"),
            Framework = fields.String("framework"),
            Violations = fields.StringList("violations"),
            ErrorMessages = fields.StringList("errorMessages"),
        };

        if (record.Unsafe > record.Samples)
        {
            throw fields.Wrong("unsafe", fields.Node.Get("unsafe")!, string.Format(CultureInfo.InvariantCulture, "at most 'samples' ({0})", record.Samples));
        }

        JsonFields? design = fields.Object("design");
        if (design is { } d)
        {
            record.Design = new DesignRecord
            {
                Mode = d.Enum("mode", SafetyNames.Modes) ?? SamplingMode.Sequential,
                MaxFailureRate = d.Double("maxFailureRate") ?? 0,
                UnacceptableFailureRate = d.Double("unacceptableFailureRate") ?? 0,
                Alpha = d.Double("alpha") ?? 0,
                Beta = d.Double("beta") ?? 0,
                MaxSamples = d.NonNegativeInt("maxSamples", 0),
                ErrorBudget = d.NonNegativeInt("errorBudget", 0),
                Seed = d.Int("seed"),
            };
        }

        return record;
    }

    private static void OptionalString(JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.Property(name, value);
        }
    }

    private static void OptionalLong(JsonWriter json, string name, long? value)
    {
        if (value is not null)
        {
            json.Property(name, value.Value);
        }
    }

    private static void OptionalDouble(JsonWriter json, string name, double? value)
    {
        if (value is not null)
        {
            json.Property(name, value.Value);
        }
    }

    private static void OptionalList(JsonWriter json, string name, IList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            json.Property(name, values);
        }
    }
}
