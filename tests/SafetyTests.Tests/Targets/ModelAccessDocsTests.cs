using System;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using SafetyTests.Tests.ChatClients;

namespace SafetyTests.Tests.Targets;

/// <summary>The code blocks of docs/model-access.md, compiled and run.</summary>
public sealed class ModelAccessDocsTests
{
    [Fact]
    public async Task QuickStart_WithoutEndpoint_AnswersFromTheFallback()
    {
        if (Environment.GetEnvironmentVariable(SafetyTargetOptions.EndpointVariable) is not null ||
            Environment.GetEnvironmentVariable(SafetyTargetOptions.ApiKeyVariable) is not null ||
            Environment.GetEnvironmentVariable(ReplayOptions.ModeVariable) is not null)
        {
            return; // a developer pointed the suite at a live model or replay: the fallback is not used then
        }

        using IChatClient chat = ModelUnderTest.Create(() => FakeChatClient.Answering("offline refusal"));

        (await chat.GetResponseAsync(TestPipelines.Prompt("p"))).Text.ShouldBe("offline refusal");
    }

    [Fact]
    public void UsageSnippet_BuildsAPipelineWithPricesAndBudget()
    {
        var target = SafetyTarget.FromChatClient(FakeChatClient.Answering("x"));

        var usage = new UsageOptions
        {
            Prices = new PriceTable().Add("gpt-4o-mini", inputPerMillionTokens: 0.15m, outputPerMillionTokens: 0.60m),
            MaxCalls = 2_000,          // or SAFETYTESTS_BUDGET_CALLS
            MaxTokens = 5_000_000,     // or SAFETYTESTS_BUDGET_TOKENS
        };
        IChatClient chat = target.CreatePipeline(new SafetyPipelineOptions { Usage = usage });

        chat.ShouldNotBeNull();
        usage.Prices.Estimate("gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000).ShouldBe(0.75m);
    }

    private static class ModelUnderTest
    {
        // SAFETYTESTS_ENDPOINT / SAFETYTESTS_MODEL / SAFETYTESTS_API_KEY select a live model; without them the
        // fallback answers (any IChatClient; the samples use the seeded simulated assistant). The pipeline's
        // defaults (replay mode, limits, budget) come from the other SAFETYTESTS_* variables.
        public static IChatClient Create(Func<IChatClient> offline) =>
            SafetyTarget.FromEnvironment(fallback: offline).CreatePipeline();
    }
}
