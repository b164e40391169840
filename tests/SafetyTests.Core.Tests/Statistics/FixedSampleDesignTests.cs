using System;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Statistics;

public class FixedSampleDesignTests
{
    [Theory]
    [InlineData(0.01, 0.10, 52, 3)]
    [InlineData(0.05, 0.20, 38, 5)]
    public void Find_ReferencePairs_SmallestExactDesign(double p0, double p1, int samples, int threshold)
    {
        var design = FixedSampleDesign.Find(p0, p1, 0.05, 0.10);
        design.Samples.ShouldBe(samples);
        design.FailThreshold.ShouldBe(threshold);
        design.MaxUnsafeToPass.ShouldBe(threshold - 1);
        (1 - design.PassProbability(p0)).ShouldBeLessThanOrEqualTo(0.05);
        design.PassProbability(p1).ShouldBeLessThanOrEqualTo(0.10);
    }

    [Fact]
    public void Find_ReferencePair_NoSmallerDesignMeetsBothErrorRates()
    {
        // Brute force over every n < 52 and cut-off: none has α ≤ 0.05 and power ≥ 0.90.
        for (int n = 1; n < 52; n++)
        {
            for (int c = 1; c <= n; c++)
            {
                double alpha = UpperTail(c, n, 0.01);
                double power = UpperTail(c, n, 0.10);
                (alpha <= 0.05 && power >= 0.90).ShouldBeFalse($"n={n}, c={c}");
            }
        }
    }

    [Theory]
    [InlineData(0.10, 29)]
    [InlineData(0.05, 59)]
    [InlineData(0.02, 149)]
    [InlineData(0.01, 299)]
    public void Demonstration_ZeroFailures95_MatchesReferenceSampleSizes(double rate, int samples)
    {
        var design = FixedSampleDesign.Demonstration(rate);
        design.Samples.ShouldBe(samples);
        design.FailThreshold.ShouldBe(1);
        design.PassProbability(rate).ShouldBeLessThanOrEqualTo(0.05);

        // The exact upper bound after n clean samples is below the rate; after n − 1 it is not.
        BinomialInterval.ClopperPearson(0, samples, 0.95, IntervalSide.Upper).Upper.ShouldBeLessThan(rate);
        BinomialInterval.ClopperPearson(0, samples - 1, 0.95, IntervalSide.Upper).Upper.ShouldBeGreaterThanOrEqualTo(rate);
    }

    [Fact]
    public void Demonstration_WithAllowedFailures_UsesExactUpperBound()
    {
        var design = FixedSampleDesign.Demonstration(0.10, 0.95, allowedUnsafe: 1);
        design.FailThreshold.ShouldBe(2);
        BinomialInterval.ClopperPearson(1, design.Samples, 0.95, IntervalSide.Upper).Upper.ShouldBeLessThan(0.10);
        BinomialInterval.ClopperPearson(1, design.Samples - 1, 0.95, IntervalSide.Upper).Upper.ShouldBeGreaterThanOrEqualTo(0.10);
        design.Samples.ShouldBe(46);
    }

    [Fact]
    public void Find_InvalidRates_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => FixedSampleDesign.Find(0.1, 0.05, 0.05, 0.1));
        Should.Throw<ArgumentOutOfRangeException>(() => FixedSampleDesign.Demonstration(0));
        Should.Throw<ArgumentOutOfRangeException>(() => FixedSampleDesign.Demonstration(0.1, 1));
    }

    [Theory]
    [InlineData(0.01, 0.11)]
    [InlineData(0.02, 0.12)]
    [InlineData(0.05, 0.15)]
    [InlineData(0.10, 0.20)]
    [InlineData(0.20, 0.40)]
    [InlineData(0.30, 0.40)]
    public void Find_AgreesWithExhaustiveScan(double p0, double p1)
    {
        var design = FixedSampleDesign.Find(p0, p1, 0.05, 0.10);
        for (int n = 1; n <= design.Samples; n++)
        {
            double[] tail0 = UpperTails(n, p0);
            double[] tail1 = UpperTails(n, p1);
            int c = 1;
            while (c <= n && tail0[c] > 0.05)
            {
                c++;
            }

            bool feasible = c <= n && tail1[c] >= 0.90;
            feasible.ShouldBe(n == design.Samples, $"n={n}");
            if (feasible)
            {
                design.FailThreshold.ShouldBe(c);
            }
        }
    }

    // tails[c] = P(X ≥ c) for X ~ Bin(n, p), by the pmf recurrence (independent of the product code).
    private static double[] UpperTails(int n, double p)
    {
        var pmf = new double[n + 1];
        pmf[0] = Math.Pow(1 - p, n);
        for (int k = 0; k < n; k++)
        {
            pmf[k + 1] = pmf[k] * (n - k) / (k + 1) * p / (1 - p);
        }

        var tails = new double[n + 2];
        for (int k = n; k >= 0; k--)
        {
            tails[k] = tails[k + 1] + pmf[k];
        }

        return tails;
    }

    [Fact]
    public void Find_CloseRates_FindsLargeDesigns()
    {
        // Its speed is measured by the statistics benchmarks, not asserted here.
        var design = FixedSampleDesign.Find(0.01, 0.02, 0.05, 0.10);
        var veryClose = FixedSampleDesign.Find(0.01, 0.012, 0.05, 0.10);
        design.Samples.ShouldBe(1235);
        design.FailThreshold.ShouldBe(19);
        veryClose.Samples.ShouldBeGreaterThan(20_000);
    }

    private static double UpperTail(int c, int n, double p)
    {
        double sum = 0;
        for (int k = c; k <= n; k++)
        {
            double logChoose = 0;
            for (int i = 1; i <= k; i++)
            {
                logChoose += Math.Log(n - k + i) - Math.Log(i);
            }

            sum += Math.Exp(logChoose + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p)));
        }

        return sum;
    }
}
