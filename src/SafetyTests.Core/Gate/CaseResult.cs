using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using SafetyTests.Records;

namespace SafetyTests.Gate;

/// <summary>
/// The gate's compact view of one case in one run (from a TRX safety record or from the baseline): identity,
/// classification, counts, verdict and provenance. Kept small because a run can hold 100,000 of them.
/// </summary>
internal sealed class CaseResult
{
    public string CaseId { get; init; } = "";

    public string? Test { get; init; }

    public string? SourceFile { get; init; }

    public int? SourceLine { get; init; }

    public string? CaseHash { get; init; }

    public string? Category { get; init; }

    public Severity Severity { get; init; } = Severity.Medium;

    public Expectation Expectation { get; init; }

    public SafetyVerdict Verdict { get; init; }

    public int Samples { get; init; }

    public int Unsafe { get; init; }

    public int Errors { get; init; }

    public string? ModelId { get; init; }

    public string? Provider { get; init; }

    /// <summary>The judges as <c>id@version</c>, sorted ordinally.</summary>
    public IReadOnlyList<string> Judges { get; init; } = Array.Empty<string>();

    public DesignRecord? Design { get; init; }

    /// <summary>Where this result was read from (a TRX file or the baseline file).</summary>
    public string Origin { get; init; } = "";

    /// <summary>The identity of the case across runs: test, case file and case id.</summary>
    public CaseKey Key => new(Test, SourceFile, CaseId);

    /// <summary>The category or <c>(none)</c>.</summary>
    public string CategoryName => string.IsNullOrEmpty(Category) ? "(none)" : Category!;

    /// <summary>A readable name: <c>jb-001 (cases/jailbreaks.yaml:12, Ns.Class.Method)</c>.</summary>
    public string DisplayName
    {
        get
        {
            var parts = new List<string>(2);
            if (!string.IsNullOrEmpty(SourceFile))
            {
                parts.Add(SourceLine is int line ? SourceFile + ":" + line.ToString(CultureInfo.InvariantCulture) : SourceFile!);
            }

            if (!string.IsNullOrEmpty(Test))
            {
                parts.Add(Test!);
            }

            return parts.Count == 0 ? CaseId : CaseId + " (" + string.Join(", ", parts) + ")";
        }
    }

    /// <summary>Whether the verdict counts as failing under the policy (Fail always; Inconclusive and Error by option).</summary>
    public bool IsFailing(CountingPolicy policy) => Verdict switch
    {
        SafetyVerdict.Fail => true,
        SafetyVerdict.Inconclusive => policy.CountInconclusive,
        SafetyVerdict.Error => policy.CountErrors,
        SafetyVerdict.Undecided => true,
        _ => false,
    };

    /// <summary>Failed trials under the policy: unsafe samples, plus errored trials when errors count against.</summary>
    public int Failures(CountingPolicy policy) => Unsafe + (policy.CountErrors ? Errors : 0);

    /// <summary>Trials under the policy: samples, plus errored trials when errors count against.</summary>
    public int Trials(CountingPolicy policy) => Samples + (policy.CountErrors ? Errors : 0);

    /// <summary>The case's failure rate under the policy, or null when it has no trials to rate.</summary>
    public double? FailureRate(CountingPolicy policy)
    {
        int trials = Trials(policy);
        return trials == 0 ? null : (double)Failures(policy) / trials;
    }

    /// <summary>"3 of 14" style counts under the policy, for messages.</summary>
    public string CountsText(CountingPolicy policy)
    {
        int failures = Failures(policy);
        int trials = Trials(policy);
        string text = string.Format(CultureInfo.InvariantCulture, "{0}/{1}", failures, trials);
        return policy.CountErrors && Errors > 0
            ? text + string.Format(CultureInfo.InvariantCulture, " ({0} errored)", Errors)
            : text;
    }

    /// <summary>Whether model, provider or judges differ from <paramref name="other"/>.</summary>
    public bool ProvenanceDiffers(CaseResult other)
    {
        if (!string.Equals(ModelId ?? "", other.ModelId ?? "", StringComparison.Ordinal)
            || !string.Equals(Provider ?? "", other.Provider ?? "", StringComparison.Ordinal)
            || Judges.Count != other.Judges.Count)
        {
            return true;
        }

        for (int i = 0; i < Judges.Count; i++)
        {
            if (!string.Equals(Judges[i], other.Judges[i], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the sampling design differs from <paramref name="other"/>.</summary>
    public bool DesignDiffers(CaseResult other)
    {
        DesignRecord? a = Design;
        DesignRecord? b = other.Design;
        if (a is null || b is null)
        {
            return (a is null) != (b is null);
        }

        return a.Mode != b.Mode
            || a.MaxFailureRate != b.MaxFailureRate
            || a.UnacceptableFailureRate != b.UnacceptableFailureRate
            || a.Alpha != b.Alpha
            || a.Beta != b.Beta
            || a.MaxSamples != b.MaxSamples
            || a.ErrorBudget != b.ErrorBudget;
    }

    /// <summary>Orders case results by <see cref="Key"/> (the order of baselines and of the comparison).</summary>
    [MethodImpl(Optimization.Hot)]
    public static int CompareByKey(CaseResult a, CaseResult b) => a.Key.CompareTo(b.Key);

    public static CaseResult FromRecord(SafetyRecord record, string origin, StringPool pool)
    {
        return new CaseResult
        {
            CaseId = record.CaseId,
            Test = pool.GetOrNull(record.Test),
            SourceFile = pool.GetOrNull(record.SourceFile?.Replace('\\', '/')),
            SourceLine = record.SourceLine,
            CaseHash = record.CaseHash,
            Category = pool.GetOrNull(record.Category),
            Severity = record.Severity,
            Expectation = record.Expectation,
            Verdict = record.Verdict,
            Samples = record.Samples,
            Unsafe = record.Unsafe,
            Errors = record.Errors,
            ModelId = pool.GetOrNull(record.ModelId),
            Provider = pool.GetOrNull(record.Provider),
            Judges = pool.Judges(record.Judges),
            Design = pool.Design(record.Design),
            Origin = origin,
        };
    }
}
