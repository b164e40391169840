using System;
using System.Globalization;
using System.Text;

namespace SafetyTests;

/// <summary>One problem found in a case file: where it is, which field, what is wrong and how to fix it.</summary>
public sealed class PromptCaseProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="file">The case file as given by the user.</param>
    /// <param name="line">The 1-based line (0 when the problem concerns the whole file).</param>
    /// <param name="field">The field (for example <c>severity</c> or <c>cases[3].messages[1].role</c>), or <see langword="null"/>.</param>
    /// <param name="message">What is wrong and how to fix it, as one or two sentences.</param>
    public PromptCaseProblem(string file, int line, string? field, string message)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        Line = line;
        Field = field;
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The case file as given by the user.</summary>
    public string File { get; }

    /// <summary>The 1-based line (0 when the problem concerns the whole file).</summary>
    public int Line { get; }

    /// <summary>The field, or <see langword="null"/> when the problem is not about one field.</summary>
    public string? Field { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Returns "file, line N, field 'f': message".</summary>
    /// <returns>The problem as one line of text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder(File);
        AppendLocation(sb);
        sb.Append(": ").Append(Message);
        return sb.ToString();
    }

    internal string ToStringWithoutFile()
    {
        var sb = new StringBuilder();
        AppendLocation(sb);
        string location = sb.Length > 2 ? sb.ToString(2, sb.Length - 2) : "file";
        return location + ": " + Message;
    }

    private void AppendLocation(StringBuilder sb)
    {
        if (Line > 0)
        {
            sb.Append(", line ").Append(Line.ToString(CultureInfo.InvariantCulture));
        }

        if (Field is not null)
        {
            sb.Append(", field '").Append(Field).Append('\'');
        }
    }
}
