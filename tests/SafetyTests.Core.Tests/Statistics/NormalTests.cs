using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Statistics;

public class NormalTests
{
    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.9, 1.2815515655446004)]
    [InlineData(0.999, 3.090232306167813)]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(1e-10, -6.361340902404056)]
    [InlineData(0.01, -2.3263478740408408)]
    public void Quantile_KnownValues_AreAccurate(double p, double expected)
    {
        Normal.Quantile(p).ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void Quantile_Endpoints_AreInfinite()
    {
        Normal.Quantile(0).ShouldBe(double.NegativeInfinity);
        Normal.Quantile(1).ShouldBe(double.PositiveInfinity);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-1.959963984540054, 0.025)]
    [InlineData(-8, 6.22096057427178e-16)]
    public void Cdf_KnownValues_AreAccurate(double x, double expected)
    {
        Normal.Cdf(x).ShouldBe(expected, expected * 1e-12 + 1e-16);
    }
}
