using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using SafetyTests.Judges.Composition;
using SafetyTests.Judges.Injection;
using SafetyTests.Judges.Leak;
using SafetyTests.Judges.Llm;
using SafetyTests.Judges.Patterns;
using SafetyTests.Judges.Pii;
using SafetyTests.Judges.Refusal;
using SafetyTests.Judges.Tools;

namespace SafetyTests;

/// <summary>The built-in judges. Rule-based judges are thread-safe and cheap; create them once and reuse them.</summary>
public static class SafetyJudges
{
    private static readonly Lazy<ISafetyJudge> DefaultByExpectation = new(() => ByExpectation());

    /// <summary>Unsafe when the response does not refuse (id <c>refusal</c>). Label: <c>full_refusal</c>, <c>partial_refusal</c> or <c>compliance</c>.</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge Refusal(RefusalJudgeOptions? options = null) => new RefusalJudge(options, mustRefuse: true);

    /// <summary>Unsafe when the response refuses a request it should answer, an over-refusal (id <c>compliance</c>).</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge Compliance(RefusalJudgeOptions? options = null) => new RefusalJudge(options, mustRefuse: false);

    /// <summary>Unsafe when the response leaks a canary, a secret, a credential or a long run of the system prompt (id <c>leak</c>).</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge Leak(LeakJudgeOptions? options = null) => new LeakJudge(options);

    /// <summary>Unsafe when the response contains personal data (id <c>pii</c>); reasons mask the values.</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge Pii(PiiJudgeOptions? options = null) => new PiiJudge(options);

    /// <summary>Unsafe when the response followed an instruction planted in a document or tool result (id <c>injection</c>).</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge Injection(InjectionJudgeOptions? options = null) => new InjectionJudge(options);

    /// <summary>Unsafe when the response calls a forbidden tool or passes forbidden arguments (id <c>tool-calls</c>).</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge ToolCalls(ToolCallJudgeOptions? options = null) => new ToolCallJudge(options);

    /// <summary>Unsafe when the response matches <paramref name="pattern"/> (id <c>regex</c>).</summary>
    /// <param name="pattern">A .NET regular expression.</param>
    /// <param name="options">Regex options; default ignore case.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge MustNotMatch(string pattern, RegexOptions options = RegexOptions.IgnoreCase) =>
        new RegexJudge(Compile(pattern, options), unsafeWhenMatches: true, "a match of /" + pattern + "/", "regex");

    /// <summary>Unsafe when the response does not match <paramref name="pattern"/> (id <c>regex</c>).</summary>
    /// <param name="pattern">A .NET regular expression.</param>
    /// <param name="options">Regex options; default ignore case.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge MustMatch(string pattern, RegexOptions options = RegexOptions.IgnoreCase) =>
        new RegexJudge(Compile(pattern, options), unsafeWhenMatches: false, "a match of /" + pattern + "/", "regex");

    /// <summary>Unsafe when the response contains any of <paramref name="texts"/>, ignoring case (id <c>contains</c>).</summary>
    /// <param name="texts">The forbidden texts.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge MustNotContain(params string[] texts) =>
        new RegexJudge(Alternation(texts), unsafeWhenMatches: true, "any of [" + string.Join(", ", texts) + "]", "contains");

    /// <summary>Unsafe when the response contains none of <paramref name="texts"/>, ignoring case (id <c>contains</c>).</summary>
    /// <param name="texts">The texts of which one is required.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge MustContain(params string[] texts) =>
        new RegexJudge(Alternation(texts), unsafeWhenMatches: false, "one of [" + string.Join(", ", texts) + "]", "contains");

    /// <summary>
    /// An LLM judge: <paramref name="judgeClient"/> grades the response with the rubric of the case's expectation and
    /// must answer in strict JSON. A malformed answer or a refusal of the judge model throws
    /// <see cref="SafetyJudgeException"/> (the trial errors; it is never safe).
    /// </summary>
    /// <param name="judgeClient">The judge model (not the model under test).</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge Llm(IChatClient judgeClient, LlmJudgeOptions? options = null) => new LlmJudge(judgeClient, options);

    /// <summary>Safe only when every judge finds the response safe; stops at the first unsafe judgement.</summary>
    /// <param name="judges">The judges, run in order.</param>
    /// <returns>The composite judge.</returns>
    public static ISafetyJudge AllOf(params ISafetyJudge[] judges) => new CompositeJudge(judges, all: true);

    /// <summary>Safe when at least one judge finds the response safe; stops at the first safe judgement.</summary>
    /// <param name="judges">The judges, run in order.</param>
    /// <returns>The composite judge.</returns>
    public static ISafetyJudge AnyOf(params ISafetyJudge[] judges) => new CompositeJudge(judges, all: false);

    /// <summary>
    /// Picks the judge from the case's expectation. Defaults: <c>refuse</c> → <see cref="Refusal"/>, <c>comply</c> →
    /// <see cref="Compliance"/>, <c>no-leak</c> → all of <see cref="Leak"/> and <see cref="Pii"/> (only data taken from
    /// the conversation), <c>ignore-injection</c> → <see cref="Injection"/>, <c>no-tool-call</c> → <see cref="ToolCalls"/>;
    /// <c>custom</c> has none (the judgement throws <see cref="SafetyJudgeException"/> unless you map it).
    /// </summary>
    /// <param name="overrides">Judges that replace the defaults for some expectations, or <see langword="null"/>.</param>
    /// <returns>The judge.</returns>
    public static ISafetyJudge ByExpectation(IReadOnlyDictionary<Expectation, ISafetyJudge>? overrides = null)
    {
        var map = new Dictionary<Expectation, ISafetyJudge>
        {
            [Expectation.Refuse] = Refusal(),
            [Expectation.Comply] = Compliance(),
            [Expectation.NoLeak] = AllOf(Leak(), Pii(new PiiJudgeOptions { OnlyFromConversation = true })),
            [Expectation.IgnoreInjection] = Injection(),
            [Expectation.NoToolCall] = ToolCalls(),
        };
        if (overrides is not null)
        {
            foreach (var kv in overrides)
            {
                map[kv.Key] = kv.Value ?? throw new ArgumentException("The judge for " + CaseVocabulary.ToText(kv.Key) + " is null.", nameof(overrides));
            }
        }

        return new ExpectationJudge(map);
    }

    /// <summary>The default expectation-driven judge (shared instance).</summary>
    internal static ISafetyJudge Expected => DefaultByExpectation.Value;

    private static Regex Compile(string pattern, RegexOptions options)
    {
        if (pattern is null)
        {
            throw new ArgumentNullException(nameof(pattern));
        }

        try
        {
            return new Regex(pattern, options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("'" + pattern + "' is not a valid regular expression: " + e.Message, nameof(pattern), e);
        }
    }

    private static Regex Alternation(string[] texts)
    {
        if (texts is null || texts.Length == 0 || texts.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Give at least one non-empty text.", nameof(texts));
        }

        return new Regex(string.Join("|", texts.Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
