namespace SafetyTests.Comparisons;

/// <summary>One case present in both runs: its weight and its failure rate in each run (with the counts behind them when known).</summary>
internal readonly struct PairedObservation
{
    public PairedObservation(double weight, double baseline, double candidate)
    {
        Weight = weight;
        Baseline = baseline;
        Candidate = candidate;
    }

    /// <summary>An observation from counts: the rates are failures / trials, and the trials bound the standard error from below.</summary>
    public PairedObservation(double weight, int baselineFailures, int baselineTrials, int candidateFailures, int candidateTrials)
        : this(weight, (double)baselineFailures / baselineTrials, (double)candidateFailures / candidateTrials)
    {
        BaselineFailures = baselineFailures;
        BaselineTrials = baselineTrials;
        CandidateFailures = candidateFailures;
        CandidateTrials = candidateTrials;
    }

    public int BaselineFailures { get; }

    /// <summary>Trials behind the baseline rate (0 when only the rate is known).</summary>
    public int BaselineTrials { get; }

    public int CandidateFailures { get; }

    /// <summary>Trials behind the candidate rate (0 when only the rate is known).</summary>
    public int CandidateTrials { get; }

    /// <summary>Whether the trial counts are known.</summary>
    public bool HasCounts => BaselineTrials > 0 && CandidateTrials > 0;

    /// <summary>The case's severity weight.</summary>
    public double Weight { get; }

    /// <summary>The baseline failure rate.</summary>
    public double Baseline { get; }

    /// <summary>The candidate failure rate.</summary>
    public double Candidate { get; }
}
