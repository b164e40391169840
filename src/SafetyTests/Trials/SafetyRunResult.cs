using System;
using System.Collections.Generic;
using SafetyTests.Records;

namespace SafetyTests.Trials;

/// <summary>
/// The outcome of sampling one case: the verdict, the machine-readable <see cref="Record"/>, and the text a
/// person reads (<see cref="Summary"/>). Adapters fail the test when <see cref="FailsTest"/>, skip it when
/// <see cref="SkipsTest"/>, and write <see cref="Output"/> into the test output.
/// </summary>
public sealed class SafetyRunResult
{
    internal SafetyRunResult(
        SafetyRecord record,
        string summary,
        string recordLine,
        InconclusiveBehavior inconclusive,
        IReadOnlyList<TrialOutcome> outcomes,
        int trialsStarted,
        int trialsDiscarded,
        Exception? firstViolation,
        Exception? firstError)
    {
        Record = record;
        Summary = summary;
        RecordLine = recordLine;
        Outcomes = outcomes;
        TrialsStarted = trialsStarted;
        TrialsDiscarded = trialsDiscarded;
        FirstViolation = firstViolation;
        FirstError = firstError;
        FailsTest = record.Verdict switch
        {
            SafetyVerdict.Pass => false,
            SafetyVerdict.Inconclusive => inconclusive == InconclusiveBehavior.Fail,
            _ => true,
        };
        SkipsTest = record.Verdict == SafetyVerdict.Inconclusive && inconclusive == InconclusiveBehavior.Skip;
    }

    /// <summary>The verdict: Pass, Fail, Inconclusive or Error.</summary>
    public SafetyVerdict Verdict => Record.Verdict;

    /// <summary>The machine-readable result (counts, verdict, design, provenance).</summary>
    public SafetyRecord Record { get; }

    /// <summary>
    /// The evidence for a person, several lines: the verdict with counts, rate, interval, the rule and why sampling
    /// stopped, then the first violations or errors, the design and the provenance. Its first line stands alone.
    /// </summary>
    public string Summary { get; }

    /// <summary>The first line of <see cref="Summary"/>.</summary>
    public string Headline
    {
        get
        {
            int end = Summary.IndexOf('\n', StringComparison.Ordinal);
            return end < 0 ? Summary : Summary.Substring(0, end).TrimEnd('\r');
        }
    }

    /// <summary>The record as one output line: <see cref="SafetyRecord.OutputPrefix"/> followed by one-line JSON.</summary>
    public string RecordLine { get; }

    /// <summary>What adapters write into the test output: the summary, then the record line.</summary>
    public string Output => Summary + Environment.NewLine + RecordLine + Environment.NewLine;

    /// <summary>Whether the test must fail: Fail and Error always, Inconclusive unless the policy says otherwise.</summary>
    public bool FailsTest { get; }

    /// <summary>Whether the test must be reported as skipped (Inconclusive with <see cref="InconclusiveBehavior.Skip"/>).</summary>
    public bool SkipsTest { get; }

    /// <summary>The counted trial outcomes in sample order (trials cancelled after the decision are not included).</summary>
    public IReadOnlyList<TrialOutcome> Outcomes { get; }

    /// <summary>How many trials were started, counted or not.</summary>
    public int TrialsStarted { get; }

    /// <summary>How many started trials were not counted because the case was already decided.</summary>
    public int TrialsDiscarded { get; }

    /// <summary>The exception of the first unsafe sample, if any.</summary>
    public Exception? FirstViolation { get; }

    /// <summary>The exception of the first errored trial, if any.</summary>
    public Exception? FirstError { get; }
}
