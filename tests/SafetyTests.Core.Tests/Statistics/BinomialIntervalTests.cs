using System;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Statistics;

public class BinomialIntervalTests
{
    // Reference vectors (docs/statistics.md, "Intervals"): values rounded to 6 decimals, so compare within 5e-7.
    private const double SixDecimals = 5e-7;

    [Theory]
    [InlineData(0, 10, 0, 0.277533)]
    [InlineData(0, 20, 0, 0.161125)]
    [InlineData(1, 20, 0.008881, 0.236131)]
    [InlineData(2, 20, 0.027866, 0.301034)]
    [InlineData(5, 50, 0.043476, 0.213602)]
    [InlineData(15, 148, 0.062386, 0.160487)]
    [InlineData(81, 263, 0.255289, 0.366210)]
    public void Wilson_TwoSided95_MatchesReference(int x, int n, double lower, double upper)
    {
        var interval = BinomialInterval.Wilson(x, n);
        interval.Lower.ShouldBe(lower, SixDecimals);
        interval.Upper.ShouldBe(upper, SixDecimals);
    }

    [Theory]
    [InlineData(0, 10, 0, 0.308497)]
    [InlineData(0, 20, 0, 0.168433)]
    [InlineData(1, 20, 0.001265, 0.248733)]
    [InlineData(2, 20, 0.012349, 0.316983)]
    [InlineData(5, 50, 0.033275, 0.218135)]
    [InlineData(15, 148, 0.057844, 0.161650)]
    [InlineData(81, 263, 0.252737, 0.367622)]
    public void ClopperPearson_TwoSided95_MatchesReference(int x, int n, double lower, double upper)
    {
        var interval = BinomialInterval.ClopperPearson(x, n);
        interval.Lower.ShouldBe(lower, SixDecimals);
        interval.Upper.ShouldBe(upper, SixDecimals);
    }

    [Theory]
    [InlineData(0, 10, 0, 0.217196)]
    [InlineData(0, 20, 0, 0.116639)]
    [InlineData(1, 20, 0.005449, 0.210819)]
    [InlineData(2, 20, 0.021372, 0.283853)]
    [InlineData(5, 50, 0.039194, 0.205355)]
    [InlineData(15, 148, 0.060449, 0.157643)]
    [InlineData(81, 263, 0.254522, 0.365647)]
    public void Jeffreys_TwoSided95_MatchesReference(int x, int n, double lower, double upper)
    {
        var interval = BinomialInterval.Jeffreys(x, n);
        interval.Lower.ShouldBe(lower, SixDecimals);
        interval.Upper.ShouldBe(upper, SixDecimals);
    }

    [Theory]
    [InlineData(1, 30, 0.00084357, 0.17216946)]
    [InlineData(4, 20, 0.05733400, 0.43661400)]
    public void ClopperPearson_RCrossChecks_Match(int x, int n, double lower, double upper)
    {
        var interval = BinomialInterval.ClopperPearson(x, n);
        interval.Lower.ShouldBe(lower, 5e-9);
        interval.Upper.ShouldBe(upper, 5e-9);
    }

    [Theory]
    [InlineData(1, 30, 0.00590859, 0.16670391)]
    [InlineData(4, 20, 0.08065766, 0.41601743)]
    public void Wilson_RCrossChecks_Match(int x, int n, double lower, double upper)
    {
        var interval = BinomialInterval.Wilson(x, n);
        interval.Lower.ShouldBe(lower, 5e-9);
        interval.Upper.ShouldBe(upper, 5e-9);
    }

    [Theory]
    [InlineData(0, 10, 0.212942, 0.258866, 0.170773)]
    [InlineData(0, 20, 0.119158, 0.139108, 0.090476)]
    [InlineData(0, 29, 0.085333, 0.098145, 0.063551)]
    [InlineData(0, 50, 0.051333, 0.058155, 0.037501)]
    [InlineData(1, 20, 0.196007, 0.216106, 0.179555)]
    [InlineData(5, 50, 0.191538, 0.198833, 0.186411)]
    public void Compute_OneSidedUpper95_MatchesReference(int x, int n, double wilson, double clopperPearson, double jeffreys)
    {
        var w = BinomialInterval.Wilson(x, n, 0.95, IntervalSide.Upper);
        var cp = BinomialInterval.ClopperPearson(x, n, 0.95, IntervalSide.Upper);
        var j = BinomialInterval.Jeffreys(x, n, 0.95, IntervalSide.Upper);
        w.Upper.ShouldBe(wilson, SixDecimals);
        cp.Upper.ShouldBe(clopperPearson, SixDecimals);
        j.Upper.ShouldBe(jeffreys, SixDecimals);
        w.Lower.ShouldBe(0);
        cp.Lower.ShouldBe(0);
        j.Lower.ShouldBe(0);
    }

