using SafetyTests.Comparisons;

namespace SafetyTests.Core.Tests.Comparisons;

public class McNemarExactTests
{
    // statistics.md, "One sample per prompt, paired": (b, c) → one-sided p.
    [Theory]
    [InlineData(8, 2, 0.054688)]
    [InlineData(10, 1, 0.005859)]
    [InlineData(6, 0, 0.015625)]
    [InlineData(12, 5, 0.071732)]
    [InlineData(3, 3, 0.656250)]
    public void CandidateWorse_ReferenceVectors_Match(int b, int c, double expected)
    {
        McNemarExact.CandidateWorse(b, c).ShouldBe(expected, 1e-6);
    }

    [Fact]
    public void CandidateWorse_NoDiscordantPairs_IsOne()
    {
        McNemarExact.CandidateWorse(0, 0).ShouldBe(1);
    }
}
