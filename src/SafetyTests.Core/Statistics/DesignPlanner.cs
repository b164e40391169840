using System;
using System.Collections.Generic;

namespace SafetyTests.Statistics;

/// <summary>
/// Plans sequential designs: picks the default unacceptable rate p1 and the default truncation, and describes
/// the result with its exact operating characteristic.
/// </summary>
/// <remarks>
/// <para><b>Default p1</b> (<see cref="DefaultUnacceptableFailureRate"/>): p1 = min(p0 + max(p0, 0.10), (1 + p0) / 2):
/// detect a doubling of the failure rate but never less than 10 percentage points above p0 (closer rates cost
/// hundreds of samples per case), and never more than halfway from p0 to 1.</para>
/// <para><b>Default truncation</b> (<see cref="DefaultMaxSamples"/>): the smallest cap at which the exact
/// operating characteristic of the truncated Wald SPRT has actual α ≤ (1 + <see cref="ErrorRateTolerance"/>)·α and
/// actual β ≤ (1 + <see cref="ErrorRateTolerance"/>)·β, counting an Inconclusive verdict against both.</para>
/// </remarks>
public static class DesignPlanner
{
    /// <summary>The default α (5 %).</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>The default β (10 %).</summary>
    public const double DefaultBeta = 0.10;

    /// <summary>The relative tolerance on α and β of the default truncation (10 %: α = 0.05 allows an actual 0.055).</summary>
    public const double ErrorRateTolerance = 0.10;

    /// <summary>The smallest gap between p0 and the default p1 (10 percentage points).</summary>
    public const double MinimumDefaultGap = 0.10;

    /// <summary>The default p1 is at least this multiple of p0 (2: the gap is at least p0).</summary>
    public const double DefaultRateMultiple = 2;

    /// <summary>The default unacceptable rate for an acceptable rate p0: min(p0 + max(p0, 0.10), (1 + p0) / 2).</summary>
    /// <param name="maxFailureRate">p0 in [0, 1).</param>
    /// <returns>p1, in (p0, 1).</returns>
    public static double DefaultUnacceptableFailureRate(double maxFailureRate)
    {
        if (!(maxFailureRate >= 0 && maxFailureRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxFailureRate), maxFailureRate, "The acceptable failure rate must be in [0, 1).");
        }

        double gap = Math.Max((DefaultRateMultiple - 1) * maxFailureRate, MinimumDefaultGap);
        double p1 = Math.Min(maxFailureRate + gap, (1 + maxFailureRate) / 2);

