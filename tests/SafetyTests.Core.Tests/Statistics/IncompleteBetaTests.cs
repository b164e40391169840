using System;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Statistics;

public class IncompleteBetaTests
{
    [Theory]
    [InlineData(0.5, 1, 1, 0.5)]
    [InlineData(0.3, 1, 1, 0.3)]
    [InlineData(0.5, 2, 2, 0.5)]
    [InlineData(0.25, 2, 1, 0.0625)]
    [InlineData(0.25, 1, 3, 0.578125)]
    public void Regularized_ClosedForms_AreExact(double x, double a, double b, double expected)
    {
        IncompleteBeta.Regularized(x, a, b).ShouldBe(expected, 1e-14);
    }

    [Fact]
    public void Regularized_MatchesBinomialTail()
    {
        // P(X ≥ c | n, p) = I_p(c, n − c + 1).
        foreach (var (c, n, p) in new[] { (3, 52, 0.01), (5, 38, 0.2), (1, 1000, 0.0001), (500, 1000, 0.5), (990, 1000, 0.99) })
        {
            IncompleteBeta.Regularized(p, c, n - c + 1).ShouldBe(Binomial.UpperTail(c, n, p), 1e-12);
        }
    }

    [Fact]
    public void Regularized_Endpoints_AreZeroAndOne()
    {
        IncompleteBeta.Regularized(0, 3, 4).ShouldBe(0);
        IncompleteBeta.Regularized(1, 3, 4).ShouldBe(1);
        IncompleteBeta.Regularized(-1, 3, 4).ShouldBe(0);
        IncompleteBeta.Regularized(2, 3, 4).ShouldBe(1);
    }

    [Fact]
    public void Regularized_FarTailNearZero_KeepsRelativeAccuracy()
    {
        // I_x(a, 1) = x^a exactly; x = 2^-27 and 1 − 2^-27 are exact doubles.
        double x = Math.Pow(2, -27);
        IncompleteBeta.Regularized(x, 3, 1).ShouldBe(Math.Pow(2, -81), Math.Pow(2, -81) * 1e-13);
        IncompleteBeta.RegularizedComplement(1 - x, 1, 3).ShouldBe(Math.Pow(2, -81), Math.Pow(2, -81) * 1e-13);
    }

    [Theory]
    [InlineData(0.025, 0.5, 10.5)]
    [InlineData(0.975, 81, 183)]
    [InlineData(1e-12, 2, 50)]
    [InlineData(0.999999, 1, 100_000)]
    [InlineData(0.5, 0.5, 0.5)]
    [InlineData(1e-300, 1, 1)]
    [InlineData(0.3, 50_000, 50_001)]
    public void Inverse_RoundTrips(double p, double a, double b)
    {
        double x = IncompleteBeta.Inverse(p, a, b);
        x.ShouldBeInRange(0, 1);
        IncompleteBeta.Regularized(x, a, b).ShouldBe(p, Math.Max(1e-12 * p, 1e-300));
    }

    [Fact]
    public void Inverse_Endpoints_AreZeroAndOne()
    {
        IncompleteBeta.Inverse(0, 2, 3).ShouldBe(0);
        IncompleteBeta.Inverse(1, 2, 3).ShouldBe(1);
    }

    [Fact]
    public void Regularized_InvalidShape_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => IncompleteBeta.Regularized(0.5, 0, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => IncompleteBeta.Regularized(0.5, 1, double.NaN));
        Should.Throw<ArgumentOutOfRangeException>(() => IncompleteBeta.Inverse(1.5, 1, 1));
    }
}
