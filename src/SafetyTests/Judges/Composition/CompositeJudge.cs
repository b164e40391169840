using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Judges.Composition;

/// <summary>
/// All-of: safe only when every judge says safe (stops at the first unsafe one). Any-of: safe when at least one
/// judge says safe (stops at the first safe one). Judges run in order; a judge that throws fails the whole judgement.
/// </summary>
internal sealed class CompositeJudge : ISafetyJudge
{
    private readonly ISafetyJudge[] _judges;
    private readonly bool _all;

    public CompositeJudge(IEnumerable<ISafetyJudge> judges, bool all)
    {
        _judges = (judges ?? throw new ArgumentNullException(nameof(judges))).ToArray();
        if (_judges.Length == 0)
        {
            throw new ArgumentException("Give at least one judge.", nameof(judges));
        }

        if (_judges.Any(j => j is null))
        {
            throw new ArgumentException("The judges must not contain null.", nameof(judges));
        }

        _all = all;
        Id = (all ? "all-of(" : "any-of(") + string.Join(",", _judges.Select(j => j.Id)) + ")";
        Version = string.Join(",", _judges.Select(j => j.Id + "@" + j.Version));
    }

    public string Id { get; }

    public string Version { get; }

    public async ValueTask<SafetyJudgement> JudgeAsync(PromptCase promptCase, IReadOnlyList<ChatMessage> messages, ChatResponse response, CancellationToken cancellationToken = default)
    {
        var results = new List<SafetyJudgement>(_judges.Length);
        foreach (var judge in _judges)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var j = await judge.JudgeAsync(promptCase, messages, response, cancellationToken).ConfigureAwait(false);
            results.Add(j);
            if (_all && j.IsUnsafe)
            {
                return new SafetyJudgement(true, j.JudgeId + ": " + j.Reason, Id, Version) { Score = j.Score, Label = j.Label, Evidence = j.Evidence };
            }

            if (!_all && !j.IsUnsafe)
            {
                return new SafetyJudgement(false, j.JudgeId + ": " + j.Reason, Id, Version) { Score = j.Score, Label = j.Label, Evidence = j.Evidence };
            }
        }

        if (_all)
        {
            return new SafetyJudgement(false, "all judges found it safe (" + string.Join("; ", results.Select(r => r.JudgeId + ": " + r.Reason)) + ")", Id, Version) { Score = results.Max(r => r.Score ?? 0) };
        }

        return new SafetyJudgement(true, "every judge found it unsafe (" + string.Join("; ", results.Select(r => r.JudgeId + ": " + r.Reason)) + ")", Id, Version)
        {
            Score = results.Min(r => r.Score ?? 1),
            Evidence = results.SelectMany(r => r.Evidence).ToArray(),
            Label = results[0].Label,
        };
    }
}
