using System;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using SafetyTests.Trials;
using static SafetyTests.Tests.Judges.JudgeTestData;

namespace SafetyTests.Tests.Judges;

/// <summary>An empty reply is never judged: judges and <see cref="SafetyAssert"/> throw, the trial is an error (issue 12, A).</summary>
public class EmptyResponseExceptionTests
{
    private static readonly PromptCase RefuseCase = Simple(Expectation.Refuse);

    public static TheoryData<string> EmptyTexts => new() { "", " ", "\n\t  \r\n" };

    [Theory]
    [MemberData(nameof(EmptyTexts))]
    public void IsEmpty_NoTextOrWhitespace_IsTrue(string text) =>
        EmptyResponseException.IsEmpty(Reply(text)).ShouldBeTrue();

    [Fact]
    public void IsEmpty_NoMessagesAtAll_IsTrue() =>
        EmptyResponseException.IsEmpty(new ChatResponse()).ShouldBeTrue();

    [Fact]
    public void IsEmpty_OnlyReasoningText_IsTrue() =>
        EmptyResponseException.IsEmpty(new ChatResponse(new ChatMessage(ChatRole.Assistant, [new TextReasoningContent("thinking about it")]))).ShouldBeTrue();

    [Fact]
    public void IsEmpty_ToolCallWithoutText_IsFalse() =>
        EmptyResponseException.IsEmpty(new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_1", "delete_files")]))).ShouldBeFalse();

    [Fact]
    public void IsEmpty_ContentFilterFinishWithoutText_IsFalse() =>
        EmptyResponseException.IsEmpty(new ChatResponse(new ChatMessage(ChatRole.Assistant, (string?)null)) { FinishReason = ChatFinishReason.ContentFilter }).ShouldBeFalse();

    [Fact]
    public void IsEmpty_Text_IsFalse() =>
        EmptyResponseException.IsEmpty(Reply("I can't help with that.")).ShouldBeFalse();

    [Fact]
    public void Message_CutOffAtLength_NamesTheFinishReasonAndTheFix()
    {
        var e = new EmptyResponseException(ChatFinishReason.Length, "gpt-x");

        e.Message.ShouldBe(
            "The model 'gpt-x' returned an empty reply (finish reason 'length'; no text, no tool call). An empty reply is neither a refusal nor an answer, so the trial is an error, not a sample. " +
            "The reply was cut off at the output token limit before any text: raise the max output tokens (SamplingSettings.MaxOutputTokens, SAFETYTESTS_MAX_OUTPUT_TOKENS or ChatOptions.MaxOutputTokens; reasoning models spend tokens before they answer).");
    }

    [Fact]
    public void Message_NoFinishReason_SaysSoAndPointsAtTheDeployment()
    {
        var e = new EmptyResponseException(null);

        e.Message.ShouldStartWith("The model returned an empty reply (no finish reason; no text, no tool call).");
        e.Message.ShouldContain("Check the deployment and model name, and any content filter");
    }

    [Theory]
    [MemberData(nameof(EmptyTexts))]
    public void Refuses_EmptyReply_ThrowsEmptyResponseNotPass(string text)
    {
        var e = Should.Throw<EmptyResponseException>(() => SafetyAssert.Refuses(RefuseCase, Reply(text)));

        e.FinishReason.ShouldBeNull();
    }

    [Fact]
    public void Complies_EmptyReplyCutOff_ThrowsEmptyResponse() =>
        Should.Throw<EmptyResponseException>(() => SafetyAssert.Complies(Simple(Expectation.Comply), new ChatResponse(new ChatMessage(ChatRole.Assistant, (string?)null)) { FinishReason = ChatFinishReason.Length }))
            .FinishReason.ShouldBe(ChatFinishReason.Length);

    [Fact]
    public void Satisfies_CustomJudgeAndEmptyReply_ThrowsBeforeTheJudgeRuns()
    {
        var judge = new CountingJudge();

        Should.Throw<EmptyResponseException>(() => SafetyAssert.Satisfies(RefuseCase, Reply(""), judge));

        judge.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task JudgeAsync_RefusalJudgeCalledDirectlyWithEmptyReply_Throws() =>
        await Should.ThrowAsync<EmptyResponseException>(() => SafetyJudges.Refusal().JudgeAsync(RefuseCase, RefuseCase.ToChatMessages(), Reply("")).AsTask());

    [Fact]
    public async Task JudgeAsync_LlmJudgeWithEmptyReply_ThrowsWithoutAskingTheJudgeModel()
    {
        var client = new FakeJudgeClient("{\"unsafe\": false, \"reason\": \"declines\"}");

        await Should.ThrowAsync<EmptyResponseException>(() => SafetyJudges.Llm(client).JudgeAsync(RefuseCase, RefuseCase.ToChatMessages(), Reply(" ")).AsTask());

        client.LastRequest.ShouldBeEmpty();
    }

    [Fact]
    public void Classify_EmptyResponseException_IsError() =>
        TrialClassifier.Default.Classify(new EmptyResponseException(ChatFinishReason.Stop)).ShouldBe(TrialOutcome.Error);

    [Fact]
    public async Task RunAsync_EveryReplyEmpty_RefuseCaseEndsAsError()
    {
        var runner = new SafetyTrialRunner(new SafetyRunOptions { MaxSamples = 30, MaxErrorRate = 0.1, Seed = 9 });

        SafetyRunResult result = await runner.RunAsync(new SafetyRunContext(RefuseCase) { TestName = "Unit.Empty" }, _ =>
        {
            SafetyAssert.Refuses(RefuseCase, Reply(""));
            return default;
        });

        result.Verdict.ShouldBe(SafetyVerdict.Error);
        result.FailsTest.ShouldBeTrue();
        result.Record.Samples.ShouldBe(0);
        result.FirstError.ShouldBeOfType<EmptyResponseException>();
    }

    private sealed class CountingJudge : ISafetyJudge
    {
        public int Calls { get; private set; }

        public string Id => "counting";

        public string Version => "1";

        public ValueTask<SafetyJudgement> JudgeAsync(PromptCase promptCase, System.Collections.Generic.IReadOnlyList<ChatMessage> messages, ChatResponse response, System.Threading.CancellationToken cancellationToken = default)
        {
            Calls++;
            return new ValueTask<SafetyJudgement>(new SafetyJudgement(false, "fine", Id, Version));
        }
    }
}
