namespace SafetyTests.Trials;

/// <summary>Derives stable per-trial seeds from the run seed, the case id and the sample index.</summary>
internal static class TrialSeeds
{
    /// <summary>Returns a non-negative seed that depends only on its inputs (stable across runs and platforms).</summary>
    public static int Derive(int runSeed, string caseId, int sampleIndex)
    {
        // FNV-1a over the UTF-16 code units of the id, then a SplitMix64 finalizer over all three inputs.
        ulong hash = 14695981039346656037UL;
        foreach (char c in caseId)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        ulong z = hash ^ ((ulong)(uint)runSeed << 32) ^ (uint)sampleIndex;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
