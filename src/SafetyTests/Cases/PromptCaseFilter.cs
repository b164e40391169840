using System;
using System.Collections.Generic;
using System.Linq;

namespace SafetyTests;

/// <summary>
/// Selects cases by category, tag, severity and expectation. Within one property any listed value matches;
/// across properties all must match. An empty filter matches every case. Text comparisons ignore case.
/// </summary>
public sealed class PromptCaseFilter
{
    /// <summary>A filter that matches every case.</summary>
    public static readonly PromptCaseFilter All = new();

    /// <summary>Categories to keep (any of), or empty for all.</summary>
    public IReadOnlyList<string> Categories { get; init; } = Array.Empty<string>();

    /// <summary>Tags to keep (a case with any of them), or empty for all.</summary>
    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>Tags to drop (a case with any of them is excluded).</summary>
    public IReadOnlyList<string> ExcludedTags { get; init; } = Array.Empty<string>();

    /// <summary>Severities to keep (any of), or empty for all.</summary>
    public IReadOnlyList<Severity> Severities { get; init; } = Array.Empty<Severity>();

    /// <summary>The lowest severity to keep, or <see langword="null"/> for all.</summary>
    public Severity? MinimumSeverity { get; init; }

    /// <summary>Expectations to keep (any of), or empty for all.</summary>
    public IReadOnlyList<Expectation> Expectations { get; init; } = Array.Empty<Expectation>();

    /// <summary>Case ids to keep (any of), or empty for all.</summary>
    public IReadOnlyList<string> Ids { get; init; } = Array.Empty<string>();

    /// <summary>Whether the filter keeps every case.</summary>
    public bool IsEmpty => Categories.Count == 0 && Tags.Count == 0 && ExcludedTags.Count == 0 && Severities.Count == 0
        && MinimumSeverity is null && Expectations.Count == 0 && Ids.Count == 0;

    /// <summary>
    /// Builds a filter from the text of attribute properties: each argument is a list separated by
    /// <c>,</c>, <c>;</c> or <c>|</c>, or <see langword="null"/>/empty for "all". A tag written <c>!tag</c> excludes it.
    /// </summary>
    /// <param name="categories">Categories, for example <c>jailbreak,prompt-injection</c>.</param>
    /// <param name="tags">Tags, for example <c>smoke;!slow</c>.</param>
    /// <param name="severities">Severities, for example <c>high,critical</c>, or <c>high+</c> for high and above.</param>
    /// <param name="expectations">Expectations, for example <c>refuse</c>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">A severity or expectation is unknown; the message lists the allowed values.</exception>
    public static PromptCaseFilter Parse(string? categories = null, string? tags = null, string? severities = null, string? expectations = null)
    {
        var problems = new List<string>();
        var severityList = new List<Severity>();
        Severity? minimum = null;
        foreach (var s in SplitList(severities))
        {
            string word = s.EndsWith('+') ? s.Substring(0, s.Length - 1) : s;
            if (!CaseVocabulary.TryParseSeverity(word, out var sev))
            {
                problems.Add("unknown severity '" + s + "' (use " + string.Join(", ", CaseVocabulary.Severities) + ", or e.g. 'high+' for high and above)");
            }
            else if (s.EndsWith('+'))
            {
                minimum = minimum is null || sev < minimum ? sev : minimum;
            }
            else
            {
                severityList.Add(sev);
            }
        }

        var expectationList = new List<Expectation>();
        foreach (var e in SplitList(expectations))
        {
            if (CaseVocabulary.TryParseExpectation(e, out var exp))
            {
                expectationList.Add(exp);
            }
            else
            {
                problems.Add("unknown expectation '" + e + "' (use " + string.Join(", ", CaseVocabulary.Expectations) + ")");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid case filter: " + string.Join("; ", problems) + ".");
        }

        var tagList = SplitList(tags);
        if (minimum is not null && severityList.Count > 0)
        {
            foreach (Severity s in Enum.GetValues(typeof(Severity)))
            {
                if (s >= minimum && !severityList.Contains(s))
                {
                    severityList.Add(s);
                }
            }

            minimum = null;
        }

        return new PromptCaseFilter
        {
            Categories = SplitList(categories),
            Tags = tagList.Where(t => !t.StartsWith('!')).ToArray(),
            ExcludedTags = tagList.Where(t => t.StartsWith('!') && t.Length > 1).Select(t => t.Substring(1)).ToArray(),
            Severities = severityList,
            MinimumSeverity = minimum,
            Expectations = expectationList,
        };
    }

    /// <summary>Whether the case passes the filter.</summary>
    /// <param name="promptCase">The case.</param>
    /// <returns><see langword="true"/> when the case is kept.</returns>
    public bool Matches(PromptCase promptCase)
    {
        if (promptCase is null)
        {
            throw new ArgumentNullException(nameof(promptCase));
        }

        if (Categories.Count > 0 && !ContainsIgnoreCase(Categories, promptCase.Category))
        {
            return false;
        }

        if (Ids.Count > 0 && !ContainsIgnoreCase(Ids, promptCase.Id))
        {
            return false;
        }

        if (Severities.Count > 0 && !Severities.Contains(promptCase.Severity))
        {
            return false;
        }

        if (MinimumSeverity is { } min && promptCase.Severity < min)
        {
            return false;
        }

        if (Expectations.Count > 0 && !Expectations.Contains(promptCase.Expect))
        {
            return false;
        }

        if (Tags.Count > 0 && !promptCase.Tags.Any(t => ContainsIgnoreCase(Tags, t)))
        {
            return false;
        }

        return ExcludedTags.Count == 0 || !promptCase.Tags.Any(t => ContainsIgnoreCase(ExcludedTags, t));
    }

    /// <summary>Keeps the matching cases, in order.</summary>
    /// <param name="cases">The cases.</param>
    /// <returns>The matching cases.</returns>
    public IReadOnlyList<PromptCase> Apply(IEnumerable<PromptCase> cases)
    {
        if (cases is null)
        {
            throw new ArgumentNullException(nameof(cases));
        }

        return cases.Where(Matches).ToArray();
    }

    /// <summary>Describes the filter, for messages such as "no case matches ...".</summary>
    /// <returns>For example <c>category in [jailbreak]; severity in [high, critical]</c>, or <c>all cases</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Ids.Count > 0)
        {
            parts.Add("id in [" + string.Join(", ", Ids) + "]");
        }

        if (Categories.Count > 0)
        {
            parts.Add("category in [" + string.Join(", ", Categories) + "]");
        }

        if (Tags.Count > 0)
        {
            parts.Add("tag in [" + string.Join(", ", Tags) + "]");
        }

        if (ExcludedTags.Count > 0)
        {
            parts.Add("tag not in [" + string.Join(", ", ExcludedTags) + "]");
        }

        if (Severities.Count > 0)
        {
            parts.Add("severity in [" + string.Join(", ", Severities.Select(CaseVocabulary.ToText)) + "]");
        }

        if (MinimumSeverity is { } min)
        {
            parts.Add("severity >= " + CaseVocabulary.ToText(min));
        }

        if (Expectations.Count > 0)
        {
            parts.Add("expect in [" + string.Join(", ", Expectations.Select(CaseVocabulary.ToText)) + "]");
        }

        return parts.Count == 0 ? "all cases" : string.Join("; ", parts);
    }

    private static string[] SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? Array.Empty<string>()
            : text!.Split(new[] { ',', ';', '|' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool ContainsIgnoreCase(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
