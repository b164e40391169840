using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using SafetyTests.Gate;
using SafetyTests.Json;
using SafetyTests.Records;

namespace SafetyTests.Baselines;

/// <summary>
/// Writes one case of a baseline as one compact JSON object, properties in a fixed order. Hand-written for speed
/// (100,000 cases per run); the designs and judge lists that cases share are serialized once.
/// </summary>
internal sealed class CaseLineWriter
{
    private readonly Dictionary<DesignRecord, string> _designs = new();
    private readonly Dictionary<IReadOnlyList<string>, string> _judges = new();

    [MethodImpl(Optimization.Hot)]
    public void Write(StringBuilder text, CaseResult c)
    {
        text.Append('{');
        if (c.Test is not null)
        {
            String(text, "test", c.Test).Append(',');
        }

        String(text, "caseId", c.CaseId);
        if (c.SourceFile is not null)
        {
            String(text.Append(','), "sourceFile", c.SourceFile);
        }

        if (c.CaseHash is not null)
        {
            String(text.Append(','), "caseHash", c.CaseHash);
        }

        if (c.Category is not null)
        {
            String(text.Append(','), "category", c.Category);
        }

        text.Append(",\"severity\":\"").Append(c.Severity.Name())
            .Append("\",\"expectation\":\"").Append(c.Expectation.Name())
            .Append("\",\"verdict\":\"").Append(c.Verdict.Name())
            .Append("\",\"samples\":").Append(c.Samples)
            .Append(",\"unsafe\":").Append(c.Unsafe)
            .Append(",\"errors\":").Append(c.Errors);
        if (c.ModelId is not null)
        {
            String(text.Append(','), "modelId", c.ModelId);
        }

        if (c.Provider is not null)
        {
            String(text.Append(','), "provider", c.Provider);
        }

        if (c.Judges.Count > 0)
        {
            if (!_judges.TryGetValue(c.Judges, out string? judges))
            {
                var json = new JsonWriter();
                json.StartArray();
                foreach (string judge in c.Judges)
                {
                    json.String(judge);
                }

                json.EndArray();
                judges = json.ToString();
                _judges.Add(c.Judges, judges);
            }

            text.Append(",\"judges\":").Append(judges);
        }

        if (c.Design is DesignRecord d)
        {
            if (!_designs.TryGetValue(d, out string? design))
            {
                var json = new JsonWriter();
                json.StartObject();
                json.Property("mode", d.Mode.Name());
                json.Property("maxFailureRate", d.MaxFailureRate);
                json.Property("unacceptableFailureRate", d.UnacceptableFailureRate);
                json.Property("alpha", d.Alpha);
                json.Property("beta", d.Beta);
                json.Property("maxSamples", d.MaxSamples);
                json.Property("errorBudget", d.ErrorBudget);
                json.EndObject();
                design = json.ToString();
                _designs.Add(d, design);
            }

            text.Append(",\"design\":").Append(design);
        }

        text.Append('}');
    }

    private static StringBuilder String(StringBuilder text, string name, string value)
    {
        text.Append('"').Append(name).Append("\":");
        JsonWriter.WriteString(text, value);
        return text;
    }
}
