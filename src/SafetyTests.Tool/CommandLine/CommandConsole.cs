using System;
using System.IO;

namespace SafetyTests.Tool.CommandLine;

/// <summary>The output and error writers of one command run (the process console, or string writers in tests).</summary>
internal sealed class CommandConsole
{
    /// <summary>Creates a console over the given writers.</summary>
    /// <param name="output">Standard output: results.</param>
    /// <param name="error">Standard error: problems and diagnostics.</param>
    public CommandConsole(TextWriter output, TextWriter error)
    {
        Out = output ?? throw new ArgumentNullException(nameof(output));
        Error = error ?? throw new ArgumentNullException(nameof(error));
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>The process console.</summary>
    public static CommandConsole System => new(Console.Out, Console.Error);
}
