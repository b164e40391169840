using System;
using System.Collections.Generic;
using System.Text;

namespace SafetyTests;

/// <summary>
/// Thrown when safety test settings are invalid. The message lists every problem at once, each with the
/// value given and the range allowed, so one edit fixes them all.
/// </summary>
public sealed class SafetyOptionsException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    /// <param name="problems">One readable sentence per problem (at least one).</param>
    public SafetyOptionsException(IReadOnlyList<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>The problems, one readable sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(IReadOnlyList<string> problems)
    {
        if (problems is null)
        {
            throw new ArgumentNullException(nameof(problems));
        }

        var text = new StringBuilder();
        text.Append("Invalid safety test settings (")
            .Append(problems.Count)
            .Append(problems.Count == 1 ? " problem):" : " problems):");
        foreach (var problem in problems)
        {
            text.AppendLine().Append("  - ").Append(problem);
        }

        return text.ToString();
    }
}
