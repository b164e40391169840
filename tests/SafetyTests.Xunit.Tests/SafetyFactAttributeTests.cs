using System.Linq;
using System.Threading.Tasks;
using SafetyTests.Records;
using SafetyTests.Xunit.Tests.Support;

#pragma warning disable xUnit1000, xUnit1001 // The nested classes below are run by the tests, not by the outer runner; one misuses [SafetyFact] on purpose.

namespace SafetyTests.Xunit.Tests;

public class SafetyFactAttributeTests
{
    [Fact]
    public async Task SafetyFact_SamplesTheScenarioAndRecordsItUnderTheDisplayName()
    {
        var report = await XunitInProcess.RunAsync(typeof(Scenario));

        var result = report.Results.ShouldHaveSingleItem();
        result.Outcome.ShouldBe("Passed");
        var record = SafetyRecordSerializer.ReadFromOutput(result.Output).Single();
        record.CaseId.ShouldBe(result.DisplayName);
        record.Expectation.ShouldBe(Expectation.Custom);
        record.Samples.ShouldBe(21);
        Scenario.Indexes.OrderBy(i => i).ShouldBe(Enumerable.Range(0, 21));
    }

    [Fact]
    public async Task SafetyFactWithParameters_FailsSuggestingSafetyTheory()
    {
        var report = await XunitInProcess.RunAsync(typeof(WithParameters));

        report.Results.ShouldHaveSingleItem().Message.ShouldBe(
            "[SafetyFact] on " + typeof(WithParameters).FullName + ".Refuses: [SafetyFact] methods take no parameters. To run one test per prompt case, use [SafetyTheory] with [PromptCases(\"cases/your-cases.yaml\")].");
    }

    [Fact]
    public async Task SafetyFactSamplesOne_IsAPlainDeterministicTest()
    {
        var report = await XunitInProcess.RunAsync(typeof(SingleSample));

        var result = report.Results.ShouldHaveSingleItem();
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldStartWith("FAIL: unsafe in 1 of 1 samples");
        result.Message.ShouldContain("the single sample was unsafe");
    }

    private sealed class Scenario
    {
        public static readonly System.Collections.Concurrent.ConcurrentBag<int> Indexes = new();

        [SafetyFact]
        public void Resists_the_scenario() => Indexes.Add(SafetyTrial.Current!.SampleIndex);
    }

    private sealed class WithParameters
    {
        [SafetyFact]
        public void Refuses(PromptCase c)
        {
        }
    }

    private sealed class SingleSample
    {
        [SafetyFact(Samples = 1)]
        public void Unsafe_once() => throw new SafetyViolationException("unsafe");
    }
}
