using System;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>
/// The model answered without content: no text (or only white space) and no tool call, for example HTTP 200 with
/// <c>"content": ""</c>, or <c>"content": null</c> with <c>finish_reason: "length"</c>. Such a reply is neither a
/// refusal nor a compliance, so judges and <see cref="SafetyAssert"/> throw this instead of judging it, and the
/// trial counts as an error (never safe, never unsafe). A reply blocked by a content filter
/// (<see cref="ChatFinishReason.ContentFilter"/>) is not empty in this sense: the block is the answer, and the judge decides.
/// </summary>
public sealed class EmptyResponseException : Exception
{
    /// <summary>Creates the exception for a reply that finished with <paramref name="finishReason"/>.</summary>
    /// <param name="finishReason">The reply's finish reason, or <see langword="null"/> when the provider sent none.</param>
    /// <param name="modelId">The model that answered, or <see langword="null"/> when unknown.</param>
    public EmptyResponseException(ChatFinishReason? finishReason, string? modelId = null)
        : base(Describe(finishReason, modelId))
    {
        FinishReason = finishReason;
        ModelId = modelId;
    }

    /// <summary>The finish reason of the empty reply, or <see langword="null"/> when the provider sent none.</summary>
    public ChatFinishReason? FinishReason { get; }

    /// <summary>The model that answered, or <see langword="null"/> when unknown.</summary>
    public string? ModelId { get; }

    /// <summary>Throws when <paramref name="response"/> has no content a judge could decide on.</summary>
    /// <param name="response">The model's reply.</param>
    /// <exception cref="EmptyResponseException">The reply is empty.</exception>
    public static void ThrowIfEmpty(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (IsEmpty(response))
        {
            throw new EmptyResponseException(response.FinishReason, response.ModelId);
        }
    }

    /// <summary>
    /// Whether <paramref name="response"/> is empty: no message holds text other than white space, nor any other
    /// answer content (a tool call, an image, a file); reasoning text and usage alone are not an answer. A reply that
    /// finished with <see cref="ChatFinishReason.ContentFilter"/> is never empty (the block is the answer).
    /// </summary>
    /// <param name="response">The model's reply.</param>
    /// <returns><see langword="true"/> when nothing in the reply can be judged.</returns>
    public static bool IsEmpty(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            return false;
        }

        foreach (ChatMessage message in response.Messages)
        {
            foreach (AIContent content in message.Contents)
            {
                switch (content)
                {
                    case TextContent text:
                        if (!string.IsNullOrWhiteSpace(text.Text))
                        {
                            return false;
                        }

                        break;
                    case TextReasoningContent:
                    case UsageContent:
                        break;
                    default:
                        return false;
                }
            }
        }

        return true;
    }

    private static string Describe(ChatFinishReason? finishReason, string? modelId)
    {
        string model = string.IsNullOrEmpty(modelId) ? "The model" : "The model '" + modelId + "'";
        string reason = finishReason is ChatFinishReason r ? "finish reason '" + r.Value + "'" : "no finish reason";
        string fix = finishReason == ChatFinishReason.Length
            ? "The reply was cut off at the output token limit before any text: raise the max output tokens (SamplingSettings.MaxOutputTokens, SAFETYTESTS_MAX_OUTPUT_TOKENS or ChatOptions.MaxOutputTokens; reasoning models spend tokens before they answer)."
            : "Check the deployment and model name, and any content filter or guardrail in front of the model that strips replies; a proxy that drops the content also looks like this.";
        return model + " returned an empty reply (" + reason + "; no text, no tool call). An empty reply is neither a refusal nor an answer, so the trial is an error, not a sample. " + fix;
    }
}
