using System.Linq;
using SafetyTests.Trials;

namespace SafetyTests.Tests.Trials;

public class TrialSeedsTests
{
    [Fact]
    public void Derive_SameInputs_SameSeedAcrossRuns()
    {
        TrialSeeds.Derive(0, "jb-001", 0).ShouldBe(TrialSeeds.Derive(0, "jb-001", 0));
    }

    [Fact]
    public void Derive_EachInputChangesTheSeed()
    {
        int seed = TrialSeeds.Derive(0, "jb-001", 0);

        TrialSeeds.Derive(1, "jb-001", 0).ShouldNotBe(seed);
        TrialSeeds.Derive(0, "jb-002", 0).ShouldNotBe(seed);
        TrialSeeds.Derive(0, "jb-001", 1).ShouldNotBe(seed);
    }

    [Fact]
    public void Derive_NonNegativeAndSpread()
    {
        var seeds = Enumerable.Range(0, 1000).Select(i => TrialSeeds.Derive(-5, "c", i)).ToList();

        seeds.ShouldAllBe(s => s >= 0);
        seeds.Distinct().Count().ShouldBe(1000);
    }
}
