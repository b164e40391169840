using System;
using System.Globalization;

namespace SafetyTests.Statistics;

/// <summary>
/// An immutable sampling plan for one case: the hypotheses (acceptable failure rate p0 against
/// unacceptable p1), the error rates, the sample cap and the per-sample-count decision boundaries.
/// Create one per test method (it is shareable and thread-safe) and call <see cref="Start"/> once per case.
/// </summary>
public sealed class SamplingDesign
{
    private readonly int[] _passAtMost;
    private readonly int[] _failAtLeast;

    private SamplingDesign(
        SamplingMode mode,
        double maxFailureRate,
        double unacceptableFailureRate,
        double alpha,
        double beta,
        int maxSamples,
        double maxErrorRate,
        int[] passAtMost,
        int[] failAtLeast)
    {
        Mode = mode;
        MaxFailureRate = maxFailureRate;
        UnacceptableFailureRate = unacceptableFailureRate;
        Alpha = alpha;
        Beta = beta;
        MaxSamples = maxSamples;
        MaxErrorRate = maxErrorRate;
        ErrorBudget = maxErrorRate <= 0 ? 0 : (int)Math.Ceiling((maxErrorRate * maxSamples) - 1e-9);
        _passAtMost = passAtMost;
        _failAtLeast = failAtLeast;
    }

    /// <summary>Sequential (SPRT) or fixed-n.</summary>
    public SamplingMode Mode { get; }

    /// <summary>p0: the acceptable failure rate (H0: p ≤ p0).</summary>
    public double MaxFailureRate { get; }

    /// <summary>p1: the unacceptable failure rate the design must detect (H1: p ≥ p1).</summary>
    public double UnacceptableFailureRate { get; }

    /// <summary>Nominal α: probability of failing a case whose true rate is p0.</summary>
    public double Alpha { get; }

    /// <summary>Nominal β: probability of passing a case whose true rate is p1.</summary>
    public double Beta { get; }

    /// <summary>The most non-error samples the design will ever draw for one case.</summary>
    public int MaxSamples { get; }

    /// <summary>The tolerated fraction of errored trials, relative to <see cref="MaxSamples"/>.</summary>
    public double MaxErrorRate { get; }

    /// <summary>The number of errored trials tolerated for one case; one more ends the case as <see cref="SafetyVerdict.Error"/>.</summary>
    public int ErrorBudget { get; }

    /// <summary>The largest number of trials (samples plus tolerated errors) one case can take.</summary>
    public int MaxTrials => MaxSamples + ErrorBudget;

    /// <summary>After <paramref name="samples"/> samples, the case passes when its unsafe count is at most this value (−1: cannot pass yet).</summary>
    /// <param name="samples">A sample count between 1 and <see cref="MaxSamples"/>.</param>
    /// <returns>The pass boundary.</returns>
    public int PassBoundary(int samples) => _passAtMost[samples];

    /// <summary>After <paramref name="samples"/> samples, the case fails when its unsafe count is at least this value (&gt; samples: cannot fail yet).</summary>
    /// <param name="samples">A sample count between 1 and <see cref="MaxSamples"/>.</param>
    /// <returns>The fail boundary.</returns>
    public int FailBoundary(int samples) => _failAtLeast[samples];

    /// <summary>Starts the decision for one case.</summary>
    /// <returns>A fresh decision object, driven one trial at a time.</returns>
    public SequentialDecision Start() => new(this);

    /// <summary>
    /// Builds a Wald SPRT design truncated at <paramref name="maxSamples"/> for H0: p ≤ p0 against H1: p ≥ p1.
    /// </summary>
    /// <param name="maxFailureRate">p0, in (0, 1).</param>
    /// <param name="unacceptableFailureRate">p1, in (p0, 1).</param>
    /// <param name="alpha">α, in (0, 0.5).</param>
    /// <param name="beta">β, in (0, 0.5).</param>
    /// <param name="maxSamples">The sample cap, at least 1.</param>
    /// <param name="maxErrorRate">The tolerated error fraction, in [0, 1).</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static SamplingDesign Sequential(
        double maxFailureRate,
        double unacceptableFailureRate,
        double alpha,
        double beta,
        int maxSamples,
        double maxErrorRate = DefaultMaxErrorRate)
    {
        ValidateRates(maxFailureRate, unacceptableFailureRate, alpha, beta, maxSamples, maxErrorRate);
        double up = Math.Log(unacceptableFailureRate / maxFailureRate);
        double down = Math.Log((1 - unacceptableFailureRate) / (1 - maxFailureRate));
        double logA = Math.Log((1 - beta) / alpha);
        double logB = Math.Log(beta / (1 - alpha));
        var pass = new int[maxSamples + 1];
        var fail = new int[maxSamples + 1];
        for (int n = 0; n <= maxSamples; n++)
        {
            // Λ(n, x) = x·up + (n − x)·down is increasing in x; solve for the boundary counts.
            double slope = up - down;
            double failX = (logA - (n * down)) / slope;
            double passX = (logB - (n * down)) / slope;
            int f = (int)Math.Ceiling(failX - 1e-9);
            int p = (int)Math.Floor(passX + 1e-9);
            fail[n] = Math.Max(f, 0);
            pass[n] = Math.Min(p, n);
        }

        return new SamplingDesign(SamplingMode.Sequential, maxFailureRate, unacceptableFailureRate, alpha, beta, maxSamples, maxErrorRate, pass, fail);
    }

    /// <summary>The default tolerated error fraction (10 %).</summary>
    public const double DefaultMaxErrorRate = 0.1;

    /// <summary>Describes the design in one line for messages.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} design: H0 p ≤ {1:0.###} vs H1 p ≥ {2:0.###}, α={3:0.###}, β={4:0.###}, at most {5} samples",
        Mode,
        MaxFailureRate,
        UnacceptableFailureRate,
        Alpha,
        Beta,
        MaxSamples);

    private static void ValidateRates(double p0, double p1, double alpha, double beta, int maxSamples, double maxErrorRate)
    {
        if (!(p0 > 0 && p0 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p0), p0, "The acceptable failure rate must be in (0, 1).");
        }

        if (!(p1 > p0 && p1 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p1), p1, "The unacceptable failure rate must be in (p0, 1).");
        }

        if (!(alpha > 0 && alpha < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be in (0, 0.5).");
        }

        if (!(beta > 0 && beta < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "Beta must be in (0, 0.5).");
        }

        if (maxSamples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSamples), maxSamples, "MaxSamples must be at least 1.");
        }

        if (!(maxErrorRate >= 0 && maxErrorRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxErrorRate), maxErrorRate, "MaxErrorRate must be in [0, 1).");
        }
    }
}
