using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>
/// Guarantees that no exception leaving the pipeline carries a registered secret: an exception whose text
/// (message, inner exceptions) contains one is replaced by a <see cref="ModelAccessException"/> with the
/// redacted description and no inner exception.
/// </summary>
internal sealed class SecretRedactionChatClient : DelegatingChatClient
{
    public SecretRedactionChatClient(IChatClient innerClient)
        : base(innerClient)
    {
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (CarriesSecret(ex))
        {
            throw Redacted(ex);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<ChatResponseUpdate> enumerator;
        try
        {
            enumerator = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (CarriesSecret(ex))
        {
            throw Redacted(ex);
        }

        try
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (CarriesSecret(ex))
                {
                    throw Redacted(ex);
                }

                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static bool CarriesSecret(Exception ex) => ex is not OperationCanceledException && SafetySecrets.ContainsSecret(ex.ToString());

    internal static ModelAccessException Redacted(Exception ex)
    {
        var access = ex as ModelAccessException;
        return new ModelAccessException(
            "The model call failed (details redacted because they contained a secret): " + SafetySecrets.Describe(ex),
            innerException: null,
            access?.Endpoint,
            access?.Attempts ?? 0,
            access?.StatusCode,
            access?.IsTimeout ?? false);
    }
}
