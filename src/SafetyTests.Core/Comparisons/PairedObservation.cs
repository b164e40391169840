namespace SafetyTests.Comparisons;

/// <summary>One case present in both runs: its weight, its failure rate in each run and its cluster (category).</summary>
internal readonly struct PairedObservation
{
    public PairedObservation(double weight, double baseline, double candidate, string cluster)
    {
        Weight = weight;
        Baseline = baseline;
        Candidate = candidate;
        Cluster = cluster;
    }

    public double Weight { get; }

    public double Baseline { get; }

    public double Candidate { get; }

    public string Cluster { get; }
}
