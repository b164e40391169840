using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>
/// Refuses a call with <see cref="SafetyBudgetExceededException"/> when the run budget is spent, and bills the
/// calls and tokens of those it lets through. Placed inside replay, it only ever sees calls that reach the model.
/// </summary>
internal sealed class BudgetChatClient : DelegatingChatClient
{
    private readonly UsageOptions _options;

    public BudgetChatClient(IChatClient innerClient, UsageOptions options)
        : base(innerClient)
    {
        _options = options;
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        _options.Ledger.Reserve(_options.MaxCalls, _options.MaxTokens);
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Bill(response);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _options.Ledger.Reserve(_options.MaxCalls, _options.MaxTokens);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }

        Bill(updates.ToChatResponse());
    }

    private void Bill(ChatResponse response)
    {
        if (response.RawRepresentation is not ReplayedResponse)
        {
            _options.Ledger.Billed(response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
        }
    }
}
