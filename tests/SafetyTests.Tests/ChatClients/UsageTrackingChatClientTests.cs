using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Tests.ChatClients;

public sealed class UsageTrackingChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_InTrial_ReportsTokensModelAndProviderIntoTrialAndLedger()
    {
        var ledger = new UsageLedger();
        var prices = new PriceTable().Add("fake-model", 0.5m, 1.5m).Add("*", 100m, 100m);
        using var chat = new ChatClientBuilder(FakeChatClient.Answering("ok", input: 1000, output: 200))
            .UseUsageTracking(new UsageOptions { Ledger = ledger, Prices = prices })
            .Build();
        var trial = TestPipelines.Trial("u-1", 0);

        using (SafetyTrial.Enter(trial))
        {
            await chat.GetResponseAsync(TestPipelines.Prompt("p"));
            await chat.GetResponseAsync(TestPipelines.Prompt("p"));
        }

        trial.ModelCalls.ShouldBe(2);
        trial.InputTokens.ShouldBe(2000);
        trial.OutputTokens.ShouldBe(400);
        trial.ModelId.ShouldBe("fake-model-001");
        trial.Provider.ShouldBe("fake");
        var perCase = ledger.GetCase("u-1");
        perCase.Calls.ShouldBe(2);
        perCase.TotalTokens.ShouldBe(2400);
        perCase.EstimatedCost.ShouldBe(2 * ((1000 * 0.5m) + (200 * 1.5m)) / 1_000_000m);
        ledger.Total.ToString().ShouldBe("2 calls (0 replayed, 0 failed), 2000 input + 400 output tokens, estimated cost 0.0016");
        ledger.GetCase("other").Calls.ShouldBe(0);
    }

    [Fact]
    public void PriceTable_Estimate_UsesTheLongestMatchingPrefix()
    {
        var prices = new PriceTable().Add("gpt-4o", 2.5m, 10m).Add("gpt-4o-mini", 0.15m, 0.6m);

        prices.Estimate("gpt-4o-mini-2024-07-18", 1_000_000, 0).ShouldBe(0.15m);
        prices.Estimate("gpt-4o-2024-08-06", 0, 1_000_000).ShouldBe(10m);
        prices.Estimate("llama-3", 1, 1).ShouldBeNull();
        prices.Estimate(null, 1, 1).ShouldBeNull();
    }

    [Fact]
    public async Task GetResponseAsync_CallBudgetReached_ThrowsBudgetExceptionWithoutCallingTheModel()
    {
        var inner = FakeChatClient.Answering("ok");
        using var chat = new ChatClientBuilder(inner).UseBudget(new UsageOptions { Ledger = new UsageLedger(), MaxCalls = 2 }).Build();

        await chat.GetResponseAsync(TestPipelines.Prompt("p"));
        await chat.GetResponseAsync(TestPipelines.Prompt("p"));
        var ex = await Should.ThrowAsync<SafetyBudgetExceededException>(() => chat.GetResponseAsync(TestPipelines.Prompt("p")));

        inner.Calls.ShouldBe(2);
        ex.Kind.ShouldBe(SafetyBudgetKind.Calls);
        ex.Limit.ShouldBe(2);
        ex.Used.ShouldBe(2);
        ex.Message.ShouldBe("The SafetyTests run budget is exhausted: 2 of 2 model calls used (UsageOptions.MaxCalls or SAFETYTESTS_BUDGET_CALLS). No further samples are taken; the case is inconclusive.");
        ex.InconclusiveReason.ShouldBe("run budget exhausted: 2 of 2 model calls used");
    }

    [Fact]
    public async Task GetResponseAsync_TokenBudgetReached_ThrowsBudgetException()
    {
        var inner = FakeChatClient.Answering("ok", input: 60, output: 40);
        using var chat = new ChatClientBuilder(inner).UseBudget(new UsageOptions { Ledger = new UsageLedger(), MaxTokens = 150 }).Build();

        await chat.GetResponseAsync(TestPipelines.Prompt("p"));
        await chat.GetResponseAsync(TestPipelines.Prompt("p"));
        var ex = await Should.ThrowAsync<SafetyBudgetExceededException>(() => chat.GetResponseAsync(TestPipelines.Prompt("p")));

        ex.Kind.ShouldBe(SafetyBudgetKind.Tokens);
        ex.Used.ShouldBe(200);
        ex.InconclusiveReason.ShouldBe("run budget exhausted: 200 of 150 tokens used");
        inner.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task GetResponseAsync_ReplayedResponses_AreRecordedButNeitherBilledNorRefused()
    {
        string directory = Path.Combine(Path.GetTempPath(), "safetytests-usage-" + Guid.NewGuid().ToString("N"));
        try
        {
            var inner = FakeChatClient.Answering("ok", input: 10, output: 5);
            var ledger = new UsageLedger();
            var usage = new UsageOptions { Ledger = ledger, MaxCalls = 1, Prices = new PriceTable().Add("*", 1m, 1m) };
            using var chat = new ChatClientBuilder(inner)
                .UseUsageTracking(usage)
                .UseReplay(new ReplayOptions { Mode = ReplayMode.Auto, Directory = directory })
                .UseBudget(usage)
                .Build();

            var trials = new List<SafetyTrial>();
            for (int i = 0; i < 4; i++)
            {
                var trial = TestPipelines.Trial("r-1", 0);
                using (SafetyTrial.Enter(trial))
                {
                    await chat.GetResponseAsync(TestPipelines.Prompt("p"));
                }

                trials.Add(trial);
            }

            inner.Calls.ShouldBe(1);
            trials.ShouldAllBe(t => t.InputTokens == 10 && t.OutputTokens == 5 && t.ModelCalls == 1);
            ledger.BillableCalls.ShouldBe(1);
            ledger.BillableTokens.ShouldBe(15);
            ledger.Total.Calls.ShouldBe(4);
            ledger.Total.ReplayedCalls.ShouldBe(3);
            ledger.Total.EstimatedCost.ShouldBe(15m / 1_000_000m);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task GetResponseAsync_FailedCall_CountsAsFailedAndKeepsTheBudgetSlot()
    {
        var ledger = new UsageLedger();
        var inner = new FakeChatClient((_, _, _) => throw new InvalidOperationException("boom"));
        var usage = new UsageOptions { Ledger = ledger, MaxCalls = 5 };
        using var chat = new ChatClientBuilder(inner).UseUsageTracking(usage).UseBudget(usage).Build();

        await Should.ThrowAsync<InvalidOperationException>(() => chat.GetResponseAsync(TestPipelines.Prompt("p")));

        ledger.Total.FailedCalls.ShouldBe(1);
        ledger.Total.Calls.ShouldBe(0);
        ledger.BillableCalls.ShouldBe(1);
    }

    [Fact]
    public void UseBudget_InvalidLimits_ReportsEveryProblem()
    {
        var ex = Should.Throw<InvalidOperationException>(() =>
            new ChatClientBuilder(FakeChatClient.Answering("x")).UseBudget(new UsageOptions { MaxCalls = 0, MaxTokens = -5 }));

        ex.Message.ShouldBe(string.Join(Environment.NewLine,
            "Invalid SafetyTests budget options:",
            "- MaxCalls 0 must be greater than zero.",
            "- MaxTokens -5 must be greater than zero."));
    }
}
