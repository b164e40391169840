using System;
using System.Collections.Generic;
using System.Globalization;

namespace SafetyTests.Statistics;

/// <summary>
/// An immutable sampling plan for one case: the hypotheses (acceptable failure rate p0 against
/// unacceptable p1), the error rates, the sample cap and the per-sample-count decision boundaries.
/// Create one per test method (it is shareable and thread-safe) and call <see cref="Start"/> once per case.
/// </summary>
/// <remarks>
/// Build one with <see cref="DesignPlanner.Plan"/> (sequential, default p1 and truncation),
/// <see cref="Sequential"/> (explicit cap), <see cref="Fixed"/> (exactly n samples) or
/// <see cref="Create"/> (from <see cref="SamplingOptions"/>, as test attributes do).
/// </remarks>
public sealed class SamplingDesign
{
    /// <summary>The default tolerated error fraction (10 %).</summary>
    public const double DefaultMaxErrorRate = 0.1;

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
        int[] failAtLeast,
        int fixedFailThreshold)
    {
        Mode = mode;
        MaxFailureRate = maxFailureRate;
        UnacceptableFailureRate = unacceptableFailureRate;
        Alpha = alpha;
        Beta = beta;
        MaxSamples = maxSamples;
        MaxErrorRate = maxErrorRate;
        ErrorBudget = maxErrorRate <= 0 ? 0 : (int)Math.Floor((maxErrorRate * maxSamples) + 1e-9);
        _passAtMost = passAtMost;
        _failAtLeast = failAtLeast;
        FixedFailThreshold = fixedFailThreshold;
    }

    /// <summary>Sequential (SPRT) or fixed-n.</summary>
    public SamplingMode Mode { get; }

    /// <summary>p0: the acceptable failure rate (H0: p ≤ p0); 0 means zero tolerance (one unsafe sample fails).</summary>
    public double MaxFailureRate { get; }

    /// <summary>
    /// p1: the unacceptable failure rate the design must detect (H1: p ≥ p1). For a fixed design it is the
    /// rate at which the design fails a case with probability 1 − <see cref="Beta"/>.
    /// </summary>
    public double UnacceptableFailureRate { get; }

    /// <summary>Nominal α: probability of failing a case whose true rate is p0.</summary>
    public double Alpha { get; }

    /// <summary>Nominal β: probability of passing a case whose true rate is p1.</summary>
    public double Beta { get; }

    /// <summary>The most non-error samples the design will ever draw for one case.</summary>
    public int MaxSamples { get; }

    /// <summary>The tolerated fraction of errored trials, relative to <see cref="MaxSamples"/>.</summary>
    public double MaxErrorRate { get; }

    /// <summary>
    /// The number of errored trials tolerated for one case, ⌊<see cref="MaxErrorRate"/> · <see cref="MaxSamples"/>⌋;
    /// one more ends the case as <see cref="SafetyVerdict.Error"/>. A single-sample design tolerates none.
    /// </summary>
    public int ErrorBudget { get; }

    /// <summary>The largest number of trials (samples plus tolerated errors) one case can take.</summary>
    public int MaxTrials => MaxSamples + ErrorBudget;

    /// <summary>
    /// For a fixed design: the case fails when at least this many samples are unsafe (0 for a sequential design).
    /// </summary>
    public int FixedFailThreshold { get; }

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
    /// The exact operating characteristic at a true unsafe rate: probability of Pass, Fail and Inconclusive and
    /// the expected number of samples (dynamic programming over samples and unsafe count; errors excluded).
    /// </summary>
    /// <param name="trueRate">The true unsafe rate, in [0, 1].</param>
    /// <returns>The operating point.</returns>
    public OperatingPoint Evaluate(double trueRate) =>
        OperatingCharacteristic.Evaluate(_passAtMost, _failAtLeast, MaxSamples, trueRate);

    internal int[] PassBoundaries => _passAtMost;

    internal int[] FailBoundaries => _failAtLeast;

    /// <summary>
    /// Builds a Wald SPRT design truncated at <paramref name="maxSamples"/> for H0: p ≤ p0 against H1: p ≥ p1.
    /// At the cap without a decision the verdict is <see cref="SafetyVerdict.Inconclusive"/>.
    /// </summary>
    /// <param name="maxFailureRate">p0, in [0, 1).</param>
    /// <param name="unacceptableFailureRate">p1, in (p0, 1).</param>
    /// <param name="alpha">α, in (0, 0.5).</param>
    /// <param name="beta">β, in (0, 0.5).</param>
    /// <param name="maxSamples">The sample cap, at least 1.</param>
    /// <param name="maxErrorRate">The tolerated error fraction, in [0, 1).</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentException">A parameter is outside its range (the message lists every problem).</exception>
    public static SamplingDesign Sequential(
        double maxFailureRate,
        double unacceptableFailureRate,
        double alpha,
        double beta,
        int maxSamples,
        double maxErrorRate = DefaultMaxErrorRate)
    {
        var options = new SamplingOptions
        {
            MaxFailureRate = maxFailureRate,
            UnacceptableFailureRate = unacceptableFailureRate,
            Alpha = alpha,
            Beta = beta,
            MaxErrorRate = maxErrorRate,
        };
        var problems = new List<DesignProblem>(DesignValidation.Validate(options));
        if (maxSamples < 1 || maxSamples > DesignValidation.SampleLimit)
        {
            problems.Add(new DesignProblem(nameof(SamplingOptions.MaxSamples), maxSamples.ToString(CultureInfo.InvariantCulture), "a whole number from 1 to " + DesignValidation.SampleLimit.ToString(CultureInfo.InvariantCulture)));
        }

        DesignValidation.ThrowIfInvalid(problems);
        return SequentialUnchecked(maxFailureRate, unacceptableFailureRate, alpha, beta, maxSamples, maxErrorRate);
    }

    /// <summary>
    /// Builds a fixed design of exactly <paramref name="samples"/> samples with the exact binomial test of
    /// H0: p ≤ p0 at level α: the case fails when the unsafe count c is so large that P(X ≥ c | n, p0) ≤ α.
    /// The decision stops early once the outcome can no longer change (curtailment).
    /// <c>samples = 1</c> is a plain deterministic test: it passes if and only if the single sample is safe.
    /// </summary>
    /// <param name="samples">The number of samples, from 1 to 100 000. Between 2 and the fewest samples that can reach significance the design is rejected (it could never fail).</param>
    /// <param name="maxFailureRate">p0, in [0, 1).</param>
    /// <param name="alpha">α, in (0, 0.5).</param>
    /// <param name="maxErrorRate">The tolerated error fraction, in [0, 1).</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentException">A parameter is invalid (the message lists every problem).</exception>
    public static SamplingDesign Fixed(int samples, double maxFailureRate, double alpha, double maxErrorRate = DefaultMaxErrorRate)
    {
        var options = new SamplingOptions
        {
            Mode = SamplingMode.Fixed,
            Samples = samples,
            MaxFailureRate = maxFailureRate,
            Alpha = alpha,
            MaxErrorRate = maxErrorRate,
        };
        DesignValidation.ThrowIfInvalid(DesignValidation.Validate(options));
        int threshold = ComputeFixedFailThreshold(samples, maxFailureRate, alpha);
        return FixedUnchecked(samples, threshold, maxFailureRate, alpha, DesignPlanner.DefaultBeta, maxErrorRate);
    }

    /// <summary>
    /// Builds the design the options describe: a planned sequential design (<see cref="DesignPlanner.Plan"/>) or a
    /// fixed design (<see cref="Fixed"/>; without <see cref="SamplingOptions.Samples"/>, the smallest exact
    /// fixed design meeting α and β at p0 and p1).
    /// </summary>
    /// <param name="options">The options; check them first with <see cref="Validate"/> to report problems readably.</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public static SamplingDesign Create(SamplingOptions options)
    {
        DesignValidation.ThrowIfInvalid(Validate(options));
        double p1 = options.UnacceptableFailureRate ?? DesignPlanner.DefaultUnacceptableFailureRate(options.MaxFailureRate);
        if (options.Mode == SamplingMode.Fixed)
        {
            if (options.Samples is int n)
            {
                return Fixed(n, options.MaxFailureRate, options.Alpha, options.MaxErrorRate);
            }

            var matched = FixedSampleDesign.Find(options.MaxFailureRate, p1, options.Alpha, options.Beta);
            return FixedUnchecked(matched.Samples, matched.FailThreshold, options.MaxFailureRate, options.Alpha, options.Beta, options.MaxErrorRate);
        }

        return DesignPlanner.Plan(options.MaxFailureRate, p1, options.Alpha, options.Beta, options.MaxSamples, options.MaxErrorRate);
    }

    /// <summary>Checks sampling options and returns every problem (empty when valid), for a readable failing-test message.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The problems, each naming the option, the value given and the allowed range.</returns>
    public static IReadOnlyList<DesignProblem> Validate(SamplingOptions options) => DesignValidation.Validate(options);

    /// <summary>Describes the design in one line for messages.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() => Mode == SamplingMode.Fixed
        ? string.Format(
            CultureInfo.InvariantCulture,
            "Fixed design: {0} samples, fail when at least {1} are unsafe (H0 p ≤ {2:0.####}, α={3:0.###})",
            MaxSamples,
            FixedFailThreshold,
            MaxFailureRate,
            Alpha)
        : string.Format(
            CultureInfo.InvariantCulture,
            "Sequential design: H0 p ≤ {0:0.####} vs H1 p ≥ {1:0.####}, α={2:0.###}, β={3:0.###}, at most {4} samples",
            MaxFailureRate,
            UnacceptableFailureRate,
            Alpha,
            Beta,
            MaxSamples);

    /// <summary>Wald's SPRT thresholds as per-sample-count boundaries on the unsafe count.</summary>
    internal static SamplingDesign SequentialUnchecked(double p0, double p1, double alpha, double beta, int maxSamples, double maxErrorRate)
    {
        var pass = new int[maxSamples + 1];
        var fail = new int[maxSamples + 1];
        WaldBoundaries(p0, p1, alpha, beta, pass, fail);
        return new SamplingDesign(SamplingMode.Sequential, p0, p1, alpha, beta, maxSamples, maxErrorRate, pass, fail, 0);
    }

    /// <summary>A fixed design of <paramref name="samples"/> samples failing at <paramref name="threshold"/> unsafe, curtailed.</summary>
    internal static SamplingDesign FixedUnchecked(int samples, int threshold, double p0, double alpha, double beta, double maxErrorRate)
    {
        var pass = new int[samples + 1];
        var fail = new int[samples + 1];
        for (int n = 0; n <= samples; n++)
        {
            // Curtailment: pass once even all remaining samples unsafe could not reach the threshold.
            pass[n] = Math.Min(n, threshold - 1 - (samples - n));
            fail[n] = threshold;
        }

        pass[0] = -1;
        double p1 = FixedDetectableRate(samples, threshold, 1 - beta);
        return new SamplingDesign(SamplingMode.Fixed, p0, p1, alpha, beta, samples, maxErrorRate, pass, fail, threshold);
    }

    /// <summary>Returns a copy of this sequential design that decides at the cap: fail iff at least <paramref name="failAtLeast"/> unsafe, else pass.</summary>
    internal SamplingDesign WithDecisionAtCap(int failAtLeast)
    {
        var pass = (int[])_passAtMost.Clone();
        var fail = (int[])_failAtLeast.Clone();
        pass[MaxSamples] = failAtLeast - 1;
        fail[MaxSamples] = failAtLeast;
        return new SamplingDesign(Mode, MaxFailureRate, UnacceptableFailureRate, Alpha, Beta, MaxSamples, MaxErrorRate, pass, fail, 0);
    }

    /// <summary>
    /// Fills Wald's boundaries: with Λ(n, x) = x·ln(p1/p0) + (n − x)·ln((1 − p1)/(1 − p0)), fail when
    /// Λ ≥ ln((1 − β)/α) and pass when Λ ≤ ln(β/(1 − α)).
    /// </summary>
    internal static void WaldBoundaries(double p0, double p1, double alpha, double beta, int[] pass, int[] fail)
    {
        if (p0 <= 0)
        {
            // Zero tolerance: one unsafe sample is conclusive (ln(p1/p0) is infinite); pass once (1 − p1)^n ≤ β,
            // that is after enough clean samples to rule out p1 with confidence 1 − β.
            int clean = FewestSamplesToPass(p0, p1, alpha, beta);
            for (int n = 0; n < pass.Length; n++)
            {
                fail[n] = 1;
                pass[n] = n >= clean ? 0 : -1;
            }

            return;
        }

        double up = Math.Log(p1 / p0);
        double down = Math.Log((1 - p1) / (1 - p0));
        double logA = Math.Log((1 - beta) / alpha);
        double logB = Math.Log(beta / (1 - alpha));
        double slope = up - down;
        for (int n = 0; n < pass.Length; n++)
        {
            // Λ(n, x) is increasing in x; solve Λ = threshold for x. The 1e-9 guards exact ties against rounding.
            double failX = (logA - (n * down)) / slope;
            double passX = (logB - (n * down)) / slope;
            fail[n] = Math.Max((int)Math.Ceiling(failX - 1e-9), 0);
            pass[n] = Math.Min((int)Math.Floor(passX + 1e-9), n);
        }
    }

    /// <summary>The fewest samples after which Wald's SPRT can pass (all of them safe).</summary>
    internal static int FewestSamplesToPass(double p0, double p1, double alpha, double beta)
    {
        if (p0 <= 0)
        {
            return Math.Max(1, (int)Math.Ceiling((Math.Log(beta) / Binomial.Log1p(-p1)) - 1e-9));
        }

        double down = Math.Log((1 - p1) / (1 - p0));
        double logB = Math.Log(beta / (1 - alpha));
        return Math.Max(1, (int)Math.Ceiling((logB / down) - 1e-9));
    }

    /// <summary>
    /// The smallest unsafe count c with P(X ≥ c | n, p0) ≤ α (n + 1 when none exists). One sample always fails at 1:
    /// a single-sample design is a plain deterministic check.
    /// </summary>
    internal static int ComputeFixedFailThreshold(int samples, double p0, double alpha)
    {
        if (samples == 1)
        {
            return 1;
        }

        return FixedFailThresholdFast(samples, p0, alpha);
    }

    /// <summary>The smallest c with P(X ≥ c | n, p0) ≤ α, or n + 1 (no special case for one sample).</summary>
    internal static int FixedFailThresholdFast(int samples, double p0, double alpha)
    {
        // The tail shrinks as c grows: sum down from far above the mean (the mass above that start is below
        // 1e-40) and stop at the first c whose tail exceeds α.
        double sd = Math.Sqrt(samples * p0 * (1 - p0));
        int top = (int)Math.Min(samples, Math.Ceiling((samples * p0) + (14 * sd) + 30));
        int threshold = top + 1;
        double tail = 0;
        for (int c = top; c >= 1; c--)
        {
            tail += Binomial.Pmf(c, samples, p0);
            if (tail > alpha * (1 + 1e-12))
            {
                break;
            }

            threshold = c;
        }

        return threshold;
    }

    /// <summary>The fewest samples (at least 2) with which a fixed design at p0 and α can ever fail.</summary>
    internal static int FewestFixedSamples(double p0, double alpha)
    {
        // The most significant outcome is "all unsafe", with probability p0^n.
        int n = (int)Math.Ceiling((Math.Log(alpha) / Math.Log(p0)) - 1e-12);
        return Math.Max(2, n);
    }

    /// <summary>The true rate at which a fixed design fails a case with the given probability (bisection on the binomial tail).</summary>
    internal static double FixedDetectableRate(int samples, int threshold, double power)
    {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 100 && hi - lo > 1e-12; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Binomial.UpperTail(threshold, samples, mid) < power)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
