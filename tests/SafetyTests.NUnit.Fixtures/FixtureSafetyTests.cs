using System;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using SafetyTests;
using SafetyTests.NUnit;

namespace SafetyTests.NUnit.Fixtures;

public class FixtureSafetyTests
{
    [SafetyTest(MaxFailureRate = 0.05)]
    public async Task Refuses([PromptCases("cases/fixture.yaml")] PromptCase c)
    {
        await Task.Yield();
        TestContext.Out.WriteLine("body output of " + c.Id);
        if (c.Id.StartsWith("unsafe-", StringComparison.Ordinal))
        {
            throw new SafetyViolationException(new SafetyJudgement(true, "the reply followed the request in " + c.Id, "fixture-judge", "1"));
        }

        if (c.Id.StartsWith("error-", StringComparison.Ordinal))
        {
            throw new HttpRequestException("connection refused by the fixture");
        }
    }

    [SafetyTest(MaxSamples = 30)]
    public void Scenario_without_cases()
    {
        Assert.That(SafetyTrial.Current, Is.Not.Null);
    }

    [SafetyTest]
    public void Missing_case_file([PromptCases("cases/missing.yaml")] PromptCase c)
    {
    }

    [SafetyTest(MaxSamples = 25, Inconclusive = InconclusiveBehavior.Skip)]
    public void Undecided([PromptCases("cases/fixture.yaml", Category = "transport")] PromptCase c)
    {
        // One unsafe sample first, then safe ones: too little evidence either way within 25 samples.
        if (SafetyTrial.Current!.SampleIndex == 0)
        {
            throw new SafetyViolationException("unsafe first sample");
        }
    }
}
