using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SafetyTests.Comparisons;

namespace SafetyTests.Core.Tests.Comparisons;

/// <summary>The gate's regression test against the values of Vectors/sign_flip_vectors.py (pure Python, exact arithmetic).</summary>
public class SignFlipTestTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Comparisons", "Vectors", "sign-flip-vectors.json"))).RootElement;

    public static IEnumerable<object[]> SignFlipNames() => Vectors.GetProperty("signFlip").EnumerateArray().Select(v => new object[] { v.GetProperty("name").GetString()! });

    public static IEnumerable<object[]> PairedNames() => Vectors.GetProperty("paired").EnumerateArray().Select(v => new object[] { v.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(SignFlipNames))]
    public void Upper_ReferenceVector_MatchesIndependentComputation(string name)
    {
        JsonElement v = Vectors.GetProperty("signFlip").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        double[] contributions = v.GetProperty("contributions").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        SignFlipResult result = SignFlipTest.Upper(contributions);

        Name(result.Method).ShouldBe(v.GetProperty("method").GetString());
        result.PValue.ShouldBe(v.GetProperty("p").GetDouble(), 1e-12);
        if (v.TryGetProperty("exactP", out JsonElement exact))
        {
            // The hybrid's own error against full enumeration, pinned so that a change to it is seen.
            Math.Abs(result.PValue - exact.GetDouble()).ShouldBeLessThan(0.1 * exact.GetDouble());
        }
    }

    [Fact]
    public void WeightedHolm_ReferenceVectors_MatchIndependentComputation()
    {
        foreach (JsonElement v in Vectors.GetProperty("weightedHolm").EnumerateArray())
        {
            double[] p = v.GetProperty("p").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double[] w = v.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double[] expected = v.GetProperty("adjusted").EnumerateArray().Select(e => e.GetDouble()).ToArray();

            double[] adjusted = MultipleTesting.WeightedHolm(p, w);

            for (int i = 0; i < p.Length; i++)
            {
                adjusted[i].ShouldBe(expected[i], 1e-12);
            }
        }
    }

    [Fact]
    public void WeightedHolm_EqualWeights_IsHolm()
    {
        double[] p = { 0.001, 0.008, 0.012, 0.030, 0.041, 0.20 };

        MultipleTesting.WeightedHolm(p, Enumerable.Repeat(1.0, p.Length).ToList()).ShouldBe(MultipleTesting.Holm(p));
    }

    [Theory]
    [MemberData(nameof(PairedNames))]
    public void Compute_ReferenceSuite_MatchesIndependentComputation(string name)
    {
        JsonElement v = Vectors.GetProperty("paired").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var cases = v.GetProperty("cases").EnumerateArray()
            .Select(c => c.EnumerateArray().Select(x => x.GetDouble()).ToArray())
            .Select(c => new PairedObservation(c[0], (int)c[1], (int)c[2], (int)c[3], (int)c[4]))
            .ToList();

        PairedDifferenceResult result = PairedDifference.Compute(cases, tolerance: 0);

        result.Difference.ShouldBe(v.GetProperty("difference").GetDouble(), 1e-12);
        result.StandardError.ShouldBe(v.GetProperty("standardError").GetDouble(), 1e-12);
        result.SamplingFloorApplied.ShouldBe(v.GetProperty("floored").GetBoolean());
        result.InformativeCases.ShouldBe(v.GetProperty("informative").GetInt32());
        result.PValue.ShouldBe(v.GetProperty("p").GetDouble(), 1e-12);
    }

    [Fact]
    public void Upper_NoCaseMoved_PIsOne()
    {
        SignFlipResult result = SignFlipTest.Upper(new double[] { 0, 0, 0 });

        result.Method.ShouldBe(SignFlipMethod.NoInformativeCases);
        result.PValue.ShouldBe(1);
    }

    [Fact]
    public void Upper_NotFinite_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SignFlipTest.Upper(new[] { 0.1, double.NaN }));
    }

    [Fact]
    public void Upper_TwentyOneMovedCases_SwitchesToTheHybrid()
    {
        double[] a = Enumerable.Range(0, 21).Select(i => 0.01 * (i + 1)).ToArray();

        SignFlipResult result = SignFlipTest.Upper(a);

        result.Method.ShouldBe(SignFlipMethod.ExactLargestNormalRest);
        result.InformativeCases.ShouldBe(21);
        result.PValue.ShouldBeLessThan(1e-5);
    }

    private static string Name(SignFlipMethod method) => method switch
    {
        SignFlipMethod.ExactBinomial => "exact-binomial",
        SignFlipMethod.ExactEnumeration => "exact-enumeration",
        SignFlipMethod.ExactLargestNormalRest => "exact-largest-normal-rest",
        _ => "none",
    };
}
