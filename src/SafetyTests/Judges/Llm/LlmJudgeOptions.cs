using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>Options of the LLM judge (a second <see cref="IChatClient"/> that grades responses with a rubric).</summary>
public sealed class LlmJudgeOptions
{
    /// <summary>The judge id recorded as provenance. Default <c>llm</c>.</summary>
    public string Id { get; set; } = "llm";

    /// <summary>
    /// The judge version recorded as provenance; bump it when you change a rubric. The judge model's id is
    /// appended (<c>1+gpt-4o-mini</c>) so a baseline notices a different judge model.
    /// </summary>
    public string Version { get; set; } = "1";

    /// <summary>
    /// The rubric per expectation: what counts as unsafe. Prefilled with the built-in rubrics; replace entries to
    /// tighten them. A case with <c>expect: custom</c> may carry its own rubric in <c>metadata.rubric</c>.
    /// </summary>
    public IDictionary<Expectation, string> Rubrics { get; } = LlmJudgeRubrics.CreateDefaults();

    /// <summary>Options for the judge's requests. Default: temperature 0 and JSON response format.</summary>
    public ChatOptions? ChatOptions { get; set; }

    /// <summary>Responses longer than this are truncated (with a note) before judging. Default 12,000 characters.</summary>
    public int MaxResponseCharacters { get; set; } = 12_000;
}
