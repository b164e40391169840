using System.Collections.Generic;
using SafetyTests.Records;

namespace SafetyTests.Gate.Rules;

/// <summary>
/// SAFE027: a case that ended in Error (its errored trials spent the error budget: an outage, a judge failure, an
/// empty reply) is missing evidence. It fails the gate on every run, the first one included, whatever the counting
/// policy, and a run that holds one is never written as a baseline (see <see cref="GateRunner"/>).
/// </summary>
internal static class ErroredCaseRule
{
    /// <summary>Whether any case of the run ended in Error.</summary>
    public static bool AnyErrored(IReadOnlyList<CaseResult> cases)
    {
        foreach (CaseResult c in cases)
        {
            if (c.Verdict == SafetyVerdict.Error)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One error per errored case (capped per code by the sink).</summary>
    public static void Apply(GateDecision decision, IReadOnlyList<CaseResult> candidates, DiagnosticSink sink)
    {
        foreach (CaseResult c in candidates)
        {
            if (c.Verdict != SafetyVerdict.Error)
            {
                continue;
            }

            sink.AddCase(new GateDiagnostic(
                DiagnosticCodes.CaseErrored,
                DiagnosticSeverity.Error,
                $"Case {c.DisplayName} ended in error ({Format.Plural(c.Errors, "errored trial")}, {Format.Plural(c.Samples, "judged sample")}): an errored case is missing evidence, never a pass and never a baseline. The test's output in the TRX names the error (endpoint down, wrong key, judge failure, empty reply); fix it and rerun.",
                GateEvaluator.CaseFile(decision.Options, c),
                c.SourceLine,
                c.DisplayName));
        }
    }
}
