using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SafetyTests;

/// <summary>
/// A case file could not be loaded: not found, too large, bad syntax or invalid cases. The message names the
/// file, the line, the field, what is wrong and the fix; <see cref="Problems"/> lists every problem found.
/// </summary>
public sealed class PromptCaseFileException : Exception
{
    /// <summary>The most problems listed in <see cref="Exception.Message"/>; <see cref="Problems"/> has them all.</summary>
    public const int MaxProblemsInMessage = 20;

    /// <summary>Creates the exception from the problems found in one file.</summary>
    /// <param name="problems">At least one problem, all of the same file.</param>
    public PromptCaseFileException(IReadOnlyList<PromptCaseProblem> problems)
        : base(BuildMessage(problems))
    {
        Problems = problems;
        File = problems[0].File;
        Line = problems[0].Line;
        Field = problems[0].Field;
    }

    /// <summary>Creates the exception for one problem.</summary>
    /// <param name="problem">The problem.</param>
    public PromptCaseFileException(PromptCaseProblem problem)
        : this(new[] { problem ?? throw new ArgumentNullException(nameof(problem)) })
    {
    }

    /// <summary>The case file as given by the user.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the first problem (0 when it concerns the whole file).</summary>
    public int Line { get; }

    /// <summary>The field of the first problem, or <see langword="null"/>.</summary>
    public string? Field { get; }

    /// <summary>Every problem found in the file, in file order.</summary>
    public IReadOnlyList<PromptCaseProblem> Problems { get; }

    private static string BuildMessage(IReadOnlyList<PromptCaseProblem> problems)
    {
        if (problems is null || problems.Count == 0)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        if (problems.Count == 1)
        {
            return "Case file " + problems[0];
        }

        var sb = new StringBuilder();
        sb.Append("Case file ").Append(problems[0].File).Append(" has ")
          .Append(problems.Count.ToString(CultureInfo.InvariantCulture)).Append(" problems:");
        int shown = Math.Min(problems.Count, MaxProblemsInMessage);
        for (int i = 0; i < shown; i++)
        {
            sb.Append('\n').Append("  ").Append(problems[i].ToStringWithoutFile());
        }

        if (problems.Count > shown)
        {
            sb.Append('\n').Append("  ... and ").Append((problems.Count - shown).ToString(CultureInfo.InvariantCulture))
              .Append(" more (see PromptCaseFileException.Problems).");
        }

        return sb.ToString();
    }
}
