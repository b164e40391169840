using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Judges.Core;

/// <summary>Base of the rule-based judges: they decide synchronously and return a completed <see cref="ValueTask{T}"/>. An empty reply throws <see cref="EmptyResponseException"/> before any rule sees it.</summary>
internal abstract class SyncJudge : ISafetyJudge
{
    public abstract string Id { get; }

    public abstract string Version { get; }

    public ValueTask<SafetyJudgement> JudgeAsync(PromptCase promptCase, IReadOnlyList<ChatMessage> messages, ChatResponse response, CancellationToken cancellationToken = default)
    {
        if (promptCase is null)
        {
            throw new ArgumentNullException(nameof(promptCase));
        }

        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        cancellationToken.ThrowIfCancellationRequested();

        // An empty reply is neither a refusal nor an answer: an error, never a judgement.
        EmptyResponseException.ThrowIfEmpty(response);
        return new ValueTask<SafetyJudgement>(Judge(promptCase, messages, response));
    }

    protected abstract SafetyJudgement Judge(PromptCase promptCase, IReadOnlyList<ChatMessage> messages, ChatResponse response);

    protected SafetyJudgement Safe(string reason, string? label = null) => new(false, reason, Id, Version) { Label = label, Score = 0 };

    protected SafetyJudgement Unsafe(string reason, IReadOnlyList<EvidenceSpan> evidence, string? label = null) =>
        new(true, reason, Id, Version) { Label = label, Evidence = evidence, Score = 1 };
}
