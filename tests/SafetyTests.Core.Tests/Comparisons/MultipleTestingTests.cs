using System.Linq;
using SafetyTests.Comparisons;

namespace SafetyTests.Core.Tests.Comparisons;

public class MultipleTestingTests
{
    // statistics.md, "Many cases at once": m = 10, α = 0.05.
    private static readonly double[] P = { 0.001, 0.008, 0.012, 0.030, 0.041, 0.20, 0.45, 0.60, 0.81, 0.95 };

    [Fact]
    public void Holm_ReferenceVector_MatchesAndRejectsOnlyTheSmallest()
    {
        double[] adjusted = MultipleTesting.Holm(P);

        double[] expected = { 0.01, 0.072, 0.096, 0.21, 0.246, 1, 1, 1, 1, 1 };
        for (int i = 0; i < P.Length; i++)
        {
            adjusted[i].ShouldBe(expected[i], 1e-9);
        }

        adjusted.Count(a => a <= 0.05).ShouldBe(1);
    }

    [Fact]
    public void BenjaminiHochberg_ReferenceVector_MatchesAndRejectsThree()
    {
        double[] adjusted = MultipleTesting.BenjaminiHochberg(P);

        double[] expected = { 0.01, 0.04, 0.04, 0.075, 0.082, 0.3333, 0.6429, 0.75, 0.9, 0.95 };
        for (int i = 0; i < P.Length; i++)
        {
            adjusted[i].ShouldBe(expected[i], 5e-5);
        }

        adjusted.Count(a => a <= 0.05).ShouldBe(3);
    }

    [Fact]
    public void Holm_ShuffledInput_KeepsInputOrder()
    {
        double[] shuffled = { 0.95, 0.001, 0.41 };

        double[] adjusted = MultipleTesting.Holm(shuffled);

        adjusted[0].ShouldBe(0.95, 1e-12);
        adjusted[1].ShouldBe(0.003, 1e-12);
        adjusted[2].ShouldBe(0.82, 1e-12);
    }

    [Fact]
    public void BenjaminiHochberg_Empty_IsEmpty()
    {
        MultipleTesting.BenjaminiHochberg(System.Array.Empty<double>()).ShouldBeEmpty();
    }
}