    [Fact]
    public void ClopperPearson_OneSidedLower_IsTheTwoSidedLowerAtDoubleTail()
    {
        // A one-sided 95% lower bound equals the lower end of the two-sided 90% interval.
        var oneSided = BinomialInterval.ClopperPearson(5, 50, 0.95, IntervalSide.Lower);
        var twoSided = BinomialInterval.ClopperPearson(5, 50, 0.90);
        oneSided.Lower.ShouldBe(twoSided.Lower, 1e-14);
        oneSided.Upper.ShouldBe(1);
    }

    [Theory]
    [InlineData(IntervalMethod.ClopperPearson)]
    [InlineData(IntervalMethod.Wilson)]
    [InlineData(IntervalMethod.Jeffreys)]
    public void Compute_AllUnsafe_UpperBoundIsOneAndLowerMirrorsZeroCase(IntervalMethod method)
    {
        var all = BinomialInterval.Compute(20, 20, 0.95, method);
        var none = BinomialInterval.Compute(0, 20, 0.95, method);
        all.Upper.ShouldBe(1);
        none.Lower.ShouldBe(0);
        all.Lower.ShouldBe(1 - none.Upper, 1e-12);
    }

    [Fact]
    public void ClopperPearson_ExtremeCountsAndLargeSamples_AreFiniteAndOrdered()
    {
        foreach (int n in new[] { 1, 2, 7, 1000, 100_000 })
        {
            foreach (int x in new[] { 0, 1, n / 2, n - 1, n })
            {
                foreach (double confidence in new[] { 0.5, 0.95, 0.999999 })
                {
                    var interval = BinomialInterval.ClopperPearson(x, n, confidence);
                    double.IsNaN(interval.Lower).ShouldBeFalse();
                    double.IsNaN(interval.Upper).ShouldBeFalse();
                    interval.Lower.ShouldBeInRange(0, interval.Estimate);
                    interval.Upper.ShouldBeInRange(interval.Estimate, 1);
                }
            }
        }
    }

    [Fact]
    public void ClopperPearson_Bounds_SolveTheBinomialTailEquations()
    {
        // The exact bounds are the rates at which the observed count sits exactly at the tail probability.
        var interval = BinomialInterval.ClopperPearson(7, 300, 0.99);
        double upperTail = 0;
        double lowerTail = 0;
        for (int k = 0; k <= 7; k++)
        {
            upperTail += Pmf(k, 300, interval.Upper);
        }

        for (int k = 7; k <= 300; k++)
        {
            lowerTail += Pmf(k, 300, interval.Lower);
        }

        upperTail.ShouldBe(0.005, 1e-12);
        lowerTail.ShouldBe(0.005, 1e-12);
    }

    [Fact]
    public void Compute_InvalidArguments_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => BinomialInterval.ClopperPearson(0, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => BinomialInterval.ClopperPearson(3, 2));
        Should.Throw<ArgumentOutOfRangeException>(() => BinomialInterval.ClopperPearson(-1, 2));
        Should.Throw<ArgumentOutOfRangeException>(() => BinomialInterval.ClopperPearson(1, 2, 1.0));
        Should.Throw<ArgumentOutOfRangeException>(() => BinomialInterval.ClopperPearson(1, 2, double.NaN));
    }

    [Fact]
    public void ToString_TwoSided_ShowsPercentRange()
    {
        BinomialInterval.ClopperPearson(3, 14).ToString().ShouldBe("95% CI 5–51%");
        BinomialInterval.ClopperPearson(0, 29, 0.95, IntervalSide.Upper).ToString().ShouldBe("95% upper bound 10%");
        BinomialInterval.ClopperPearson(3, 14).Estimate.ShouldBe(3.0 / 14);
    }

    private static double Pmf(int k, int n, double p)
    {
        double logChoose = 0;
        for (int i = 1; i <= k; i++)
        {
            logChoose += Math.Log(n - k + i) - Math.Log(i);
        }

        return Math.Exp(logChoose + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p)));
    }
}
