using System;
using System.Collections.Generic;
using System.Linq;
using SafetyTests.Tool.Commands;

namespace SafetyTests.Tool.CommandLine;

/// <summary>The verbs of the tool. Add a verb by adding its command here (one line).</summary>
internal static class CommandTable
{
    /// <summary>Every verb, in the order <c>safety --help</c> lists them.</summary>
    public static IReadOnlyList<ICommand> All { get; } = new ICommand[]
    {
        new PlanCommand(),
        new JudgeCommand(),
        new GateCommand(),
        new BaselineCommand(),
    };

    /// <summary>Finds a verb by name (case-sensitive, as typed).</summary>
    /// <param name="name">The verb.</param>
    /// <returns>The command, or <see langword="null"/>.</returns>
    public static ICommand? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
