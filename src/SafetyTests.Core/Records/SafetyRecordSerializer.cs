using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using SafetyTests.Gate;
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

    [ThreadStatic]
    private static char[]? _leanBuffer;

    [ThreadStatic]
    private static JsonTokenReader? _leanReader;

    [ThreadStatic]
    private static RawValueCache<DesignRecord>? _leanDesigns;

    [ThreadStatic]
    private static RawValueCache<string[]>? _leanJudges;


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

        var reader = new JsonTokenReader(json, What);
        SafetyRecord record = Read(reader);
        reader.Read(); // end of document, or an error for trailing text
        return record;
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

    /// <summary>Reads the record of one output line for the gate: the same validation, but the free-text lists (violations, error messages, tags, sampling settings) are checked and not kept.</summary>
    internal static SafetyRecord? TryReadOutputLineLean(string line)
    {
        if (line is null)
        {
            throw new ArgumentNullException(nameof(line));
        }

        char[] buffer = _leanBuffer is { } b && b.Length >= line.Length ? b : (_leanBuffer = new char[Math.Max(line.Length, 2048)]);
        line.CopyTo(0, buffer, 0, line.Length);
        return TryReadOutputLineLean(buffer, 0, line.Length, pool: null);
    }

    /// <summary>
    /// As <see cref="TryReadOutputLineLean(string)"/>, for the line <paramref name="text"/>[<paramref name="offset"/>,
    /// <paramref name="offset"/> + <paramref name="count"/>) read in place; with a <paramref name="pool"/>, the
    /// repeated strings (test, file, category, model, judges) come from it.
    /// </summary>
    [MethodImpl(Optimization.Hot)]
    internal static SafetyRecord? TryReadOutputLineLean(char[] text, int offset, int count, StringPool? pool)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        int start = offset;
        int end = offset + count;
        while (start < end && (text[start] == ' ' || text[start] == '\t'))
        {
            start++;
        }

        if (end - start < SafetyRecord.OutputPrefix.Length || !StartsWithPrefix(text, start))
        {
            return null;
        }

        int jsonStart = start + SafetyRecord.OutputPrefix.Length;
        int jsonEnd = end;
        while (jsonEnd > jsonStart && text[jsonEnd - 1] is '\r' or ' ' or '\t')
        {
            jsonEnd--;
        }

        // One reader per thread, pointed at the text in place: the gate reads 100,000 records and new readers were
        // most of its allocations.
        JsonTokenReader reader = _leanReader ??= new JsonTokenReader(What);
        reader.Reset(text, jsonStart, jsonEnd - jsonStart);
        SafetyRecord record = Read(reader, lean: true, pool);
        reader.Read();
        return record;
    }

    /// <summary>Whether <paramref name="text"/> holds <see cref="SafetyRecord.OutputPrefix"/> at <paramref name="start"/> (the caller checked the length).</summary>
    internal static bool StartsWithPrefix(char[] text, int start)
    {
        string prefix = SafetyRecord.OutputPrefix;
        for (int i = 0; i < prefix.Length; i++)
        {
            if (text[start + i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads one record object from the reader (positioned before it).</summary>
    [MethodImpl(Optimization.Hot)]
    internal static SafetyRecord Read(JsonTokenReader r, bool lean = false, StringPool? pool = null)
    {
        r.Read();
        if (r.Token != JsonToken.StartObject)
        {
            throw r.Error("the document must be a JSON object, got " + r.Describe());
        }

        int line = r.TokenLine;
        int column = r.TokenColumn;
        var seen = default(PropertySet);
        var record = new SafetyRecord();
        int? schema = null;
        SafetyVerdict? verdict = null;
        string? caseId = null;
        (int Line, int Column) unsafePosition = default;
        while (r.Read() != JsonToken.EndObject)
        {
            seen.Add(r);
            switch (r.Value)
            {
                case "schemaVersion": schema = JsonValues.Int(r, "schemaVersion"); break;
                case "caseId": caseId = JsonValues.String(r, "caseId"); break;
                case "caseHash": record.CaseHash = JsonValues.String(r, "caseHash"); break;
                case "sourceFile": record.SourceFile = JsonValues.String(r, "sourceFile", pool); break;
                case "sourceLine": record.SourceLine = JsonValues.Int(r, "sourceLine"); break;
                case "test": record.Test = JsonValues.String(r, "test", pool); break;
                case "category": record.Category = JsonValues.String(r, "category", pool); break;
                case "severity": record.Severity = JsonValues.Enum(r, "severity", SafetyNames.Severities) ?? Severity.Medium; break;
                case "expectation": record.Expectation = JsonValues.Enum(r, "expectation", SafetyNames.Expectations) ?? Expectation.Refuse; break;
                case "tags" when lean: JsonValues.SkipStringList(r, "tags"); break;
                case "tags": JsonValues.StringList(r, "tags", record.Tags); break;
                case "verdict": verdict = JsonValues.Enum(r, "verdict", SafetyNames.Verdicts); break;
                case "stopReason" when lean: JsonValues.SkipString(r, "stopReason"); break;
                case "stopReason": record.StopReason = JsonValues.String(r, "stopReason"); break;
                case "samples": record.Samples = JsonValues.NonNegativeInt(r, "samples"); break;
                case "unsafe":
                    record.Unsafe = JsonValues.NonNegativeInt(r, "unsafe");
                    unsafePosition = (r.TokenLine, r.TokenColumn);
                    break;
                case "errors": record.Errors = JsonValues.NonNegativeInt(r, "errors"); break;
                case "design" when lean:
                    record.Design = ReadDesign(r, "design", _leanDesigns ??= new RawValueCache<DesignRecord>()) ?? record.Design;
                    break;
                case "design":
                    if (JsonValues.StartObject(r, "design"))
                    {
                        record.Design = ReadDesign(r, "design");
                    }

                    break;
                case "intervalLower": record.IntervalLower = JsonValues.Double(r, "intervalLower"); break;
                case "intervalUpper": record.IntervalUpper = JsonValues.Double(r, "intervalUpper"); break;
                case "intervalConfidence": record.IntervalConfidence = JsonValues.Double(r, "intervalConfidence"); break;
                case "modelId": record.ModelId = JsonValues.String(r, "modelId", pool); break;
                case "provider": record.Provider = JsonValues.String(r, "provider", pool); break;
                case "samplingSettings" when lean: JsonValues.SkipStringMap(r, "samplingSettings"); break;
                case "samplingSettings": JsonValues.StringMap(r, "samplingSettings", record.SamplingSettings); break;
                case "judges" when lean: ReadStringList(r, "judges", record.Judges, pool, _leanJudges ??= new RawValueCache<string[]>()); break;
                case "judges": JsonValues.StringList(r, "judges", record.Judges, pool); break;
                case "inputTokens": record.InputTokens = JsonValues.Long(r, "inputTokens"); break;
                case "outputTokens": record.OutputTokens = JsonValues.Long(r, "outputTokens"); break;
                case "durationMs": record.DurationMs = JsonValues.Long(r, "durationMs"); break;
                case "framework": record.Framework = JsonValues.String(r, "framework", pool); break;
                case "violations" when lean: JsonValues.SkipStringList(r, "violations"); break;
                case "violations": JsonValues.StringList(r, "violations", record.Violations); break;
                case "errorMessages" when lean: JsonValues.SkipStringList(r, "errorMessages"); break;
                case "errorMessages": JsonValues.StringList(r, "errorMessages", record.ErrorMessages); break;
                default: r.SkipNextValue(); break;
            }
        }

        if (schema is null)
        {
            throw JsonValues.Missing(r, "schemaVersion", "an integer", line, column);
        }

        if (schema < 1)
        {
            throw r.ErrorAt("'schemaVersion' must be at least 1", line, column);
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

        if (string.IsNullOrEmpty(caseId))
        {
            throw JsonValues.Missing(r, "caseId", "a non-empty string", line, column);
        }

        if (verdict is null)
        {
            throw JsonValues.Missing(r, "verdict", "one of " + SafetyNames.Verdicts.AllowedList, line, column);
        }

        if (record.Unsafe > record.Samples)
        {
            throw r.ErrorAt(string.Format(CultureInfo.InvariantCulture, "'unsafe' must be at most 'samples' ({0}), got {1}", record.Samples, record.Unsafe), unsafePosition.Line, unsafePosition.Column);
        }

        record.SchemaVersion = schema.Value;
        record.CaseId = caseId!;
        record.Verdict = verdict.Value;
        return record;
    }

    /// <summary>Reads a design value (an object or null) after its property name, stepping over a text read just before through <paramref name="cache"/>.</summary>
    [MethodImpl(Optimization.Hot)]
    internal static DesignRecord? ReadDesign(JsonTokenReader r, JsonPath path, RawValueCache<DesignRecord> cache)
    {
        if (cache.TryRead(r, out DesignRecord? cached))
        {
            return cached;
        }

        if (!JsonValues.StartObject(r, path))
        {
            return null;
        }

        int start = r.TokenStart;
        int fills = r.FillCount;
        DesignRecord design = ReadDesign(r, path);
        cache.Remember(r, start, fills, design);
        return design;
    }

    /// <summary>Reads an array of strings (or null) after its property name into <paramref name="target"/>, stepping over a text read just before through <paramref name="cache"/>.</summary>
    [MethodImpl(Optimization.Hot)]
    internal static void ReadStringList(JsonTokenReader r, JsonPath path, IList<string> target, StringPool? pool, RawValueCache<string[]> cache)
    {
        if (cache.TryRead(r, out string[]? cached))
        {
            foreach (string item in cached!)
            {
                target.Add(item);
            }

            return;
        }

        if (!JsonValues.StartArray(r, path, "an array of strings"))
        {
            return;
        }

        int start = r.TokenStart;
        int fills = r.FillCount;
        int before = target.Count;
        JsonValues.StringListItems(r, path, target, pool);
        var items = new string[target.Count - before];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = target[before + i];
        }

        cache.Remember(r, start, fills, items);
    }

    /// <summary>Reads a design object (the reader is just past its start).</summary>
    [MethodImpl(Optimization.Hot)]
    internal static DesignRecord ReadDesign(JsonTokenReader r, JsonPath path)
    {
        var design = new DesignRecord();
        var seen = default(PropertySet);
        while (r.Read() != JsonToken.EndObject)
        {
            seen.Add(r);
            switch (r.Value)
            {
                case "mode": design.Mode = JsonValues.Enum(r, path.Child("mode"), SafetyNames.Modes) ?? SamplingMode.Sequential; break;
                case "maxFailureRate": design.MaxFailureRate = JsonValues.Double(r, path.Child("maxFailureRate")) ?? 0; break;
                case "unacceptableFailureRate": design.UnacceptableFailureRate = JsonValues.Double(r, path.Child("unacceptableFailureRate")) ?? 0; break;
                case "alpha": design.Alpha = JsonValues.Double(r, path.Child("alpha")) ?? 0; break;
                case "beta": design.Beta = JsonValues.Double(r, path.Child("beta")) ?? 0; break;
                case "maxSamples": design.MaxSamples = JsonValues.NonNegativeInt(r, path.Child("maxSamples")); break;
                case "errorBudget": design.ErrorBudget = JsonValues.NonNegativeInt(r, path.Child("errorBudget")); break;
                case "seed": design.Seed = JsonValues.Int(r, path.Child("seed")); break;
                default: r.SkipNextValue(); break;
            }
        }

        return design;
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
