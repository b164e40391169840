using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using SafetyTests.Tests.ChatClients;

namespace SafetyTests.Tests.Targets;

public sealed class SafetyTargetTests
{
    [Fact]
    public void FromConfiguration_SectionKeys_ConfigureAnOpenAICompatibleTarget()
    {
        var target = SafetyTarget.FromConfiguration(new Dictionary<string, string?>
        {
            ["SafetyTests:Endpoint"] = "http://127.0.0.1:9/v1",
            ["safetytests:model"] = "gpt-test",
            ["SafetyTests:ApiKey"] = "sk-config-1234567890",
            ["SafetyTests:Temperature"] = "0.25",
            ["SafetyTests:TopP"] = "0.5",
            ["SafetyTests:MaxOutputTokens"] = "64",
            ["SafetyTests:SamplingSeed"] = "trial",
        });

        target.Kind.ShouldBe(SafetyTargetKind.OpenAICompatible);
        target.Endpoint.ShouldBe(new Uri("http://127.0.0.1:9/v1"));
        target.ModelId.ShouldBe("gpt-test");
        target.HasApiKey.ShouldBeTrue();
        target.Sampling.Temperature.ShouldBe(0.25f);
        target.Sampling.TopP.ShouldBe(0.5f);
        target.Sampling.MaxOutputTokens.ShouldBe(64);
        target.Sampling.SeedFromTrial.ShouldBeTrue();
        target.ToString().ShouldBe("OpenAI-compatible model 'gpt-test' at http://127.0.0.1:9/v1 (API key set)");
        target.GetChatClient().GetService<ChatClientMetadata>()!.DefaultModelId.ShouldBe("gpt-test");
    }

    [Fact]
    public void FromConfiguration_EnvironmentStyleKeys_AreReadToo()
    {
        var target = SafetyTarget.FromConfiguration(new Dictionary<string, string?>
        {
            ["SAFETYTESTS_API_KEY"] = "sk-envstyle-1234567890",
            ["SAFETYTESTS_MODEL"] = "gpt-env",
        });

        target.Kind.ShouldBe(SafetyTargetKind.OpenAICompatible);
        target.Endpoint.ShouldBe(SafetyTargetOptions.OpenAIEndpoint);
        target.ModelId.ShouldBe("gpt-env");
    }

    [Fact]
    public void FromConfiguration_UnparsableValues_AreAllReportedInOneMessage()
    {
        var ex = Should.Throw<InvalidOperationException>(() => SafetyTarget.FromConfiguration(new Dictionary<string, string?>
        {
            ["SafetyTests:Endpoint"] = "not a uri",
            ["SafetyTests:Temperature"] = "0,7",
            ["SafetyTests:MaxOutputTokens"] = "lots",
            ["SafetyTests:SamplingSeed"] = "random",
        }));

        ex.Message.ShouldBe(string.Join(Environment.NewLine,
            "Invalid SafetyTests target configuration (4 problems):",
            "- SafetyTests:Endpoint 'not a uri' is not an absolute URI (for example https://api.openai.com/v1).",
            "- SafetyTests:Temperature '0,7' is not a number (use invariant culture, for example 0.7).",
            "- SafetyTests:MaxOutputTokens 'lots' is not an integer (a number of tokens, for example 1024).",
            "- SafetyTests:SamplingSeed 'random' is neither an integer (for example 42) nor 'trial'."));
    }

    [Fact]
    public void FromOptions_InvalidOptions_ReportEveryProblemWithoutTheKey()
    {
        const string key = "sk-never-shown-0123456789";
        var ex = Should.Throw<InvalidOperationException>(() => SafetyTarget.FromOptions(new SafetyTargetOptions
        {
            Endpoint = new Uri("ftp://models.example/v1"),
            ApiKey = key,
            Sampling = new SamplingSettings { Temperature = -1f, TopP = 1.5f },
        }));

        ex.Message.ShouldBe(string.Join(Environment.NewLine,
            "Invalid SafetyTests target configuration (4 problems):",
            "- Endpoint 'ftp://models.example/v1' is not an absolute http or https URI.",
            "- Model is required when an endpoint or API key is configured (set SAFETYTESTS_MODEL or SafetyTests:Model).",
            "- Sampling.Temperature -1 is outside [0, 2].",
            "- Sampling.TopP 1.5 is outside (0, 1]."));
        ex.Message.ShouldNotContain(key);
    }

    [Fact]
    public void ToString_EndpointWithCredentials_ShowsNeitherUserInfoNorKey()
    {
        const string key = "sk-in-query-abcdef123456";
        var options = new SafetyTargetOptions
        {
            Endpoint = new Uri("https://user:pw-secret@models.example/v1?api-key=" + key),
            Model = "m",
            ApiKey = key,
        };

        var target = SafetyTarget.FromOptions(options);

        target.ToString().ShouldBe("OpenAI-compatible model 'm' at https://models.example/v1 (API key set)");
        options.ToString().ShouldNotContain(key);
        options.ToString().ShouldNotContain("pw-secret");
        SafetySecrets.Redact("key=" + key).ShouldBe("key=***");
    }

