using SafetyTests.Comparisons;

namespace SafetyTests.Core.Tests.Comparisons;

public class NewcombeIntervalTests
{
    // statistics.md: Newcombe hybrid score interval for p1 − p2.
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    public void Difference_ReferenceVectors_Match(int x1, int n1, int x2, int n2, double lower, double upper)
    {
        (double l, double u) = NewcombeInterval.Difference(x1, n1, x2, n2);

        l.ShouldBe(lower, 5e-5);
        u.ShouldBe(upper, 5e-5);
    }

    // statistics.md, Wilson two-sided 95 %.
    [Theory]
    [InlineData(1, 20, 0.008881, 0.236131)]
    [InlineData(5, 50, 0.043476, 0.213602)]
    [InlineData(81, 263, 0.255289, 0.366210)]
    [InlineData(0, 10, 0, 0.277533)]
    public void Wilson_ReferenceVectors_Match(int x, int n, double lower, double upper)
    {
        (double l, double u) = NewcombeInterval.Wilson(x, n);

        l.ShouldBe(lower, 1e-6);
        u.ShouldBe(upper, 1e-6);
    }
}
