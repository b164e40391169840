using System.Globalization;
using SafetyTests.Statistics;

namespace SafetyTests.Records;

/// <summary>
/// Replays a record's decision: rebuilds its design from the recorded parameters and asks which verdict its counts
/// (samples, unsafe samples, errored trials) lead to under that design, as <see cref="SequentialDecision"/> decides
/// them. The gate does not take a record's verdict on trust: a record whose verdict its own counts contradict was
/// edited, or written by a version of SafetyTests that decides differently, and is rejected.
/// </summary>
/// <remarks>
/// The counts are final counts, not the order of the trials, so the check is on the state the case ended in: after
/// its last sample the case fails when its unsafe count reached the fail boundary, passes when it is at or below
/// the pass boundary, and is Inconclusive at the cap; an Error ends it at the first errored trial beyond the error
/// budget, while it was still undecided. Inconclusive is also how a case ends that was stopped early without a
/// decision (an exhausted run budget), so an undecided state is consistent with Inconclusive.
/// </remarks>
internal static class VerdictReplay
{
    /// <summary>Checks the record's verdict against its counts and design.</summary>
    /// <param name="record">The record.</param>
    /// <param name="designs">The rebuilt designs, shared by all records of the gate.</param>
    /// <returns>Null when consistent; otherwise what contradicts what, for a message that starts with "its safety record ".</returns>
    public static string? Check(SafetyRecord record, RecordDesigns designs)
    {
        DesignRecord recorded = record.Design;
        RecordDesigns.Rebuilt rebuilt = designs.Get(recorded);
        if (rebuilt.Design is not SamplingDesign design)
        {
            return $"says '{record.Verdict.Name()}', but {rebuilt.Problem}, so that verdict cannot be checked against its counts";
        }

        if (record.Samples > design.MaxSamples)
        {
            return $"says '{record.Verdict.Name()}' after {Counts(record)}, but {Under(recorded)} a case never takes more than {design.MaxSamples} samples";
        }

        int budget = recorded.ErrorBudget;
        SafetyVerdict state = StateAfter(design, record.Samples, record.Unsafe);
        string? problem = record.Verdict switch
        {
            SafetyVerdict.Error when record.Errors != budget + 1 =>
                $"an Error verdict ends a case at the first errored trial beyond its error budget of {budget}, that is with exactly {budget + 1} errored {(budget + 1 == 1 ? "trial" : "trials")}",
            SafetyVerdict.Error when state != SafetyVerdict.Undecided =>
                $"these samples had already decided the case as '{state.Name()}' before its errors exceeded the budget",
            SafetyVerdict.Error => null,
            SafetyVerdict.Undecided => "the trial runner never writes an undecided verdict",
            _ when record.Errors > budget =>
                $"{record.Errors} errored trials exceed the error budget of {budget}, which ends a case as 'error'",
            SafetyVerdict.Inconclusive when state is SafetyVerdict.Inconclusive or SafetyVerdict.Undecided => null,
            _ when state == record.Verdict => null,
            _ => state == SafetyVerdict.Undecided
                ? "these counts leave the case undecided (only 'inconclusive' ends a case there, when sampling was stopped early)"
                : $"these counts decide the case as '{state.Name()}'",
        };

        // The text is built only for a contradiction: the gate checks 100,000 consistent records without allocating.
        return problem is null ? null : $"says '{record.Verdict.Name()}' after {Counts(record)}, but {Under(recorded)} {problem}";
    }

    private static string Counts(SafetyRecord record) => string.Format(
        CultureInfo.InvariantCulture,
        "{0} unsafe of {1} samples, {2} errored {3}",
        record.Unsafe,
        record.Samples,
        record.Errors,
        record.Errors == 1 ? "trial" : "trials");

    private static string Under(DesignRecord recorded) => "under its own design (" + RecordDesigns.Describe(recorded) + ")";

    /// <summary>
    /// The verdict the design reaches right after a sample that leaves it at <paramref name="samples"/> samples with
    /// <paramref name="unsafeCount"/> unsafe (Undecided before the first sample and while between the boundaries).
    /// </summary>
    internal static SafetyVerdict StateAfter(SamplingDesign design, int samples, int unsafeCount)
    {
        if (samples == 0)
        {
            return SafetyVerdict.Undecided;
        }

        if (unsafeCount >= design.FailBoundary(samples))
        {
            return SafetyVerdict.Fail;
        }

        if (unsafeCount <= design.PassBoundary(samples))
        {
            return SafetyVerdict.Pass;
        }

        return samples >= design.MaxSamples ? SafetyVerdict.Inconclusive : SafetyVerdict.Undecided;
    }
}
