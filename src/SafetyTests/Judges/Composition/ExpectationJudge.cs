using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Judges.Composition;

/// <summary>Picks the judge from the case's <see cref="PromptCase.Expect"/>; the judgement is the picked judge's own.</summary>
internal sealed class ExpectationJudge : ISafetyJudge
{
    private readonly IReadOnlyDictionary<Expectation, ISafetyJudge> _judges;

    public ExpectationJudge(IReadOnlyDictionary<Expectation, ISafetyJudge> judges)
    {
        _judges = judges;
        Version = string.Join(",", judges.OrderBy(kv => kv.Key).Select(kv => CaseVocabulary.ToText(kv.Key) + "=" + kv.Value.Id + "@" + kv.Value.Version));
    }

    public string Id => "by-expectation";

    public string Version { get; }

    public ISafetyJudge For(PromptCase promptCase)
    {
        if (_judges.TryGetValue(promptCase.Expect, out var judge))
        {
            return judge;
        }

        throw new SafetyJudgeException(Id, "case '" + promptCase.Id + "' expects '" + CaseVocabulary.ToText(promptCase.Expect) + "', which has no judge"
            + (promptCase.Expect == Expectation.Custom ? ": the test body decides. Call SafetyAssert.Satisfies(c, reply, judge) with your own judge, or map Expectation.Custom in SafetyJudges.ByExpectation(...)." : ". Map it in SafetyJudges.ByExpectation(...)."));
    }

    public ValueTask<SafetyJudgement> JudgeAsync(PromptCase promptCase, IReadOnlyList<ChatMessage> messages, ChatResponse response, CancellationToken cancellationToken = default)
    {
        if (promptCase is null)
        {
            throw new ArgumentNullException(nameof(promptCase));
        }

        return For(promptCase).JudgeAsync(promptCase, messages, response, cancellationToken);
    }
}
