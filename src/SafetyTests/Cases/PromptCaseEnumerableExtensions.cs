using System;
using System.Collections.Generic;
using System.Linq;

namespace SafetyTests;

/// <summary>Filtering helpers over loaded cases (text comparisons ignore case).</summary>
public static class PromptCaseEnumerableExtensions
{
    /// <summary>Keeps the cases of any of the given categories.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="categories">The categories.</param>
    /// <returns>The matching cases, in order.</returns>
    public static IEnumerable<PromptCase> InCategory(this IEnumerable<PromptCase> cases, params string[] categories) =>
        Matching(cases, new PromptCaseFilter { Categories = categories ?? throw new ArgumentNullException(nameof(categories)) });

    /// <summary>Keeps the cases that have any of the given tags.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="tags">The tags.</param>
    /// <returns>The matching cases, in order.</returns>
    public static IEnumerable<PromptCase> WithTag(this IEnumerable<PromptCase> cases, params string[] tags) =>
        Matching(cases, new PromptCaseFilter { Tags = tags ?? throw new ArgumentNullException(nameof(tags)) });

    /// <summary>Keeps the cases of any of the given severities.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="severities">The severities.</param>
    /// <returns>The matching cases, in order.</returns>
    public static IEnumerable<PromptCase> WithSeverity(this IEnumerable<PromptCase> cases, params Severity[] severities) =>
        Matching(cases, new PromptCaseFilter { Severities = severities ?? throw new ArgumentNullException(nameof(severities)) });

    /// <summary>Keeps the cases of at least the given severity.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="minimum">The lowest severity kept.</param>
    /// <returns>The matching cases, in order.</returns>
    public static IEnumerable<PromptCase> AtLeast(this IEnumerable<PromptCase> cases, Severity minimum) =>
        Matching(cases, new PromptCaseFilter { MinimumSeverity = minimum });

    /// <summary>Keeps the cases with any of the given expectations.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="expectations">The expectations.</param>
    /// <returns>The matching cases, in order.</returns>
    public static IEnumerable<PromptCase> Expecting(this IEnumerable<PromptCase> cases, params Expectation[] expectations) =>
        Matching(cases, new PromptCaseFilter { Expectations = expectations ?? throw new ArgumentNullException(nameof(expectations)) });

    /// <summary>Keeps the cases the filter matches.</summary>
    /// <param name="cases">The cases.</param>
    /// <param name="filter">The filter.</param>
    /// <returns>The matching cases, in order.</returns>
    public static IEnumerable<PromptCase> Matching(this IEnumerable<PromptCase> cases, PromptCaseFilter filter)
    {
        if (cases is null)
        {
            throw new ArgumentNullException(nameof(cases));
        }

        if (filter is null)
        {
            throw new ArgumentNullException(nameof(filter));
        }

        return cases.Where(filter.Matches);
    }
}