        // Rounded to 12 decimals so that 0.05 gives 0.15, not 0.15000000000000002 (unless rounding would leave (p0, 1)).
        double rounded = Math.Round(p1, 12);
        return rounded > maxFailureRate && rounded < 1 ? rounded : p1;
    }

    /// <summary>
    /// Checks planner inputs and returns every problem (empty when valid), each naming the option and its allowed range.
    /// </summary>
    /// <param name="maxFailureRate">p0 in [0, 1).</param>
    /// <param name="unacceptableFailureRate">p1 in (p0, 1), or <see langword="null"/> for the default.</param>
    /// <param name="alpha">α in (0, 0.5).</param>
    /// <param name="beta">β in (0, 0.5).</param>
    /// <param name="maxSamples">The cap, or <see langword="null"/> for the default truncation.</param>
    /// <param name="maxErrorRate">The tolerated error fraction in [0, 1).</param>
    /// <returns>The problems.</returns>
    public static IReadOnlyList<DesignProblem> Validate(
        double maxFailureRate,
        double? unacceptableFailureRate = null,
        double alpha = DefaultAlpha,
        double beta = DefaultBeta,
        int? maxSamples = null,
        double maxErrorRate = SamplingDesign.DefaultMaxErrorRate) =>
        DesignValidation.Validate(new SamplingOptions
        {
            MaxFailureRate = maxFailureRate,
            UnacceptableFailureRate = unacceptableFailureRate,
            Alpha = alpha,
            Beta = beta,
            MaxSamples = maxSamples,
            MaxErrorRate = maxErrorRate,
        });

    /// <summary>
    /// Plans a truncated Wald SPRT for H0: p ≤ p0 against H1: p ≥ p1: the default p1 when none is given and the
    /// default truncation when no cap is given.
    /// </summary>
    /// <param name="maxFailureRate">p0 in [0, 1).</param>
    /// <param name="unacceptableFailureRate">p1 in (p0, 1), or <see langword="null"/> for <see cref="DefaultUnacceptableFailureRate"/>.</param>
    /// <param name="alpha">α in (0, 0.5).</param>
    /// <param name="beta">β in (0, 0.5).</param>
    /// <param name="maxSamples">The cap, or <see langword="null"/> for <see cref="DefaultMaxSamples"/>.</param>
    /// <param name="maxErrorRate">The tolerated error fraction in [0, 1).</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentException">An input is invalid (the message lists every problem, see <see cref="Validate"/>).</exception>
    public static SamplingDesign Plan(
        double maxFailureRate,
        double? unacceptableFailureRate = null,
        double alpha = DefaultAlpha,
        double beta = DefaultBeta,
        int? maxSamples = null,
        double maxErrorRate = SamplingDesign.DefaultMaxErrorRate)
    {
        DesignValidation.ThrowIfInvalid(Validate(maxFailureRate, unacceptableFailureRate, alpha, beta, maxSamples, maxErrorRate));
        double p1 = unacceptableFailureRate ?? DefaultUnacceptableFailureRate(maxFailureRate);
        int cap = maxSamples ?? DefaultMaxSamples(maxFailureRate, p1, alpha, beta);
        return SamplingDesign.SequentialUnchecked(maxFailureRate, p1, alpha, beta, cap, maxErrorRate);
    }

    /// <summary>
    /// The default cap of the Wald SPRT for these rates: the smallest cap whose exact actual α and β (Inconclusive
    /// counted against both) are within (1 + <see cref="ErrorRateTolerance"/>) of the nominal values.
    /// </summary>
    /// <param name="maxFailureRate">p0 in [0, 1).</param>
    /// <param name="unacceptableFailureRate">p1 in (p0, 1).</param>
    /// <param name="alpha">α in (0, 0.5).</param>
    /// <param name="beta">β in (0, 0.5).</param>
    /// <returns>The cap.</returns>
    public static int DefaultMaxSamples(double maxFailureRate, double unacceptableFailureRate, double alpha = DefaultAlpha, double beta = DefaultBeta)
    {
        DesignValidation.ThrowIfInvalid(Validate(maxFailureRate, unacceptableFailureRate, alpha, beta));
        double p0 = maxFailureRate;
        double p1 = unacceptableFailureRate;
        int fewest = SamplingDesign.FewestSamplesToPass(p0, p1, alpha, beta);
        if (p0 <= 0)
        {
            // Zero tolerance decides by the pass point at the latest: no truncation needed.
            return fewest;
        }

        int limit = SearchLimit(p0, p1, alpha, beta, fewest);
        var pass = new int[limit + 1];
        var fail = new int[limit + 1];
        SamplingDesign.WaldBoundaries(p0, p1, alpha, beta, pass, fail);
        var at0 = OperatingCharacteristic.Profile(pass, fail, limit, p0);
        var at1 = OperatingCharacteristic.Profile(pass, fail, limit, p1);
        double alphaLimit = alpha * (1 + ErrorRateTolerance);
        double betaLimit = beta * (1 + ErrorRateTolerance);
        int fallback = limit;
        for (int n = fewest; n <= limit; n++)
        {
            double actualAlpha = at0.Fail(n) + at0.Inconclusive(n);
            double actualBeta = at1.Pass(n) + at1.Inconclusive(n);
            if (actualAlpha <= alphaLimit && actualBeta <= betaLimit)
            {
                return n;
            }

            // When even the untruncated design misses the tolerance, stop where truncation no longer matters.
            if (fallback == limit && at0.Inconclusive(n) < 1e-4 && at1.Inconclusive(n) < 1e-4)
            {
                fallback = n;
            }
        }

        return fallback;
    }

    /// <summary>Describes a design: exact actual α and β, expected samples at 0, p0 and p1, and the matched fixed-n design.</summary>
    /// <param name="design">The design.</param>
    /// <returns>The summary.</returns>
    public static DesignSummary Summarize(SamplingDesign design)
    {
        if (design is null)
        {
            throw new ArgumentNullException(nameof(design));
        }

        FixedSampleDesign? matched = null;
        try
        {
            matched = FixedSampleDesign.Find(design.MaxFailureRate, design.UnacceptableFailureRate, design.Alpha, design.Beta);
        }
        catch (InvalidOperationException)
        {
            // No fixed design within the sample limit: report none.
        }

        return new DesignSummary(
            design,
            design.Evaluate(0),
            design.Evaluate(design.MaxFailureRate),
            design.Evaluate(design.UnacceptableFailureRate),
            matched);
    }

    private static int SearchLimit(double p0, double p1, double alpha, double beta, int fewest)
    {
        // A generous multiple of the normal-approximation fixed sample size bounds the search.
        double zA = Normal.Quantile(1 - alpha);
        double zB = Normal.Quantile(1 - beta);
        double root = (zA * Math.Sqrt(p0 * (1 - p0))) + (zB * Math.Sqrt(p1 * (1 - p1)));
        double fixedN = root * root / ((p1 - p0) * (p1 - p0));
        double limit = Math.Max(10 * fixedN, 20.0 * fewest) + 100;
        return (int)Math.Min(DesignValidation.SampleLimit, Math.Ceiling(limit));
    }
}
