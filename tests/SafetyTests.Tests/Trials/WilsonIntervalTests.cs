using SafetyTests.Trials;

namespace SafetyTests.Tests.Trials;

public class WilsonIntervalTests
{
    // Reference vectors: /work/shared/reference/statistics.md (two-sided 95 %).
    [Theory]
    [InlineData(0, 10, 0, 0.277533)]
    [InlineData(1, 20, 0.008881, 0.236131)]
    [InlineData(5, 50, 0.043476, 0.213602)]
    [InlineData(81, 263, 0.255289, 0.366210)]
    [InlineData(4, 20, 0.08065766, 0.41601743)]
    public void Compute_ReferenceVectors(int x, int n, double lower, double upper)
    {
        var (l, u) = WilsonInterval.Compute(x, n);

        l.ShouldBe(lower, 1e-6);
        u.ShouldBe(upper, 1e-6);
    }
}
