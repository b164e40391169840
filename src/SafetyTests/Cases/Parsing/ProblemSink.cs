using System.Collections.Generic;

namespace SafetyTests.Cases.Parsing;

/// <summary>Collects the problems of one file so they are all reported at once.</summary>
internal sealed class ProblemSink
{
    public ProblemSink(string file) => File = file;

    public string File { get; }

    public List<PromptCaseProblem> Items { get; } = new();

    public bool HasProblems => Items.Count > 0;

    public void Add(int line, string? field, string message) => Items.Add(new PromptCaseProblem(File, line, field, message));

    public void ThrowIfAny()
    {
        if (Items.Count > 0)
        {
            Items.Sort((a, b) => a.Line.CompareTo(b.Line));
            throw new PromptCaseFileException(Items.ToArray());
        }
    }
}
