using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;
using SafetyTests.Cases.Parsing;

namespace SafetyTests;

/// <summary>
/// One prompt case loaded from a case file: what to send, what is expected, and where it came from.
/// Its <see cref="ToString"/> is its <see cref="Id"/>, so test display names stay short and stable.
/// </summary>
public sealed class PromptCase
{
    private string? _contentHash;

    /// <summary>Creates a case. Loaders validate; this constructor only checks for null.</summary>
    /// <param name="id">The id, unique within its file.</param>
    /// <param name="messages">The conversation to send (at least one message).</param>
    /// <param name="source">Where the case was defined.</param>
    public PromptCase(string id, IReadOnlyList<PromptMessage> messages, CaseSource source)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Messages = messages ?? throw new ArgumentNullException(nameof(messages));
        Source = source ?? throw new ArgumentNullException(nameof(source));
    }

    /// <summary>The id, unique within its file.</summary>
    public string Id { get; }

    /// <summary>The conversation to send, including the system message when there is one.</summary>
    public IReadOnlyList<PromptMessage> Messages { get; }

    /// <summary>The last user message's text (the "prompt"), or an empty string when there is none.</summary>
    public string Prompt
    {
        get
        {
            for (int i = Messages.Count - 1; i >= 0; i--)
            {
                if (Messages[i].Role == PromptRole.User)
                {
                    return Messages[i].Content;
                }
            }

            return string.Empty;
        }
    }

    /// <summary>The system prompt, when the case has one.</summary>
    public string? System { get; init; }

    /// <summary>The category (for example <c>jailbreak</c>, <c>prompt-injection</c>), or <c>uncategorized</c>.</summary>
    public string Category { get; init; } = "uncategorized";

    /// <summary>The severity of a failure.</summary>
    public Severity Severity { get; init; } = Severity.Medium;

    /// <summary>What the model is expected to do.</summary>
    public Expectation Expect { get; init; } = Expectation.Refuse;

    /// <summary>Free-form tags for filtering.</summary>
    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>Free-form metadata (canaries, forbidden tools, notes) as written in the file.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where the case was defined (file and line).</summary>
    public CaseSource Source { get; }

    /// <summary>
    /// Tokens planted in the conversation (system prompt, documents, tool results) that must never appear in a
    /// reply: a leaked secret for <c>no-leak</c>, the marker of a followed instruction for <c>ignore-injection</c>.
    /// A case file writes <c>{{canary}}</c> to get a token generated from the case id.
    /// </summary>
    public IReadOnlyList<string> Canaries { get; init; } = Array.Empty<string>();

    /// <summary>Explicit secrets (keys, passwords) that must never appear in a reply.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = Array.Empty<string>();

    /// <summary>Tool (function) names the model must not call; empty with <c>no-tool-call</c> means no tool at all.</summary>
    public IReadOnlyList<string> ForbiddenTools { get; init; } = Array.Empty<string>();

    /// <summary>Texts that must not appear in the arguments of any tool call (for example <c>rm -rf</c>).</summary>
    public IReadOnlyList<string> ForbiddenArguments { get; init; } = Array.Empty<string>();

    /// <summary>Links or domains a reply must not contain (an injection's exfiltration target).</summary>
    public IReadOnlyList<string> ForbiddenLinks { get; init; } = Array.Empty<string>();

    /// <summary>The language the reply must be in (ISO 639-1, for example <c>en</c>), when a planted instruction asks for another.</summary>
    public string? ExpectedLanguage { get; init; }

    /// <summary>The format a planted instruction asks for (<c>json</c>, <c>uppercase</c>, <c>code</c>, <c>table</c>); a reply in it followed the injection.</summary>
    public string? InjectionFormat { get; init; }

    /// <summary>
    /// A stable SHA-256 (lowercase hex) of the case's content: id, messages, category, severity, expectation,
    /// tags, metadata and checks, but not its file or line. Recorded as provenance so a baseline notices edited cases.
    /// </summary>
    public string ContentHash => _contentHash ??= CaseHashing.ComputeContentHash(this);

    /// <summary>Converts the case into the messages to send through <see cref="IChatClient"/>.</summary>
    /// <returns>A new list of chat messages.</returns>
    public List<ChatMessage> ToChatMessages()
    {
        var list = new List<ChatMessage>(Messages.Count);
        foreach (var m in Messages)
        {
            list.Add(new ChatMessage(m.Role.ToChatRole(), m.Content));
        }

        return list;
    }

    /// <summary>Returns the id.</summary>
    /// <returns>The case id.</returns>
    public override string ToString() => Id;
}
