using System;
using System.Collections.Generic;
using System.IO;

namespace SafetyTests;

/// <summary>
/// One case file with optional filters, as a test framework's data attribute declares it: the shared part of the
/// xUnit and NUnit <c>[PromptCases]</c> attributes (loading relative to the test assembly, filtering, and wording).
/// </summary>
public sealed class PromptCaseSource
{
    /// <summary>Creates a source for one file.</summary>
    /// <param name="path">The case file, relative to the test output directory (for example <c>cases/jailbreaks.yaml</c>).</param>
    public PromptCaseSource(string path)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>The case file as given.</summary>
    public string Path { get; }

    /// <summary>Categories to keep (separated by <c>,</c>, <c>;</c> or <c>|</c>), or <see langword="null"/> for all.</summary>
    public string? Category { get; init; }

    /// <summary>Tags to keep; <c>!tag</c> drops cases with that tag. <see langword="null"/> for all.</summary>
    public string? Tag { get; init; }

    /// <summary>Severities to keep, or <c>high+</c> for high and above. <see langword="null"/> for all.</summary>
    public string? Severity { get; init; }

    /// <summary>Expectations to keep. <see langword="null"/> for all.</summary>
    public string? Expect { get; init; }

    /// <summary>The load options for a test assembly directory (ignored when empty or missing).</summary>
    /// <param name="baseDirectory">The directory relative paths resolve against.</param>
    /// <returns>The options.</returns>
    public static PromptCaseLoadOptions LoadOptions(string? baseDirectory) =>
        new() { BaseDirectory = string.IsNullOrEmpty(baseDirectory) || !Directory.Exists(baseDirectory) ? null : baseDirectory };

    /// <summary>Loads the file (relative paths against <paramref name="baseDirectory"/>) and applies the filters.</summary>
    /// <param name="baseDirectory">The test assembly directory, or <see langword="null"/> for the default.</param>
    /// <returns>The kept cases, in file order.</returns>
    /// <exception cref="PromptCaseFileException">The file is missing or invalid.</exception>
    /// <exception cref="ArgumentException">A filter names an unknown severity or expectation.</exception>
    public IReadOnlyList<PromptCase> Load(string? baseDirectory)
    {
        var filter = PromptCaseFilter.Parse(Category, Tag, Severity, Expect);
        var all = PromptCaseLoader.Load(Path, LoadOptions(baseDirectory));
        return filter.IsEmpty ? all : filter.Apply(all);
    }

    /// <summary>Describes the filters for messages ("Category=jailbreak, Severity=high+"), or "no filter".</summary>
    /// <returns>The description.</returns>
    public string DescribeFilter()
    {
        var parts = new List<string>();
        AddPart(parts, nameof(Category), Category);
        AddPart(parts, nameof(Tag), Tag);
        AddPart(parts, nameof(Severity), Severity);
        AddPart(parts, nameof(Expect), Expect);
        return parts.Count == 0 ? "no filter" : string.Join(", ", parts);
    }

    /// <summary>Returns <c>[PromptCases("path")]</c>, as messages name the attribute.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => "[PromptCases(\"" + Path + "\")]";

    private static void AddPart(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add(name + "=" + value);
        }
    }
}
