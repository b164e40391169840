using SafetyTests.Comparisons;

namespace SafetyTests.Core.Tests.Comparisons;

public class FisherExactTests
{
    // statistics.md, "One case, two runs": baseline vs candidate → one-sided p (candidate worse).
    [Theory]
    [InlineData(1, 50, 8, 50, 0.015429)]
    [InlineData(0, 20, 4, 20, 0.053015)]
    [InlineData(2, 50, 6, 50, 0.134330)]
    public void CandidateWorse_ReferenceVectors_Match(int xb, int nb, int xc, int nc, double expected)
    {
        FisherExact.CandidateWorse(xb, nb, xc, nc).ShouldBe(expected, 1e-6);
    }

    [Fact]
    public void CandidateWorse_SameCounts_IsLarge()
    {
        FisherExact.CandidateWorse(3, 20, 3, 20).ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void CandidateWorse_CandidateBetter_IsNearOne()
    {
        FisherExact.CandidateWorse(8, 50, 1, 50).ShouldBeGreaterThan(0.99);
    }

    [Fact]
    public void CandidateWorse_EmptySide_IsOne()
    {
        FisherExact.CandidateWorse(0, 0, 5, 5).ShouldBe(1);
    }
}
