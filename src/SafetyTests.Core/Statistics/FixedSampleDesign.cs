using System;
using System.Globalization;

namespace SafetyTests.Statistics;

/// <summary>
/// A fixed-n exact design: draw <see cref="Samples"/> samples and fail when at least <see cref="FailThreshold"/>
/// are unsafe. Built by <see cref="Find"/> (smallest n meeting α and β exactly) or <see cref="Demonstration"/>
/// (smallest n whose exact Clopper–Pearson upper bound demonstrates a rate below a limit).
/// </summary>
public sealed class FixedSampleDesign
{
    private FixedSampleDesign(int samples, int failThreshold)
    {
        Samples = samples;
        FailThreshold = failThreshold;
    }

    /// <summary>The number of samples.</summary>
    public int Samples { get; }

    /// <summary>The case fails when at least this many samples are unsafe.</summary>
    public int FailThreshold { get; }

    /// <summary>The most unsafe samples with which the case still passes (<see cref="FailThreshold"/> − 1).</summary>
    public int MaxUnsafeToPass => FailThreshold - 1;

    /// <summary>The exact probability that the design passes a case whose true unsafe rate is <paramref name="trueRate"/>.</summary>
    /// <param name="trueRate">The true rate in [0, 1].</param>
    /// <returns>P(X ≤ <see cref="MaxUnsafeToPass"/>) for X ~ Bin(<see cref="Samples"/>, <paramref name="trueRate"/>).</returns>
    public double PassProbability(double trueRate)
    {
        if (!(trueRate >= 0 && trueRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(trueRate), trueRate, "The true rate must be in [0, 1].");
        }

        return Binomial.LowerTail(MaxUnsafeToPass, Samples, trueRate);
    }

    /// <summary>
    /// The smallest n, with the smallest cut-off c, such that the exact binomial test fails a case at rate p0 with
    /// probability at most α and a case at rate p1 with probability at least 1 − β.
    /// </summary>
    /// <param name="maxFailureRate">p0 in [0, 1).</param>
    /// <param name="unacceptableFailureRate">p1 in (p0, 1).</param>
    /// <param name="alpha">α in (0, 0.5).</param>
    /// <param name="beta">β in (0, 0.5).</param>
    /// <returns>The design.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    /// <exception cref="InvalidOperationException">No design with at most 100 000 samples exists.</exception>
    public static FixedSampleDesign Find(double maxFailureRate, double unacceptableFailureRate, double alpha, double beta)
    {
        Guard(maxFailureRate, unacceptableFailureRate, alpha, beta);

        // The randomized exact test (UMP) has power nondecreasing in n: a level-α test on n samples is one on n + 1
        // samples that ignores the last. Its power bounds the non-randomized power from above, so no n below the
        // first n where it reaches 1 − β can work: find that n by bisection, then scan upward exactly.
        int lo = 1;
        int hi = DesignValidation.SampleLimit;
        if (RandomizedPower(hi, maxFailureRate, unacceptableFailureRate, alpha) < 1 - beta)
        {
            throw new InvalidOperationException("No fixed design with at most 100000 samples separates these rates.");
        }

        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (RandomizedPower(mid, maxFailureRate, unacceptableFailureRate, alpha) >= 1 - beta)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        for (int n = lo; n <= DesignValidation.SampleLimit; n++)
        {
            int c = SamplingDesign.FixedFailThresholdFast(n, maxFailureRate, alpha);
            if (c <= n && Binomial.UpperTail(c, n, unacceptableFailureRate) >= 1 - beta)
            {
                return new FixedSampleDesign(n, c);
            }
        }

        throw new InvalidOperationException("No fixed design with at most 100000 samples separates these rates.");
    }

    /// <summary>
    /// The smallest n such that observing at most <paramref name="allowedUnsafe"/> unsafe samples demonstrates, with the
    /// exact one-sided Clopper–Pearson upper bound at <paramref name="confidence"/>, that the unsafe rate is below
    /// <paramref name="maxFailureRate"/> (zero failures at 95 %: 29 samples for 10 %, 59 for 5 %, 299 for 1 %).
    /// </summary>
    /// <param name="maxFailureRate">The rate to demonstrate, in (0, 1).</param>
    /// <param name="confidence">The confidence, in (0, 1).</param>
    /// <param name="allowedUnsafe">The unsafe samples tolerated, at least 0.</param>
    /// <returns>The design (it passes with probability at most 1 − confidence when the true rate is <paramref name="maxFailureRate"/>).</returns>
    public static FixedSampleDesign Demonstration(double maxFailureRate, double confidence = 0.95, int allowedUnsafe = 0)
    {
        if (!(maxFailureRate > 0 && maxFailureRate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxFailureRate), maxFailureRate, "The rate must be in (0, 1).");
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be in (0, 1).");
        }

        if (allowedUnsafe < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(allowedUnsafe), allowedUnsafe, "The allowed unsafe count must be at least 0.");
        }

        double risk = 1 - confidence;
        for (int n = allowedUnsafe + 1; n <= DesignValidation.SampleLimit; n++)
        {
            if (Binomial.LowerTail(allowedUnsafe, n, maxFailureRate) <= risk)
            {
                return new FixedSampleDesign(n, allowedUnsafe + 1);
            }
        }

        throw new InvalidOperationException("No demonstration design with at most 100000 samples exists for these values.");
    }

    /// <summary>
    /// Power at p1 of the randomized exact level-α test on n samples: fail at c or more, and at c − 1 with the
    /// probability that brings the size up to exactly α.
    /// </summary>
    private static double RandomizedPower(int n, double p0, double p1, double alpha)
    {
        int c = SamplingDesign.FixedFailThresholdFast(n, p0, alpha);
        double size = Binomial.UpperTail(c, n, p0);
        double edge = Binomial.Pmf(c - 1, n, p0);
        double gamma = edge > 0 ? Math.Min(1, (alpha - size) / edge) : 0;
        return Binomial.UpperTail(c, n, p1) + (gamma * Binomial.Pmf(c - 1, n, p1));
    }

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} samples, fail when at least {1} are unsafe",
        Samples,
        FailThreshold);

    private static void Guard(double p0, double p1, double alpha, double beta)
    {
        if (!(p0 >= 0 && p0 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p0), p0, "The acceptable failure rate must be in [0, 1).");
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
    }
}
