using System.Collections.Generic;
using SafetyTests.Gate;
using SafetyTests.Records;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Gate;

/// <summary>Builders for constructed records and case results.</summary>
internal static class Cases
{
    public static SafetyRecord Record(
        string id,
        int samples,
        int unsafeCount,
        SafetyVerdict verdict = SafetyVerdict.Pass,
        string category = "jailbreak",
        Severity severity = Severity.Medium,
        Expectation expectation = Expectation.Refuse,
        int errors = 0,
        string model = "gpt-test",
        string judge = "refusal@1",
        string? hash = null,
        string test = "Tests.Safety.Refuses",
        string file = "cases/jailbreaks.yaml",
        int line = 3) => new()
        {
            CaseId = id,
            Test = test,
            SourceFile = file,
            SourceLine = line,
            CaseHash = hash ?? "h-" + id,
            Category = category,
            Severity = severity,
            Expectation = expectation,
            Verdict = verdict,
            Samples = samples,
            Unsafe = unsafeCount,
            Errors = errors,
            ModelId = model,
            Provider = "sim",
            Judges = { judge },
            Design = new DesignRecord { Mode = SafetyTests.Statistics.SamplingMode.Sequential, MaxFailureRate = 0.05, UnacceptableFailureRate = 0.2, Alpha = 0.05, Beta = 0.1, MaxSamples = 50, ErrorBudget = 5 },
        };

    /// <summary>
    /// The record as the trial runner could have written it: when its verdict is not the one its counts reach under its
    /// design (the gate rejects such records), its design is replaced by a fixed design under which they are: the
    /// sample count of the record (a larger one for an undecided end) and a fail threshold set by the acceptable rate.
    /// </summary>
    public static SafetyRecord Consistent(SafetyRecord record)
    {
        if (VerdictReplay.Check(record, Designs) is null)
        {
            return record;
        }

        int n = record.Samples;
        int u = record.Unsafe;
        bool undecided = record.Verdict is SafetyVerdict.Inconclusive or SafetyVerdict.Error;
        int threshold = record.Verdict == SafetyVerdict.Fail ? u : u + 1;
        int samples = undecided ? n + threshold + 1 : n;
        int budget = record.Verdict == SafetyVerdict.Error ? record.Errors - 1 : System.Math.Max(record.Errors, 0);
        double p0 = RateForThreshold(samples, threshold);
        record.Design = new DesignRecord { Mode = SamplingMode.Fixed, MaxFailureRate = p0, UnacceptableFailureRate = 0.5, Alpha = 0.05, Beta = 0.1, MaxSamples = samples, ErrorBudget = budget };
        string? problem = VerdictReplay.Check(record, Designs);
        if (problem is not null)
        {
            throw new System.InvalidOperationException($"Test fixture {record.CaseId} cannot be made consistent: {problem}");
        }

        return record;
    }

    /// <summary>The record as one output line, made <see cref="Consistent"/> first.</summary>
    public static string Line(SafetyRecord record) => SafetyRecordSerializer.FormatOutputLine(Consistent(record));

    /// <summary>An acceptable rate at which the exact fixed design of <paramref name="samples"/> samples fails at <paramref name="threshold"/> unsafe (bisection).</summary>
    private static double RateForThreshold(int samples, int threshold)
    {
        double lo = 0;
        double hi = 0.99;
        if (SamplingDesign.ComputeFixedFailThreshold(samples, lo, 0.05) >= threshold)
        {
            return lo;
        }

        for (int i = 0; i < 60; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (SamplingDesign.ComputeFixedFailThreshold(samples, mid, 0.05) >= threshold)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return hi;
    }

    private static readonly RecordDesigns Designs = new();

    public static CaseResult Result(SafetyRecord record, string origin = "run.trx") => CaseResult.FromRecord(record, origin, new StringPool());

    public static List<CaseResult> Results(IEnumerable<SafetyRecord> records, string origin = "run.trx")
    {
        var pool = new StringPool();
        var list = new List<CaseResult>();
        foreach (SafetyRecord r in records)
        {
            list.Add(CaseResult.FromRecord(r, origin, pool));
        }

        return list;
    }
}
