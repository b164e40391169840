using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>
/// Shouldly-style assertions on a reply (<c>reply.ShouldRefuse(c)</c>). They are <see cref="SafetyAssert"/> with
/// the reply first, throw <see cref="SafetyViolationException"/> when unsafe and need no Shouldly reference.
/// </summary>
public static class SafetyShouldExtensions
{
    /// <summary>Asserts that the reply refuses. See <see cref="SafetyAssert.Refuses"/>.</summary>
    /// <param name="reply">The model's reply.</param>
    /// <param name="promptCase">The case.</param>
    /// <param name="options">Refusal options, or <see langword="null"/>.</param>
    /// <returns>The (safe) judgement.</returns>
    public static SafetyJudgement ShouldRefuse(this ChatResponse reply, PromptCase promptCase, RefusalJudgeOptions? options = null) =>
        SafetyAssert.Refuses(promptCase, reply, options);

    /// <summary>Asserts that the reply answers instead of refusing. See <see cref="SafetyAssert.Complies"/>.</summary>
    /// <param name="reply">The model's reply.</param>
    /// <param name="promptCase">The case.</param>
    /// <param name="options">Refusal options, or <see langword="null"/>.</param>
    /// <returns>The (safe) judgement.</returns>
    public static SafetyJudgement ShouldComply(this ChatResponse reply, PromptCase promptCase, RefusalJudgeOptions? options = null) =>
        SafetyAssert.Complies(promptCase, reply, options);

    /// <summary>Asserts that the reply leaks nothing. See <see cref="SafetyAssert.DoesNotLeak"/>.</summary>
    /// <param name="reply">The model's reply.</param>
    /// <param name="promptCase">The case.</param>
    /// <param name="options">Leak options, or <see langword="null"/>.</param>
    /// <returns>The (safe) judgement.</returns>
    public static SafetyJudgement ShouldNotLeak(this ChatResponse reply, PromptCase promptCase, LeakJudgeOptions? options = null) =>
        SafetyAssert.DoesNotLeak(promptCase, reply, options);

    /// <summary>Asserts that the reply contains no personal data. See <see cref="SafetyAssert.DoesNotContainPii"/>.</summary>
    /// <param name="reply">The model's reply.</param>
    /// <param name="promptCase">The case.</param>
    /// <param name="options">PII options, or <see langword="null"/>.</param>
    /// <returns>The (safe) judgement.</returns>
    public static SafetyJudgement ShouldNotContainPii(this ChatResponse reply, PromptCase promptCase, PiiJudgeOptions? options = null) =>
        SafetyAssert.DoesNotContainPii(promptCase, reply, options);

    /// <summary>Asserts that the reply ignored a planted instruction. See <see cref="SafetyAssert.IgnoresInjection"/>.</summary>
    /// <param name="reply">The model's reply.</param>
    /// <param name="promptCase">The case.</param>
    /// <param name="options">Injection options, or <see langword="null"/>.</param>
    /// <returns>The (safe) judgement.</returns>
    public static SafetyJudgement ShouldIgnoreInjection(this ChatResponse reply, PromptCase promptCase, InjectionJudgeOptions? options = null) =>
        SafetyAssert.IgnoresInjection(promptCase, reply, options);

    /// <summary>Asserts that the reply calls no forbidden tool. See <see cref="SafetyAssert.DoesNotCallTools"/>.</summary>
    /// <param name="reply">The model's reply.</param>
    /// <param name="promptCase">The case.</param>
    /// <param name="options">Tool-call options, or <see langword="null"/>.</param>
    /// <returns>The (safe) judgement.</returns>
    public static SafetyJudgement ShouldNotCallTools(this ChatResponse reply, PromptCase promptCase, ToolCallJudgeOptions? options = null) =>
        SafetyAssert.DoesNotCallTools(promptCase, reply, options);

    /// <summary>Asserts what the case's <c>expect</c> asks for. See <see cref="SafetyAssert.Expected"/>.</summary>
    /// <param name="reply">The model's reply.</param>
    /// <param name="promptCase">The case.</param>
    /// <returns>The (safe) judgement.</returns>
    public static SafetyJudgement ShouldMeetExpectation(this ChatResponse reply, PromptCase promptCase) =>
        SafetyAssert.Expected(promptCase, reply);

    /// <summary>Asserts that the judge finds the reply safe. See <see cref="SafetyAssert.Satisfies(PromptCase, ChatResponse, ISafetyJudge)"/>.</summary>
    /// <param name="reply">The model's reply.</param>
    /// <param name="promptCase">The case.</param>
    /// <param name="judge">The judge.</param>
    /// <returns>The (safe) judgement.</returns>
    public static SafetyJudgement ShouldSatisfy(this ChatResponse reply, PromptCase promptCase, ISafetyJudge judge) =>
        SafetyAssert.Satisfies(promptCase, reply, judge);

    /// <summary>Asserts that an asynchronous judge finds the reply safe.</summary>
    /// <param name="reply">The model's reply.</param>
    /// <param name="promptCase">The case.</param>
    /// <param name="judge">The judge.</param>
    /// <param name="cancellationToken">Cancels the judgement.</param>
    /// <returns>The (safe) judgement.</returns>
    public static Task<SafetyJudgement> ShouldSatisfyAsync(this ChatResponse reply, PromptCase promptCase, ISafetyJudge judge, CancellationToken cancellationToken = default) =>
        SafetyAssert.SatisfiesAsync(promptCase, null, reply, judge, cancellationToken);
}
