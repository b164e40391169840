using System;
using SafetyTests.Statistics;

namespace SafetyTests.Trials;

/// <summary>Builds designs the statistics engine does not expose yet (temporary bridge).</summary>
internal static class TrialDesigns
{
    // TODO(stats): switch to SamplingDesign.Fixed once the statistics engine lands it.
    public static SamplingDesign Fixed(double p0, double p1, double alpha, double beta, int samples, double maxErrorRate)
        => throw new ArgumentException("Samples (a fixed design) is not available in this build; use MaxSamples (the sequential design).");
}
