using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using SafetyTests.Judges.Composition;

namespace SafetyTests;

/// <summary>
/// Assertions for safety tests. Each judges one reply to a case and throws <see cref="SafetyViolationException"/>
/// (carrying the judgement) when it is unsafe; the trial engine counts that as an unsafe sample. A judge that
/// cannot decide throws <see cref="SafetyJudgeException"/>, which counts as an error (never safe). Every judge
/// used is reported to <see cref="SafetyTrial.Current"/> as provenance. Safe judgements are returned.
/// </summary>
public static class SafetyAssert
{
    private static readonly ISafetyJudge DefaultRefusal = SafetyJudges.Refusal();
    private static readonly ISafetyJudge DefaultCompliance = SafetyJudges.Compliance();
    private static readonly ISafetyJudge DefaultNoLeak = NoLeakJudge(null);
    private static readonly ISafetyJudge DefaultPii = SafetyJudges.Pii();
    private static readonly ISafetyJudge DefaultInjection = SafetyJudges.Injection();
    private static readonly ISafetyJudge DefaultToolCalls = SafetyJudges.ToolCalls();

    /// <summary>Asserts that the reply refuses (a partial refusal counts unless the options say otherwise).</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="options">Refusal options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">The reply complied.</exception>
    public static SafetyJudgement Refuses(PromptCase promptCase, ChatResponse reply, RefusalJudgeOptions? options = null) =>
        Satisfies(promptCase, reply, options is null ? DefaultRefusal : SafetyJudges.Refusal(options));

    /// <summary>Asserts that the reply answers a benign request instead of refusing it (no over-refusal).</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="options">Refusal options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">The reply refused.</exception>
    public static SafetyJudgement Complies(PromptCase promptCase, ChatResponse reply, RefusalJudgeOptions? options = null) =>
        Satisfies(promptCase, reply, options is null ? DefaultCompliance : SafetyJudges.Compliance(options));

    /// <summary>
    /// Asserts that the reply leaks nothing: no canary or secret of the case, no credential, no long run of the
    /// system prompt, and no personal data taken from the conversation.
    /// </summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="options">Leak options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">Something leaked; the reason masks it.</exception>
    public static SafetyJudgement DoesNotLeak(PromptCase promptCase, ChatResponse reply, LeakJudgeOptions? options = null) =>
        Satisfies(promptCase, reply, options is null ? DefaultNoLeak : NoLeakJudge(options));

    /// <summary>Asserts that the reply contains no personal data (e-mail, phone, card, IBAN, SSN, IP address).</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="options">PII options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">Personal data was found; the reason masks it.</exception>
    public static SafetyJudgement DoesNotContainPii(PromptCase promptCase, ChatResponse reply, PiiJudgeOptions? options = null) =>
        Satisfies(promptCase, reply, options is null ? DefaultPii : SafetyJudges.Pii(options));

    /// <summary>Asserts that the reply did not follow an instruction planted in a document or tool result.</summary>
    /// <param name="promptCase">The case (its canaries, forbidden links, expected language or injection format).</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="options">Injection options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">The injection was followed.</exception>
    /// <exception cref="SafetyJudgeException">The case declares nothing the judge can detect.</exception>
    public static SafetyJudgement IgnoresInjection(PromptCase promptCase, ChatResponse reply, InjectionJudgeOptions? options = null) =>
        Satisfies(promptCase, reply, options is null ? DefaultInjection : SafetyJudges.Injection(options));

    /// <summary>Asserts that the reply calls no forbidden tool (or no tool at all when the case forbids none by name).</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="options">Tool-call options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">A forbidden tool was called.</exception>
    public static SafetyJudgement DoesNotCallTools(PromptCase promptCase, ChatResponse reply, ToolCallJudgeOptions? options = null) =>
        Satisfies(promptCase, reply, options is null ? DefaultToolCalls : SafetyJudges.ToolCalls(options));

    /// <summary>Asserts what the case's <c>expect</c> asks for, with the default judge of that expectation.</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="reply">The model's reply.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">The reply violates the expectation.</exception>
    /// <exception cref="SafetyJudgeException">The expectation is <c>custom</c> (no built-in judge).</exception>
    public static SafetyJudgement Expected(PromptCase promptCase, ChatResponse reply) =>
        Satisfies(promptCase, reply, SafetyJudges.Expected);

    /// <summary>Asserts that <paramref name="judge"/> finds the reply safe. Blocks if the judge is asynchronous; prefer <see cref="SatisfiesAsync(PromptCase, ChatResponse, ISafetyJudge)"/> for model-based judges.</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="judge">The judge.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">The judge found the reply unsafe.</exception>
    public static SafetyJudgement Satisfies(PromptCase promptCase, ChatResponse reply, ISafetyJudge judge) =>
        Satisfies(promptCase, null, reply, judge);

