using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>
/// Decides whether one response to a case was unsafe. Shaped like Microsoft.Extensions.AI.Evaluation's
/// <c>IEvaluator</c> (messages, response, cancellation) so an adapter between the two is a few lines.
/// A judge that cannot decide throws; the trial then counts as an error, never as safe.
/// </summary>
public interface ISafetyJudge
{
    /// <summary>A stable id, recorded as provenance (for example <c>refusal</c>).</summary>
    string Id { get; }

    /// <summary>The judge version; bump it when its decisions can change.</summary>
    string Version { get; }

    /// <summary>Judges one response.</summary>
    /// <param name="promptCase">The case the response answers.</param>
    /// <param name="messages">The request messages that were sent.</param>
    /// <param name="response">The model's response.</param>
    /// <param name="cancellationToken">Cancels the judgement.</param>
    /// <returns>The judgement.</returns>
    ValueTask<SafetyJudgement> JudgeAsync(
        PromptCase promptCase,
        IReadOnlyList<ChatMessage> messages,
        ChatResponse response,
        CancellationToken cancellationToken = default);
}
