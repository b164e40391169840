using System;
using System.Globalization;

namespace SafetyTests.Statistics;

/// <summary>
/// A confidence interval for a binomial proportion (the unsafe rate of a case from <see cref="Unsafe"/> of
/// <see cref="Samples"/> samples). A fact, not a verdict: decide with the exact (Clopper–Pearson) bounds.
/// </summary>
public sealed class BinomialInterval
{
    private BinomialInterval(int unsafeCount, int samples, double confidence, IntervalMethod method, IntervalSide side, double lower, double upper)
    {
        Unsafe = unsafeCount;
        Samples = samples;
        Confidence = confidence;
        Method = method;
        Side = side;
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The unsafe count x.</summary>
    public int Unsafe { get; }

    /// <summary>The sample count n.</summary>
    public int Samples { get; }

    /// <summary>The point estimate x / n.</summary>
    public double Estimate => (double)Unsafe / Samples;

    /// <summary>The confidence level, for example 0.95.</summary>
    public double Confidence { get; }

    /// <summary>The method.</summary>
    public IntervalMethod Method { get; }

    /// <summary>Two-sided or one-sided.</summary>
    public IntervalSide Side { get; }

    /// <summary>The lower bound (0 for a one-sided upper bound).</summary>
    public double Lower { get; }

    /// <summary>The upper bound (1 for a one-sided lower bound).</summary>
    public double Upper { get; }

    /// <summary>Computes an interval for <paramref name="unsafeCount"/> unsafe out of <paramref name="samples"/> samples.</summary>
    /// <param name="unsafeCount">x, from 0 to n.</param>
    /// <param name="samples">n, at least 1.</param>
    /// <param name="confidence">The confidence level, in (0, 1).</param>
    /// <param name="method">The method; Clopper–Pearson (exact) by default.</param>
    /// <param name="side">Two-sided by default.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static BinomialInterval Compute(int unsafeCount, int samples, double confidence = 0.95, IntervalMethod method = IntervalMethod.ClopperPearson, IntervalSide side = IntervalSide.TwoSided)
    {
        if (samples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "The sample count must be at least 1.");
        }

        if (unsafeCount < 0 || unsafeCount > samples)
        {
            throw new ArgumentOutOfRangeException(nameof(unsafeCount), unsafeCount, "The unsafe count must be between 0 and the sample count.");
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence must be in (0, 1).");
        }

        // Each constrained bound leaves this much probability outside it.
        double tail = side == IntervalSide.TwoSided ? (1 - confidence) / 2 : 1 - confidence;
        double lower;
        double upper;
        switch (method)
        {
            case IntervalMethod.ClopperPearson:
                lower = ClopperPearsonLower(unsafeCount, samples, tail);
                upper = ClopperPearsonUpper(unsafeCount, samples, tail);
                break;
            case IntervalMethod.Wilson:
                WilsonBounds(unsafeCount, samples, Normal.Quantile(1 - tail), out lower, out upper);
                break;
            case IntervalMethod.Jeffreys:
                lower = unsafeCount == 0 ? 0 : IncompleteBeta.Inverse(tail, unsafeCount + 0.5, samples - unsafeCount + 0.5);
                upper = unsafeCount == samples ? 1 : IncompleteBeta.Inverse(1 - tail, unsafeCount + 0.5, samples - unsafeCount + 0.5);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown interval method.");
        }

        if (side == IntervalSide.Upper)
        {
            lower = 0;
        }
        else if (side == IntervalSide.Lower)
        {
            upper = 1;
        }

        return new BinomialInterval(unsafeCount, samples, confidence, method, side, lower, upper);
    }

    /// <summary>The Wilson score interval.</summary>
    /// <param name="unsafeCount">x, from 0 to n.</param>
    /// <param name="samples">n, at least 1.</param>
    /// <param name="confidence">The confidence level, in (0, 1).</param>
    /// <param name="side">Two-sided by default.</param>
    /// <returns>The interval.</returns>
    public static BinomialInterval Wilson(int unsafeCount, int samples, double confidence = 0.95, IntervalSide side = IntervalSide.TwoSided) =>
        Compute(unsafeCount, samples, confidence, IntervalMethod.Wilson, side);

    /// <summary>The Clopper–Pearson exact interval.</summary>
    /// <param name="unsafeCount">x, from 0 to n.</param>
    /// <param name="samples">n, at least 1.</param>
    /// <param name="confidence">The confidence level, in (0, 1).</param>
    /// <param name="side">Two-sided by default.</param>
    /// <returns>The interval.</returns>
    public static BinomialInterval ClopperPearson(int unsafeCount, int samples, double confidence = 0.95, IntervalSide side = IntervalSide.TwoSided) =>
        Compute(unsafeCount, samples, confidence, IntervalMethod.ClopperPearson, side);

    /// <summary>The Jeffreys interval.</summary>
    /// <param name="unsafeCount">x, from 0 to n.</param>
    /// <param name="samples">n, at least 1.</param>
    /// <param name="confidence">The confidence level, in (0, 1).</param>
    /// <param name="side">Two-sided by default.</param>
    /// <returns>The interval.</returns>
    public static BinomialInterval Jeffreys(int unsafeCount, int samples, double confidence = 0.95, IntervalSide side = IntervalSide.TwoSided) =>
        Compute(unsafeCount, samples, confidence, IntervalMethod.Jeffreys, side);

    /// <summary>Formats the interval as percentages, for example "95% CI 5–51%".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        string level = (Confidence * 100).ToString("0.##", c);
        return Side switch
        {
            IntervalSide.Upper => string.Format(c, "{0}% upper bound {1}", level, Percent(Upper)),
            IntervalSide.Lower => string.Format(c, "{0}% lower bound {1}", level, Percent(Lower)),
            _ => string.Format(c, "{0}% CI {1}–{2}", level, Percent(Lower).TrimEnd('%'), Percent(Upper)),
        };
    }

    private static string Percent(double value)
    {
        double percent = value * 100;
        string format = percent != 0 && percent < 1 ? "0.0#" : "0";
        return percent.ToString(format, CultureInfo.InvariantCulture) + "%";
    }

    private static double ClopperPearsonLower(int x, int n, double tail)
    {
        if (x == 0)
        {
            return 0;
        }

        if (x == n)
        {
            // Closed form: P(X = n | p) = p^n = tail.
            return Math.Exp(Math.Log(tail) / n);
        }

        return IncompleteBeta.Inverse(tail, x, n - x + 1);
    }

    private static double ClopperPearsonUpper(int x, int n, double tail)
    {
        if (x == n)
        {
            return 1;
        }

        if (x == 0)
        {
            // Closed form: P(X = 0 | p) = (1 − p)^n = tail, so p = 1 − tail^(1/n), computed without cancellation.
            return -ExpMinusOne(Math.Log(tail) / n);
        }

        return IncompleteBeta.Inverse(1 - tail, x + 1, n - x);
    }

    private static void WilsonBounds(int x, int n, double z, out double lower, out double upper)
    {
        double z2 = z * z;
        double denominator = n + z2;
        double center = (x + (z2 / 2)) / denominator;
        double half = z * Math.Sqrt(((double)x * (n - x) / n) + (z2 / 4)) / denominator;
        lower = x == 0 ? 0 : Math.Max(0, center - half);
        upper = x == n ? 1 : Math.Min(1, center + half);
    }

    private static double ExpMinusOne(double x)
    {
        if (Math.Abs(x) > 1e-5)
        {
            return Math.Exp(x) - 1;
        }

        return x + (x * x / 2) + (x * x * x / 6);
    }
}
