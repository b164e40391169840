using System.Linq;
using SafetyTests.Comparisons;
using SafetyTests.Json;
using SafetyTests.Metrics;
using SafetyTests.Records;

namespace SafetyTests.Gate;

/// <summary>The decision as JSON (<c>safety gate --format json</c>): verdict, inputs, settings, aggregate test, slice metrics, cases that moved, diagnostics.</summary>
internal static class DecisionJson
{
    public static string Render(GateDecision decision, int exitCode)
    {
        GateOptions options = decision.Options;
        var json = new JsonWriter(indented: true);
        json.StartObject();
        json.Property("passed", decision.Passed);
        json.Property("exitCode", exitCode);
        json.Property("errors", decision.ErrorCount);
        json.Property("warnings", decision.WarningCount);

        json.Name("input");
        json.StartObject();
        json.Property("files", decision.Files);
        json.Property("results", decision.Results);
        json.Property("resultsWithRecords", decision.ResultsWithRecords);
        json.Property("cases", decision.CandidateCases);
        json.EndObject();

        json.Name("baseline");
        json.StartObject();
        json.Property("path", options.BaselinePath);
        json.Property("exists", decision.HasBaseline);
        json.Property("cases", decision.BaselineCases);
        json.Property("accepted", decision.Accepted);
        json.Property("received", decision.ReceivedWritten);
        json.EndObject();

        json.Name("settings");
        json.StartObject();
        json.Property("alpha", options.Alpha);
        json.Property("tolerance", options.Tolerance);
        json.Name("severityWeights");
        json.StartObject();
        foreach (Severity s in new[] { Severity.Low, Severity.Medium, Severity.High, Severity.Critical })
        {
            json.Property(SafetyNames.Severities.Name(s), options.Weights[s]);
        }

        json.EndObject();
        json.Property("countInconclusive", options.Policy.CountInconclusive);
        json.Property("countErrors", options.Policy.CountErrors);
        json.Property("allowProvenanceChange", options.AllowProvenanceChange);
        json.Property("ceilingStatistic", options.CeilingStatistic == CeilingStatistic.Upper ? "upper" : "estimate");
        json.EndObject();

        if (decision.Aggregate is AggregateTest a)
        {
            json.Name("aggregate");
            json.StartObject();
            json.Property("method", a.Method);
            json.Property("regressed", a.Regressed);
            Number(json, "pValue", a.PValue);
            Number(json, "adjustedPValue", a.AdjustedPValue);
            json.Property("categoriesInFamily", a.CategoriesInFamily);
            Paired(json, a.Difference);

            json.Property("explanation", a.Explanation);
            json.EndObject();
        }

        json.Name("slices");
        json.StartArray();
        foreach (SliceComparison s in decision.Slices.Values)
        {
            json.StartObject();
            json.Property("slice", s.Slice.Name);
            if (s.Slice.MetricName is string metric)
            {
                json.Property("metric", metric);
            }

            Metrics(json, "baseline", s.Baseline);
            Metrics(json, "candidate", s.Candidate);
            if (s.Paired is PairedDifferenceResult p)
            {
                json.Name("difference");
                json.StartObject();
                Paired(json, p);
                json.EndObject();
            }

            if (s.AdjustedPValue is double adjusted)
            {
                json.Property("adjustedPValue", adjusted);
                json.Property("regressed", s.Regressed);
            }

            if (s.Ceiling is Ceiling c)
            {
                json.Name("ceiling");
                json.StartObject();
                json.Property("maximum", c.Maximum);
                json.Property("exceeded", s.CeilingExceeded);
                json.EndObject();
            }

            json.EndObject();
        }

        json.EndArray();

        json.Name("cases");
        json.StartObject();
        foreach (CaseStatus status in new[] { CaseStatus.New, CaseStatus.Regressed, CaseStatus.Worsened, CaseStatus.Improved, CaseStatus.Removed, CaseStatus.Changed, CaseStatus.Unchanged })
        {
            json.Property(status.ToString().ToLowerInvariant(), decision.CountStatus(status));
        }

        json.EndObject();

        json.Name("movedCases");
        json.StartArray();
        foreach (CaseComparison c in decision.Cases.Where(c => c.Status != CaseStatus.Unchanged).Take(1000))
        {
            json.StartObject();
            json.Property("caseId", c.Case.CaseId);
            json.Property("test", c.Case.Test);
            json.Property("sourceFile", c.Case.SourceFile);
            json.Property("status", c.Status.ToString().ToLowerInvariant());
            json.Property("severity", SafetyNames.Severities.Name(c.Case.Severity));
            json.Property("category", c.Case.Category);
            if (c.Baseline is CaseResult b)
            {
                Counts(json, "baseline", b);
            }

            if (c.Candidate is CaseResult k)
            {
                Counts(json, "candidate", k);
            }

            if (c.PValue is double pv)
            {
                Number(json, "pValue", pv);
            }

            if (c.AdjustedPValue is double ap)
            {
                Number(json, "adjustedPValue", ap);
                json.Property("correction", c.Correction);
            }

            json.EndObject();
        }

        json.EndArray();

        json.Name("diagnostics");
        json.StartArray();
        foreach (GateDiagnostic d in decision.Diagnostics)
        {
            json.StartObject();
            json.Property("code", d.Code);
            json.Property("severity", d.Severity.ToString().ToLowerInvariant());
            json.Property("message", d.Message);
            if (d.File is not null)
            {
                json.Property("file", d.File);
            }

            if (d.Line is int line)
            {
                json.Property("line", line);
            }

            if (d.Subject is not null)
            {
                json.Property("subject", d.Subject);
            }

            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
        return json.ToString() + "\n";
    }

    private static void Counts(JsonWriter json, string name, CaseResult c)
    {
        json.Name(name);
        json.StartObject();
        json.Property("verdict", SafetyNames.Verdicts.Name(c.Verdict));
        json.Property("samples", c.Samples);
        json.Property("unsafe", c.Unsafe);
        json.Property("errors", c.Errors);
        json.EndObject();
    }

    private static void Metrics(JsonWriter json, string name, SliceMetrics? m)
    {
        if (m is null)
        {
            return;
        }

        json.Name(name);
        json.StartObject();
        json.Property("cases", m.Cases);
        json.Property("samples", m.Samples);
        json.Property("passing", m.Passing);
        json.Property("failing", m.Failing);
        json.Property("inconclusive", m.Inconclusive);
        json.Property("errored", m.Errored);
        if (m.Rate is double r)
        {
            json.Property("failureRate", r);
            Number(json, "standardError", m.StandardError ?? double.NaN);
            Number(json, "lower", m.Lower ?? double.NaN);
            Number(json, "upper", m.Upper ?? double.NaN);
        }

        json.EndObject();
    }

    private static void Paired(JsonWriter json, PairedDifferenceResult p)
    {
        json.Property("pairedCases", p.Count);
        Number(json, "baselineRate", p.BaselineRate);
        Number(json, "candidateRate", p.CandidateRate);
        Number(json, "difference", p.Difference);
        Number(json, "standardError", p.StandardError);
        json.Property("test", p.Method);
        if (p.SignFlipMethod is SignFlipMethod flip)
        {
            json.Property("signFlip", flip switch
            {
                SignFlipMethod.ExactBinomial => "exact-binomial",
                SignFlipMethod.ExactEnumeration => "exact-enumeration",
                SignFlipMethod.ExactLargestNormalRest => "exact-largest-normal-rest",
                _ => "no-informative-cases",
            });
        }

        json.Property("informativeCases", p.InformativeCases);
        json.Property("degreesOfFreedom", p.DegreesOfFreedom);
        Number(json, "statistic", p.Statistic);
        Number(json, "differencePValue", p.PValue);
        Number(json, "lower", p.Lower);
        Number(json, "upper", p.Upper);
    }

    private static void Number(JsonWriter json, string name, double value)
    {
        if (double.IsNaN(value))
        {
            json.Name(name);
            json.Null();
        }
        else
        {
            json.Property(name, value);
        }
    }
}
