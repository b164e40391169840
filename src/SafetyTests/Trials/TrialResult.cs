using System;

namespace SafetyTests.Trials;

/// <summary>The end of one trial as the engine saw it.</summary>
internal sealed class TrialResult
{
    public TrialResult(SafetyTrial trial, TrialOutcome outcome, Exception? exception, bool cancelled)
    {
        Trial = trial;
        Outcome = outcome;
        Exception = exception;
        Cancelled = cancelled;
    }

    public SafetyTrial Trial { get; }

    public int Index => Trial.SampleIndex;

    public TrialOutcome Outcome { get; }

    /// <summary>The unwrapped exception the body ended with, or null when it returned.</summary>
    public Exception? Exception { get; }

    /// <summary>The trial was stopped because the case was decided or the run aborted; its outcome is not counted.</summary>
    public bool Cancelled { get; }
}
