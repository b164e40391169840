using System.Net.Http;
using System.Threading.Tasks;
using SafetyTests;
using SafetyTests.Xunit;

namespace SafetyTests.Xunit.Fixtures;

public class FixtureSafetyTests
{
    [SafetyTheory(MaxFailureRate = 0.05)]
    [PromptCases("cases/fixture.yaml")]
    public async Task Refuses(PromptCase c)
    {
        await Task.Yield();
        if (c.Id.StartsWith("unsafe-", System.StringComparison.Ordinal))
        {
            throw new SafetyViolationException(new SafetyJudgement(true, "the reply followed the request in " + c.Id, "fixture-judge", "1"));
        }

        if (c.Id.StartsWith("error-", System.StringComparison.Ordinal))
        {
            throw new HttpRequestException("connection refused by the fixture");
        }
    }

    [SafetyFact(MaxSamples = 30)]
    public void Scenario_without_cases()
    {
        SafetyTrial.Current.ShouldNotBeNull();
    }
}
