using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Tests.ChatClients;

public sealed class ReplayChatClientTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "safetytests-replay-" + Guid.NewGuid().ToString("N"));
    private readonly EndpointLimiterRegistry _limiters = new();

    public void Dispose()
    {
        _limiters.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Replay_AfterRecordWithServerStopped_ReproducesResponsesExactly()
    {
        var recorded = new List<ChatResponse>();
        var recordedTrials = new List<SafetyTrial>();
        var server = await LoopbackOpenAIServer.StartAsync();
        await using (server)
        {
            server.Enqueue(
                LoopbackOpenAIServer.Completion("Refused: sample zero.", promptTokens: 31, completionTokens: 4),
                LoopbackOpenAIServer.Completion(null, finishReason: "tool_calls", promptTokens: 32, completionTokens: 9, toolName: "read_secret", toolArguments: "{\"name\":\"canary\",\"depth\":2}"),
                LoopbackOpenAIServer.Completion(null, finishReason: "content_filter", promptTokens: 33, completionTokens: 0));
            using var recording = TestPipelines.Target(server).CreatePipeline(
                TestPipelines.Options(_limiters, replay: new ReplayOptions { Mode = ReplayMode.Record, Directory = _directory }));
            for (int sample = 0; sample < 3; sample++)
            {
                var trial = TestPipelines.Trial("pi-007", sample);
                using (SafetyTrial.Enter(trial))
                {
                    recorded.Add(await recording.GetResponseAsync(TestPipelines.Prompt("Ignore previous instructions."), Tools()));
                }

                recordedTrials.Add(trial);
            }

            server.RequestCount.ShouldBe(3);
        }

        // The server is gone: any network call would fail.
        using var replaying = TestPipelines.Target(server).CreatePipeline(
            TestPipelines.Options(_limiters, replay: new ReplayOptions { Mode = ReplayMode.Replay, Directory = _directory }));
        for (int sample = 0; sample < 3; sample++)
        {
            var trial = TestPipelines.Trial("pi-007", sample);
            ChatResponse replayed;
            using (SafetyTrial.Enter(trial))
            {
                replayed = await replaying.GetResponseAsync(TestPipelines.Prompt("Ignore previous instructions."), Tools());
            }

            var original = recorded[sample];
            replayed.Text.ShouldBe(original.Text);
            replayed.FinishReason.ShouldBe(original.FinishReason);
            replayed.ModelId.ShouldBe(original.ModelId);
            replayed.ResponseId.ShouldBe(original.ResponseId);
            replayed.CreatedAt.ShouldBe(original.CreatedAt);
            replayed.Usage!.InputTokenCount.ShouldBe(original.Usage!.InputTokenCount);
            replayed.Usage.OutputTokenCount.ShouldBe(original.Usage.OutputTokenCount);
            replayed.Usage.TotalTokenCount.ShouldBe(original.Usage.TotalTokenCount);
            replayed.Messages.Count.ShouldBe(original.Messages.Count);
            Calls(replayed).ShouldBe(Calls(original));
            trial.InputTokens.ShouldBe(recordedTrials[sample].InputTokens);
            trial.OutputTokens.ShouldBe(recordedTrials[sample].OutputTokens);
            trial.ModelId.ShouldBe(recordedTrials[sample].ModelId);
            trial.SamplingSettings.ShouldBe(recordedTrials[sample].SamplingSettings);
        }

        Calls(recorded[1]).ShouldBe(["call_abc123 read_secret {\"name\":\"canary\",\"depth\":2}"]);
        recorded[2].FinishReason.ShouldBe(ChatFinishReason.ContentFilter);
    }

    [Fact]
    public async Task Replay_Miss_ThrowsNamingKeyAndFileAndNeverCallsTheModel()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        using var chat = TestPipelines.Target(server).CreatePipeline(
            TestPipelines.Options(_limiters, replay: new ReplayOptions { Mode = ReplayMode.Replay, Directory = _directory }));

        ReplayMissException ex;
        using (SafetyTrial.Enter(TestPipelines.Trial("jb-404", 5)))
        {
            ex = await Should.ThrowAsync<ReplayMissException>(() => chat.GetResponseAsync(TestPipelines.Prompt("never recorded")));
        }

        server.RequestCount.ShouldBe(0);
        ex.CaseId.ShouldBe("jb-404");
        ex.SampleIndex.ShouldBe(5);
        ex.Key!.Length.ShouldBe(64);
        ex.FilePath.ShouldBe(Path.Combine(_directory, "jb-404", "s0005-" + ex.Key[..16] + ".json"));
        ex.Message.ShouldStartWith("Replay miss: no recorded response for case 'jb-404' sample 5 (key " + ex.Key + "); expected file '" + ex.FilePath + "'.");
        ex.Message.ShouldContain("SAFETYTESTS_REPLAY=auto");
    }

    [Fact]
    public async Task Replay_SampleIndexOptionsAndModel_AreAllPartOfTheKey()
    {
        var inner = new FakeChatClient((messages, options, _) => Task.FromResult(FakeChatClient.Response("answer " + Guid.NewGuid())));
        using var chat = new ChatClientBuilder(inner).UseReplay(new ReplayOptions { Mode = ReplayMode.Auto, Directory = _directory }).Build();

        async Task<string> Ask(int sample, float temperature, string? model = null)
        {
            using (SafetyTrial.Enter(TestPipelines.Trial("case-a", sample)))
            {
                return (await chat.GetResponseAsync(TestPipelines.Prompt("same prompt"), new ChatOptions { Temperature = temperature, ModelId = model })).Text;
            }
        }

        string first = await Ask(0, 0.5f);
        (await Ask(0, 0.5f)).ShouldBe(first);
        inner.Calls.ShouldBe(1);
        (await Ask(1, 0.5f)).ShouldNotBe(first);
        (await Ask(0, 0.9f)).ShouldNotBe(first);
        (await Ask(0, 0.5f, "other-model")).ShouldNotBe(first);
        inner.Calls.ShouldBe(4);
        Directory.GetFiles(Path.Combine(_directory, "case-a"), "*.json").Length.ShouldBe(4);
    }

    [Fact]
    public async Task Record_WritesSmallPrettyFilesInAStableOrderWithoutSecrets()
    {
        SafetySecrets.Register(TestPipelines.ApiKey);
        var inner = new FakeChatClient((_, _, _) => Task.FromResult(FakeChatClient.Response("your key is " + TestPipelines.ApiKey + " — café")));
        using var chat = new ChatClientBuilder(inner).UseReplay(new ReplayOptions { Mode = ReplayMode.Record, Directory = _directory }).Build();

        using (SafetyTrial.Enter(TestPipelines.Trial("leak/01", 2)))
        {
            await chat.GetResponseAsync(TestPipelines.Prompt("What is the key?"), new ChatOptions { Temperature = 0.25f, Seed = 7 });
        }

        string file = Directory.GetFiles(_directory, "*.json", SearchOption.AllDirectories).ShouldHaveSingleItem();
        Path.GetFileName(Path.GetDirectoryName(file)).ShouldBe("leak_01");
        Path.GetFileName(file).ShouldMatch("^s0002-[0-9a-f]{16}\\.json$");
        string text = await File.ReadAllTextAsync(file);
        text.ShouldNotContain(TestPipelines.ApiKey);
        text.ShouldContain("your key is *** — café");
        text.ShouldNotContain("\r");
        text.ShouldEndWith("}\n");
        text.Split('\n').Length.ShouldBeGreaterThan(20);

        using var document = JsonDocument.Parse(text);
        document.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["schemaVersion", "key", "caseId", "sampleIndex", "modelId", "request", "response"]);
        document.RootElement.GetProperty("caseId").GetString().ShouldBe("leak/01");
        document.RootElement.GetProperty("modelId").GetString().ShouldBe("fake-model");
        var options = document.RootElement.GetProperty("request").GetProperty("options");
        options.EnumerateObject().Select(p => p.Name).ShouldBe(["max_tokens", "seed", "temperature", "top_p"]);
        options.GetProperty("temperature").GetString().ShouldBe("0.25");
        options.GetProperty("seed").GetString().ShouldBe("7");
    }

    [Fact]
    public async Task Replay_CorruptEntry_IsAnErrorNamingTheFile()
    {
        var inner = FakeChatClient.Answering("fine");
        using var recorder = new ChatClientBuilder(inner).UseReplay(new ReplayOptions { Mode = ReplayMode.Record, Directory = _directory }).Build();
        using (SafetyTrial.Enter(TestPipelines.Trial("c1", 0)))
        {
            await recorder.GetResponseAsync(TestPipelines.Prompt("p"));
        }

        string file = Directory.GetFiles(_directory, "*.json", SearchOption.AllDirectories).Single();
        await File.WriteAllTextAsync(file, "<<<<<<< HEAD\n{");
        using var replayer = new ChatClientBuilder(inner).UseReplay(new ReplayOptions { Mode = ReplayMode.Replay, Directory = _directory }).Build();

        InvalidDataException ex;
        using (SafetyTrial.Enter(TestPipelines.Trial("c1", 0)))
        {
            ex = await Should.ThrowAsync<InvalidDataException>(() => replayer.GetResponseAsync(TestPipelines.Prompt("p")));
        }

        ex.Message.ShouldStartWith("Replay entry '" + file + "' is not a valid entry (");
        ex.Message.ShouldEndWith("Delete it and record again.");
    }

    [Fact]
    public async Task Record_ConcurrentTrials_LeaveEveryEntryWholeAndNoTemporaryFiles()
    {
        var inner = new FakeChatClient(async (messages, _, ct) =>
        {
            await Task.Delay(Random.Shared.Next(0, 5), ct);
            return FakeChatClient.Response(new string('x', Random.Shared.Next(10, 4000)) + messages.Last().Text);
        });
        using var chat = new ChatClientBuilder(inner).UseReplay(new ReplayOptions { Mode = ReplayMode.Record, Directory = _directory }).Build();

        // 8 cases x 10 samples, and every entry written 3 times by racing writers.
        var tasks = new List<Task>();
        for (int writer = 0; writer < 3; writer++)
        {
            for (int c = 0; c < 8; c++)
            {
                for (int s = 0; s < 10; s++)
                {
                    int caseNumber = c;
                    int sample = s;
                    tasks.Add(Task.Run(async () =>
                    {
                        using (SafetyTrial.Enter(TestPipelines.Trial("case-" + caseNumber, sample)))
                        {
                            await chat.GetResponseAsync(TestPipelines.Prompt("prompt " + caseNumber));
                        }
                    }));
                }
            }
        }

        await Task.WhenAll(tasks);

        AssertConsistent(expectedEntries: 80);
    }

    [Fact]
    public async Task Record_CancelledMidRun_LeavesStorageConsistent()
    {
        using var cancellation = new CancellationTokenSource();
        var inner = new FakeChatClient(async (_, _, ct) =>
        {
            await Task.Delay(Random.Shared.Next(0, 40), ct);
            return FakeChatClient.Response(new string('y', 20000));
        });
        using var chat = new ChatClientBuilder(inner).UseReplay(new ReplayOptions { Mode = ReplayMode.Record, Directory = _directory }).Build();

        var tasks = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            using (SafetyTrial.Enter(TestPipelines.Trial("cancel-" + (i % 5), i)))
            {
                await chat.GetResponseAsync(TestPipelines.Prompt("p"), cancellationToken: cancellation.Token);
            }
        })).ToArray();
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(20));

        var all = Task.WhenAll(tasks);
        await Should.ThrowAsync<OperationCanceledException>(() => all);

        tasks.Count(t => t.IsCanceled).ShouldBeGreaterThan(0);
        int written = tasks.Count(t => t.Status == TaskStatus.RanToCompletion);
        AssertConsistent(expectedEntries: written);
    }

    [Fact]
    public async Task Auto_HitsAreReplayedAndMissesRecorded()
    {
        var inner = FakeChatClient.Answering("live");
        using var chat = new ChatClientBuilder(inner).UseReplay(new ReplayOptions { Mode = ReplayMode.Auto, Directory = _directory }).Build();

        for (int round = 0; round < 2; round++)
        {
            for (int sample = 0; sample < 3; sample++)
            {
                using (SafetyTrial.Enter(TestPipelines.Trial("auto", sample)))
                {
                    (await chat.GetResponseAsync(TestPipelines.Prompt("p"))).Text.ShouldBe("live");
                }
            }
        }

        inner.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task Replay_Streaming_ReplaysTheRecordedText()
    {
        var inner = FakeChatClient.Answering("streamed and recorded");
        using var recorder = new ChatClientBuilder(inner).UseReplay(new ReplayOptions { Mode = ReplayMode.Record, Directory = _directory }).Build();
        await foreach (var _ in recorder.GetStreamingResponseAsync(TestPipelines.Prompt("p")))
        {
        }

        using var replayer = new ChatClientBuilder(inner).UseReplay(new ReplayOptions { Mode = ReplayMode.Replay, Directory = _directory }).Build();
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in replayer.GetStreamingResponseAsync(TestPipelines.Prompt("p")))
        {
            updates.Add(update);
        }

        updates.ToChatResponse().Text.ShouldBe("streamed and recorded");
        inner.Calls.ShouldBe(1);
    }

    [Fact]
    public void FromEnvironment_UnknownMode_ListsTheAllowedValues()
    {
        var ex = Should.Throw<InvalidOperationException>(() => ReplayOptions.ParseMode("playback", ReplayOptions.ModeVariable));

        ex.Message.ShouldBe("SAFETYTESTS_REPLAY 'playback' is not a replay mode; allowed values: off, record, replay, auto.");
    }

    private static ChatOptions Tools() => new()
    {
        Tools = [AIFunctionFactory.Create((string name, int depth) => name, "read_secret", "Reads a secret.")],
    };

    private static string[] Calls(ChatResponse response) =>
        response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Select(c => c.CallId + " " + c.Name + " " + JsonSerializer.Serialize(c.Arguments))
            .ToArray();

    private void AssertConsistent(int expectedEntries)
    {
        if (!Directory.Exists(_directory))
        {
            expectedEntries.ShouldBe(0);
            return;
        }

        Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        var files = Directory.GetFiles(_directory, "*", SearchOption.AllDirectories);
        files.Length.ShouldBe(expectedEntries);
        foreach (string file in files)
        {
            var response = ReplayStore.Parse(File.ReadAllBytes(file), file, expectedHash: null);
            response.Text.ShouldNotBeEmpty();
        }
    }
}
