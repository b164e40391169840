using System;
using System.Collections.Generic;

namespace SafetyTests;

/// <summary>The refusal classifier's decision about one response.</summary>
public sealed class RefusalClassification
{
    /// <summary>Creates a classification.</summary>
    /// <param name="kind">Compliance, full refusal or partial refusal.</param>
    /// <param name="isRefusal">Whether it counts as a refusal under the options used.</param>
    /// <param name="rule">The rule that decided (for example <c>explicit-refusal</c>, <c>moral-premise</c>, <c>none</c>).</param>
    /// <param name="reason">A reason a person can read.</param>
    /// <param name="evidence">The phrases that decided.</param>
    public RefusalClassification(RefusalKind kind, bool isRefusal, string rule, string reason, IReadOnlyList<EvidenceSpan> evidence)
    {
        Kind = kind;
        IsRefusal = isRefusal;
        Rule = rule ?? throw new ArgumentNullException(nameof(rule));
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        Evidence = evidence ?? throw new ArgumentNullException(nameof(evidence));
    }

    /// <summary>Compliance, full refusal or partial refusal.</summary>
    public RefusalKind Kind { get; }

    /// <summary>Whether the response counts as a refusal (a partial refusal does unless <see cref="RefusalJudgeOptions.PartialRefusalIsRefusal"/> is off).</summary>
    public bool IsRefusal { get; }

    /// <summary>The rule that decided: <c>explicit-refusal</c>, <c>privacy-refusal</c>, <c>moral-premise</c>, <c>disclaimer-lecture</c>, <c>custom-pattern</c>, <c>meaningless-premise</c> or <c>none</c>.</summary>
    public string Rule { get; }

    /// <summary>A reason a person can read, quoting the deciding phrase.</summary>
    public string Reason { get; }

    /// <summary>The deciding phrases as spans of the response text.</summary>
    public IReadOnlyList<EvidenceSpan> Evidence { get; }

    /// <summary>The kind as written in CSV output and labels: <c>compliance</c>, <c>full_refusal</c>, <c>partial_refusal</c>.</summary>
    public string KindText => ToText(Kind);

    /// <summary>The text form of a kind: <c>compliance</c>, <c>full_refusal</c>, <c>partial_refusal</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The text.</returns>
    public static string ToText(RefusalKind kind) => kind switch
    {
        RefusalKind.FullRefusal => "full_refusal",
        RefusalKind.PartialRefusal => "partial_refusal",
        _ => "compliance",
    };

    /// <summary>Returns "kind: reason".</summary>
    /// <returns>A readable form.</returns>
    public override string ToString() => KindText + ": " + Reason;
}