    [Fact]
    public async Task FromOptions_NothingConfigured_UsesTheFallback()
    {
        var fallback = FakeChatClient.Answering("simulated refusal");

        var target = SafetyTarget.FromOptions(new SafetyTargetOptions(), fallback: () => fallback);
        using var chat = target.CreatePipeline(Hermetic());

        target.Kind.ShouldBe(SafetyTargetKind.Fallback);
        (await chat.GetResponseAsync(TestPipelines.Prompt("p"))).Text.ShouldBe("simulated refusal");
        fallback.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task FromOptions_NothingConfiguredNoFallback_CallsFailWithInstructions()
    {
        var target = SafetyTarget.FromOptions(new SafetyTargetOptions());
        using var chat = target.CreatePipeline(Hermetic());

        target.Kind.ShouldBe(SafetyTargetKind.Unconfigured);
        var ex = await Should.ThrowAsync<ModelAccessException>(() => chat.GetResponseAsync(TestPipelines.Prompt("p")));
        ex.Message.ShouldContain("No model is configured for SafetyTests. Set SAFETYTESTS_ENDPOINT, SAFETYTESTS_MODEL and SAFETYTESTS_API_KEY");
        ex.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task FromChatClient_AnyClient_IsWrappedAndNotDisposedWithThePipeline()
    {
        var client = FakeChatClient.Answering("mine");
        var target = SafetyTarget.FromChatClient(client, new SamplingSettings { Temperature = 0f });

        using (var chat = target.CreatePipeline(Hermetic()))
        {
            (await chat.GetResponseAsync(TestPipelines.Prompt("p"))).Text.ShouldBe("mine");
        }

        client.LastOptions!.Temperature.ShouldBe(0f);
        target.Kind.ShouldBe(SafetyTargetKind.ChatClient);
        target.ModelId.ShouldBe("fake-model");
        target.GetChatClient().ShouldBeSameAs(client);
    }

    [Fact]
    public async Task CreatePipeline_RecordedLiveThenReplayedWithoutEndpoint_ReproducesTheRun()
    {
        string directory = Path.Combine(Path.GetTempPath(), "safetytests-target-" + Guid.NewGuid().ToString("N"));
        using var limiters = new EndpointLimiterRegistry();
        try
        {
            var sampling = new SamplingSettings { Temperature = 0.7f };
            string recordedText;
            await using (var server = await LoopbackOpenAIServer.StartAsync())
            {
                server.Enqueue(LoopbackOpenAIServer.Completion("recorded live"));
                var live = SafetyTarget.FromOptions(new SafetyTargetOptions { Endpoint = server.Endpoint, Model = "gpt-recorded", ApiKey = TestPipelines.ApiKey, Sampling = sampling });
                using var chat = live.CreatePipeline(TestPipelines.Options(limiters, replay: new ReplayOptions { Mode = ReplayMode.Record, Directory = directory }));
                using (SafetyTrial.Enter(TestPipelines.Trial("ci-1", 4)))
                {
                    recordedText = (await chat.GetResponseAsync(TestPipelines.Prompt("p"))).Text;
                }
            }

            // CI: no endpoint, no key; only the recorded model and sampling settings.
            var hermetic = SafetyTarget.FromConfiguration(new Dictionary<string, string?> { ["SAFETYTESTS_MODEL"] = "gpt-recorded", ["SAFETYTESTS_TEMPERATURE"] = "0.7" });
            hermetic.Kind.ShouldBe(SafetyTargetKind.Unconfigured);
            hermetic.ToString().ShouldBe("no model configured (replays recordings of 'gpt-recorded')");
            using var replay = hermetic.CreatePipeline(TestPipelines.Options(limiters, replay: new ReplayOptions { Mode = ReplayMode.Replay, Directory = directory }));
            var trial = TestPipelines.Trial("ci-1", 4);
            using (SafetyTrial.Enter(trial))
            {
                (await replay.GetResponseAsync(TestPipelines.Prompt("p"))).Text.ShouldBe(recordedText);
            }

            trial.InputTokens.ShouldBe(11);
            trial.ModelId.ShouldBe("test-model-2024");
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
    public void SafetySecrets_Describe_RedactsTheWholeChain()
    {
        const string secret = "sk-chain-secret-98765";
        SafetySecrets.Register(secret);
        var ex = new InvalidOperationException("outer " + secret, new System.IO.IOException("inner " + secret + "\nline 2"));

        SafetySecrets.Describe(ex).ShouldBe("InvalidOperationException: outer *** ---> IOException: inner ***\nline 2");
        SafetySecrets.ContainsSecret("x" + secret).ShouldBeTrue();
        SafetySecrets.Redact(null).ShouldBe(string.Empty);
    }

    private static SafetyPipelineOptions Hermetic() => new()
    {
        Replay = new ReplayOptions { Mode = ReplayMode.Off },
        Resilience = new ResilienceOptions { Limiters = new EndpointLimiterRegistry(), BaseDelay = TimeSpan.Zero, MaxRetryAttempts = 1 },
        Usage = new UsageOptions { Ledger = new UsageLedger() },
    };
}
