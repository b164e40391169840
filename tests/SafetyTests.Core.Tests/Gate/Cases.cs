using System.Collections.Generic;
using SafetyTests.Gate;
using SafetyTests.Records;

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
