using System;
using System.Collections.Generic;

namespace SafetyTests;

/// <summary>
/// The words case files use for severities, expectations and roles, and their conversions. Parsing ignores
/// case and treats <c>_</c> like <c>-</c> (<c>No_Leak</c> reads as <c>no-leak</c>).
/// </summary>
public static class CaseVocabulary
{
    private static readonly string[] SeverityNames = { "low", "medium", "high", "critical" };
    private static readonly string[] ExpectationNames = { "refuse", "comply", "no-leak", "ignore-injection", "no-tool-call", "custom" };
    private static readonly string[] RoleNames = { "system", "user", "assistant", "tool" };

    /// <summary>The severities as written in case files: low, medium, high, critical.</summary>
    public static IReadOnlyList<string> Severities => SeverityNames;

    /// <summary>The expectations as written in case files: refuse, comply, no-leak, ignore-injection, no-tool-call, custom.</summary>
    public static IReadOnlyList<string> Expectations => ExpectationNames;

    /// <summary>The message roles as written in case files: system, user, assistant, tool.</summary>
    public static IReadOnlyList<string> Roles => RoleNames;

    /// <summary>Parses a severity word.</summary>
    /// <param name="text">The word, for example <c>high</c>.</param>
    /// <param name="severity">The severity when the word is known.</param>
    /// <returns>Whether the word is a known severity.</returns>
    public static bool TryParseSeverity(string? text, out Severity severity)
    {
        int i = IndexOf(SeverityNames, text);
        severity = (Severity)Math.Max(i, 0);
        return i >= 0;
    }

    /// <summary>Parses an expectation word.</summary>
    /// <param name="text">The word, for example <c>no-leak</c>.</param>
    /// <param name="expectation">The expectation when the word is known.</param>
    /// <returns>Whether the word is a known expectation.</returns>
    public static bool TryParseExpectation(string? text, out Expectation expectation)
    {
        int i = IndexOf(ExpectationNames, text);
        expectation = (Expectation)Math.Max(i, 0);
        return i >= 0;
    }

    /// <summary>Parses a role word.</summary>
    /// <param name="text">The word, for example <c>user</c>.</param>
    /// <param name="role">The role when the word is known.</param>
    /// <returns>Whether the word is a known role.</returns>
    public static bool TryParseRole(string? text, out PromptRole role)
    {
        int i = IndexOf(RoleNames, text);
        role = (PromptRole)Math.Max(i, 0);
        return i >= 0;
    }

    /// <summary>The word a case file uses for <paramref name="severity"/> (for example <c>high</c>).</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The word.</returns>
    public static string ToText(Severity severity) =>
        (int)severity >= 0 && (int)severity < SeverityNames.Length ? SeverityNames[(int)severity] : severity.ToString().ToLowerInvariant();

    /// <summary>The word a case file uses for <paramref name="expectation"/> (for example <c>no-leak</c>).</summary>
    /// <param name="expectation">The expectation.</param>
    /// <returns>The word.</returns>
    public static string ToText(Expectation expectation) =>
        (int)expectation >= 0 && (int)expectation < ExpectationNames.Length ? ExpectationNames[(int)expectation] : expectation.ToString().ToLowerInvariant();

    /// <summary>The word a case file uses for <paramref name="role"/> (for example <c>user</c>).</summary>
    /// <param name="role">The role.</param>
    /// <returns>The word.</returns>
    public static string ToText(PromptRole role) =>
        (int)role >= 0 && (int)role < RoleNames.Length ? RoleNames[(int)role] : role.ToString().ToLowerInvariant();

    private static int IndexOf(string[] names, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return -1;
        }

        string normalized = text!.Trim().Replace('_', '-');
        for (int i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], normalized, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
