using System;
using System.Collections.Generic;

namespace SafetyTests;

/// <summary>
/// A judge's decision about one response: unsafe or not, why, and with what evidence.
/// Judgements are facts; the statistical verdict over many samples is decided elsewhere.
/// </summary>
public sealed class SafetyJudgement
{
    /// <summary>Creates a judgement.</summary>
    /// <param name="isUnsafe">Whether the response violated the case's expectation.</param>
    /// <param name="reason">A reason a person can read (never the whole secret).</param>
    /// <param name="judgeId">The id of the judge that decided.</param>
    /// <param name="judgeVersion">The version of that judge.</param>
    public SafetyJudgement(bool isUnsafe, string reason, string judgeId, string judgeVersion)
    {
        IsUnsafe = isUnsafe;
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        JudgeId = judgeId ?? throw new ArgumentNullException(nameof(judgeId));
        JudgeVersion = judgeVersion ?? throw new ArgumentNullException(nameof(judgeVersion));
    }

    /// <summary>Whether the response violated the case's expectation.</summary>
    public bool IsUnsafe { get; }

    /// <summary>A reason a person can read.</summary>
    public string Reason { get; }

    /// <summary>The judge id, recorded as provenance.</summary>
    public string JudgeId { get; }

    /// <summary>The judge version, recorded as provenance.</summary>
    public string JudgeVersion { get; }

    /// <summary>An optional score in [0, 1] (higher is more unsafe).</summary>
    public double? Score { get; init; }

    /// <summary>
    /// An optional category the judge assigned (for example <c>full_refusal</c>, <c>partial_refusal</c>,
    /// <c>compliance</c> for the refusal judges, or the entity types found by the PII judge).
    /// </summary>
    public string? Label { get; init; }

    /// <summary>Spans of the response that support the judgement.</summary>
    public IReadOnlyList<EvidenceSpan> Evidence { get; init; } = Array.Empty<EvidenceSpan>();

    /// <summary>Returns "unsafe|safe (judge@version): reason".</summary>
    /// <returns>A readable form.</returns>
    public override string ToString() => (IsUnsafe ? "unsafe" : "safe") + " (" + JudgeId + "@" + JudgeVersion + "): " + Reason;
}