    /// <summary>Asserts that <paramref name="judge"/> finds the reply to <paramref name="messages"/> safe (when the messages sent differ from the case's, for example a fixture's own system prompt).</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="messages">The messages actually sent, or <see langword="null"/> for the case's.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="judge">The judge.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">The judge found the reply unsafe.</exception>
    public static SafetyJudgement Satisfies(PromptCase promptCase, IReadOnlyList<ChatMessage>? messages, ChatResponse reply, ISafetyJudge judge)
    {
        var (effective, sent) = Prepare(promptCase, messages, reply, judge);
        var pending = effective.JudgeAsync(promptCase, sent, reply, SafetyTrial.Current?.CancellationToken ?? CancellationToken.None);
        var judgement = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return Verdict(judgement);
    }

    /// <summary>Asserts that <paramref name="judge"/> (for example an LLM judge) finds the reply safe.</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="judge">The judge.</param>
    /// <param name="cancellationToken">Cancels the judgement; when it cannot be cancelled, the current trial's token is used.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">The judge found the reply unsafe.</exception>
    public static Task<SafetyJudgement> SatisfiesAsync(PromptCase promptCase, ChatResponse reply, ISafetyJudge judge, CancellationToken cancellationToken) =>
        SatisfiesAsync(promptCase, null, reply, judge, cancellationToken);

    /// <summary>Asserts that <paramref name="judge"/> (for example an LLM judge) finds the reply safe, cancelled with the current trial.</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="judge">The judge.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">The judge found the reply unsafe.</exception>
    public static Task<SafetyJudgement> SatisfiesAsync(PromptCase promptCase, ChatResponse reply, ISafetyJudge judge) =>
        SatisfiesAsync(promptCase, null, reply, judge, CancellationToken.None);

    /// <summary>Asserts that <paramref name="judge"/> finds the reply to <paramref name="messages"/> safe.</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="messages">The messages actually sent, or <see langword="null"/> for the case's.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="judge">The judge.</param>
    /// <param name="cancellationToken">Cancels the judgement; by default the current trial's token.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">The judge found the reply unsafe.</exception>
    public static async Task<SafetyJudgement> SatisfiesAsync(PromptCase promptCase, IReadOnlyList<ChatMessage>? messages, ChatResponse reply, ISafetyJudge judge, CancellationToken cancellationToken)
    {
        var (effective, sent) = Prepare(promptCase, messages, reply, judge);
        if (!cancellationToken.CanBeCanceled)
        {
            cancellationToken = SafetyTrial.Current?.CancellationToken ?? CancellationToken.None;
        }

        var judgement = await effective.JudgeAsync(promptCase, sent, reply, cancellationToken).ConfigureAwait(false);
        return Verdict(judgement);
    }

    /// <summary>Asserts what the case's <c>expect</c> asks for; use this form when you map an expectation to an asynchronous judge.</summary>
    /// <param name="promptCase">The case.</param>
    /// <param name="reply">The model's reply.</param>
    /// <param name="cancellationToken">Cancels the judgement.</param>
    /// <returns>The (safe) judgement.</returns>
    /// <exception cref="SafetyViolationException">The reply violates the expectation.</exception>
    public static Task<SafetyJudgement> ExpectedAsync(PromptCase promptCase, ChatResponse reply, CancellationToken cancellationToken = default) =>
        SatisfiesAsync(promptCase, null, reply, SafetyJudges.Expected, cancellationToken);

    private static (ISafetyJudge Judge, IReadOnlyList<ChatMessage> Messages) Prepare(PromptCase promptCase, IReadOnlyList<ChatMessage>? messages, ChatResponse reply, ISafetyJudge judge)
    {
        if (promptCase is null)
        {
            throw new ArgumentNullException(nameof(promptCase));
        }

        if (reply is null)
        {
            throw new ArgumentNullException(nameof(reply), "The reply is null: pass the ChatResponse returned by the model.");
        }

        if (judge is null)
        {
            throw new ArgumentNullException(nameof(judge));
        }

        var effective = judge is ExpectationJudge byExpectation ? byExpectation.For(promptCase) : judge;
        SafetyTrial.Current?.AddJudge(effective.Id, effective.Version);

        // Before any judge (also one of yours): an empty reply is an error, never a refusal.
        EmptyResponseException.ThrowIfEmpty(reply);
        return (effective, messages ?? promptCase.ToChatMessages());
    }

    private static SafetyJudgement Verdict(SafetyJudgement judgement)
    {
        if (judgement is null)
        {
            throw new InvalidOperationException("The judge returned no judgement.");
        }

        if (judgement.IsUnsafe)
        {
            throw new SafetyViolationException(judgement);
        }

        return judgement;
    }

    private static ISafetyJudge NoLeakJudge(LeakJudgeOptions? options) =>
        SafetyJudges.AllOf(SafetyJudges.Leak(options), SafetyJudges.Pii(new PiiJudgeOptions { OnlyFromConversation = true }));
}
