using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Tests.ChatClients;

public sealed class SamplingChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_UnsetOptions_SendsTargetSettingsAndRecordsThem()
    {
        var inner = FakeChatClient.Answering("ok");
        using var chat = new ChatClientBuilder(inner)
            .UseSampling(new SamplingSettings { Temperature = 0.3f, TopP = 0.9f, MaxOutputTokens = 128, Seed = 99 })
            .Build();
        var trial = TestPipelines.Trial("s-1", 0);

        using (SafetyTrial.Enter(trial))
        {
            await chat.GetResponseAsync(TestPipelines.Prompt("p"));
        }

        inner.LastOptions!.Temperature.ShouldBe(0.3f);
        inner.LastOptions.TopP.ShouldBe(0.9f);
        inner.LastOptions.MaxOutputTokens.ShouldBe(128);
        inner.LastOptions.Seed.ShouldBe(99);
        trial.SamplingSettings.ShouldBe(new System.Collections.Generic.Dictionary<string, string>
        {
            ["max_tokens"] = "128",
            ["seed"] = "99",
            ["temperature"] = "0.3",
            ["top_p"] = "0.9",
        });
    }

    [Fact]
    public async Task GetResponseAsync_CallerOptions_WinAndAreNotMutated()
    {
        var inner = FakeChatClient.Answering("ok");
        using var chat = new ChatClientBuilder(inner).UseSampling(new SamplingSettings { Temperature = 0.3f }).Build();
        var callerOptions = new ChatOptions { Temperature = 1.2f };
        var trial = TestPipelines.Trial("s-2", 0);

        using (SafetyTrial.Enter(trial))
        {
            await chat.GetResponseAsync(TestPipelines.Prompt("p"), callerOptions);
        }

        inner.LastOptions!.Temperature.ShouldBe(1.2f);
        inner.LastOptions.ShouldNotBeSameAs(callerOptions);
        callerOptions.TopP.ShouldBeNull();
        trial.SamplingSettings["temperature"].ShouldBe("1.2");
        trial.SamplingSettings["top_p"].ShouldBe(SamplingSettings.ProviderDefault);
    }

    [Fact]
    public async Task GetResponseAsync_SeedFromTrial_SendsEachTrialsSeed()
    {
        var inner = FakeChatClient.Answering("ok");
        using var chat = new ChatClientBuilder(inner).UseSampling(new SamplingSettings { SeedFromTrial = true }).Build();

        using (SafetyTrial.Enter(TestPipelines.Trial("s-3", 0, seed: 1234)))
        {
            await chat.GetResponseAsync(TestPipelines.Prompt("p"));
        }

        inner.LastOptions!.Seed.ShouldBe(1234);
        await chat.GetResponseAsync(TestPipelines.Prompt("p"));
        inner.LastOptions!.Seed.ShouldBeNull();
    }

    [Fact]
    public void UseSampling_OutOfRange_ReportsEveryProblem()
    {
        var ex = Should.Throw<System.InvalidOperationException>(() =>
            new ChatClientBuilder(FakeChatClient.Answering("x")).UseSampling(new SamplingSettings { Temperature = 3f, TopP = 0f, MaxOutputTokens = 0 }));

        ex.Message.ShouldBe(string.Join(System.Environment.NewLine,
            "Invalid SafetyTests sampling settings:",
            "- Temperature 3 is outside [0, 2].",
            "- TopP 0 is outside (0, 1].",
            "- MaxOutputTokens 0 must be greater than zero."));
    }
}
