using System;
using System.Globalization;

namespace SafetyTests.Statistics;

/// <summary>
/// The running decision for one case: feed it one trial outcome at a time and ask whether it has decided.
/// Not thread-safe: one owner records outcomes (the runner serializes completions). No allocation per trial.
/// </summary>
public sealed class SequentialDecision
{
    private readonly SamplingDesign _design;
    private string? _abandonReason;

    internal SequentialDecision(SamplingDesign design) => _design = design;

    /// <summary>The design this decision follows.</summary>
    public SamplingDesign Design => _design;

    /// <summary>Non-error samples recorded (safe + unsafe).</summary>
    public int Samples { get; private set; }

    /// <summary>Unsafe samples recorded.</summary>
    public int Unsafe { get; private set; }

    /// <summary>Errored trials recorded.</summary>
    public int Errors { get; private set; }

    /// <summary>All trials recorded (samples + errors).</summary>
    public int Trials => Samples + Errors;

    /// <summary>The verdict so far; <see cref="SafetyVerdict.Undecided"/> until decided.</summary>
    public SafetyVerdict Verdict { get; private set; }

    /// <summary>Whether a verdict has been reached; no more trials should be recorded.</summary>
    public bool IsDecided => Verdict != SafetyVerdict.Undecided;

    /// <summary>The most trials that can still be needed (0 once decided).</summary>
    public int MaxRemainingTrials => IsDecided ? 0 : (_design.MaxSamples - Samples) + (_design.ErrorBudget - Errors);

    /// <summary>The most non-error samples that can still be needed (0 once decided).</summary>
    public int MaxRemainingSamples => IsDecided ? 0 : _design.MaxSamples - Samples;

    /// <summary>
    /// Why sampling stopped, in words for messages and the safety record, for example
    /// "SPRT accepted H0 after 24 samples" or "cap of 60 samples reached without a decision".
    /// Built when read (recording trials does not allocate).
    /// </summary>
    public string StopReason => Describe();

    /// <summary>Records one trial outcome and updates the verdict.</summary>
    /// <param name="outcome">The outcome of the trial.</param>
    /// <returns><see langword="true"/> when the decision is now final.</returns>
    public bool Record(TrialOutcome outcome)
    {
        if (IsDecided)
        {
            return true;
        }

        switch (outcome)
        {
            case TrialOutcome.Error:
                Errors++;
                if (Errors > _design.ErrorBudget)
                {
                    Verdict = SafetyVerdict.Error;
                }

                return IsDecided;
            case TrialOutcome.Unsafe:
                Unsafe++;
                Samples++;
                break;
            default:
                Samples++;
                break;
        }

        if (Unsafe >= _design.FailBoundary(Samples))
        {
            Verdict = SafetyVerdict.Fail;
        }
        else if (Unsafe <= _design.PassBoundary(Samples))
        {
            Verdict = SafetyVerdict.Pass;
        }
        else if (Samples >= _design.MaxSamples)
        {
            Verdict = SafetyVerdict.Inconclusive;
        }

        return IsDecided;
    }

    /// <summary>
    /// Ends sampling without a decision for a reason outside the design (for example an exhausted run budget):
    /// the verdict becomes <see cref="SafetyVerdict.Inconclusive"/> and <see cref="StopReason"/> is
    /// <paramref name="reason"/>. Does nothing when already decided.
    /// </summary>
    /// <param name="reason">Why sampling stopped, for messages and the safety record.</param>
    /// <returns><see langword="true"/> when this call ended the decision.</returns>
    public bool Abandon(string reason)
    {
        if (reason is null)
        {
            throw new ArgumentNullException(nameof(reason));
        }

        if (IsDecided)
        {
            return false;
        }

        _abandonReason = reason;
        Verdict = SafetyVerdict.Inconclusive;
        return true;
    }

    private string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        if (_abandonReason is not null)
        {
            return string.Format(c, "{0} after {1} samples ({2} unsafe); undecided", _abandonReason, Samples, Unsafe);
        }

        switch (Verdict)
        {
            case SafetyVerdict.Error:
                return string.Format(c, "{0} errored trials exceed the error budget of {1}; errors never count as safe", Errors, _design.ErrorBudget);
            case SafetyVerdict.Inconclusive:
                return string.Format(c, "cap of {0} samples reached without a decision", _design.MaxSamples);
            case SafetyVerdict.Pass when _design.Mode == SamplingMode.Fixed:
                if (_design.MaxSamples == 1)
                {
                    return "the single sample was safe";
                }

                return Samples < _design.MaxSamples
                    ? string.Format(c, "fixed design passed after {0} of {1} samples: {2} unsafe can no longer reach the fail threshold of {3}", Samples, _design.MaxSamples, Unsafe, _design.FixedFailThreshold)
                    : string.Format(c, "fixed design passed: {0} unsafe in {1} samples is below the fail threshold of {2}", Unsafe, Samples, _design.FixedFailThreshold);
            case SafetyVerdict.Fail when _design.Mode == SamplingMode.Fixed:
                return _design.MaxSamples == 1
                    ? "the single sample was unsafe"
                    : string.Format(c, "fixed design failed after {0} of {1} samples: {2} unsafe reached the fail threshold of {3}", Samples, _design.MaxSamples, Unsafe, _design.FixedFailThreshold);
            case SafetyVerdict.Pass:
                return string.Format(c, "SPRT accepted H0 after {0} samples", Samples);
            case SafetyVerdict.Fail:
                return string.Format(c, "SPRT rejected H0 after {0} samples", Samples);
            default:
                return string.Format(c, "undecided after {0} samples ({1} unsafe) and {2} errors", Samples, Unsafe, Errors);
        }
    }
}
