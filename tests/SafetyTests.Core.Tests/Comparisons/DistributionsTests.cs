using System;
using SafetyTests.Comparisons;

namespace SafetyTests.Core.Tests.Comparisons;

public class DistributionsTests
{
    [Theory]
    [InlineData(0.5, 0.5723649429247001)] // ln √π
    [InlineData(1, 0)]
    [InlineData(10, 12.801827480081469)] // ln 9!
    [InlineData(101, 363.73937555556347)] // ln 100!
    [InlineData(0.1, 2.252712651734206)]
    public void LogGamma_KnownValues_Match(double x, double expected)
    {
        Distributions.LogGamma(x).ShouldBe(expected, 1e-12);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.959963984540054, 0.025)]
    [InlineData(1.6448536269514722, 0.05)]
    [InlineData(3, 0.0013498980316301)]
    [InlineData(-1, 0.8413447460685429)]
    [InlineData(6, 9.865876450376946e-10)]
    public void NormalUpperTail_KnownValues_Match(double z, double expected)
    {
        Distributions.NormalUpperTail(z).ShouldBe(expected, Math.Max(1e-14, expected * 1e-10));
    }

    [Theory]
    [InlineData(1.0, 1, 0.25)]
    [InlineData(2.919985580355516, 2, 0.05)]
    [InlineData(2.353363434801823, 3, 0.05)]
    [InlineData(1.812461122811676, 10, 0.05)]
    [InlineData(2.045229642132703, 29, 0.025)]
    [InlineData(0, 7, 0.5)]
    [InlineData(-2.353363434801823, 3, 0.95)]
    public void StudentUpperTail_KnownQuantiles_Match(double t, int df, double expected)
    {
        Distributions.StudentUpperTail(t, df).ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void StudentUpperTail_ManyDegrees_ApproachesNormal()
    {
        Distributions.StudentUpperTail(1.959963984540054, 200_000).ShouldBe(0.025, 1e-5);
    }

    [Fact]
    public void StudentQuantile_InvertsTail()
    {
        PairedDifference.StudentQuantile(0.025, 3).ShouldBe(3.182446305284263, 1e-9);
    }
}
