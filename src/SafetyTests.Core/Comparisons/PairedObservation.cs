namespace SafetyTests.Comparisons;

/// <summary>One case present in both runs: its weight, its failure rate in each run and its cluster (category).</summary>
internal readonly struct PairedObservation
{
    public PairedObservation(double weight, double baseline, double candidate, object cluster)
    {
        Weight = weight;
        Baseline = baseline;
        Candidate = candidate;
        Cluster = cluster;
    }

    /// <summary>An observation from counts: the rates are failures / trials, and the trials bound the standard error from below.</summary>
    public PairedObservation(double weight, int baselineFailures, int baselineTrials, int candidateFailures, int candidateTrials, object cluster)
        : this(weight, (double)baselineFailures / baselineTrials, (double)candidateFailures / candidateTrials, cluster)
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


    public double Weight { get; }

    public double Baseline { get; }

    public double Candidate { get; }

    /// <summary>The cluster: equal clusters (by <see cref="object.Equals(object)"/>) are correlated; a category name, or the case itself.</summary>
    public object Cluster { get; }
}
