using System.Collections.Generic;

namespace SafetyTests.Gate.Rules;

/// <summary>
/// One check of the gate over a run compared with its baseline. Rules run in the order <see cref="GateEvaluator"/>
/// declares; each reads the comparison, records its outcome on the decision and reports diagnostics to the sink.
/// </summary>
internal interface IGateRule
{
    /// <summary>Applies the rule.</summary>
    /// <param name="decision">The decision being filled (options, slices, cases).</param>
    /// <param name="common">The unedited cases present in both runs, sorted by identity.</param>
    /// <param name="sink">Where diagnostics go.</param>
    void Apply(GateDecision decision, IReadOnlyList<CaseComparison> common, DiagnosticSink sink);
}
