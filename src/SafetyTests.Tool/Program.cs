using System;

namespace SafetyTests.Tool;

/// <summary>Entry point of the <c>safety</c> command.</summary>
internal static class Program
{
    /// <summary>Runs one verb and returns its exit code: 0 success, 1 a negative result (for example a failed gate), 2 bad input.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The process exit code.</returns>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.WriteLine("usage: safety <verb> [options]");
            Console.Out.WriteLine("verbs: plan");
            return args.Length == 0 ? 2 : 0;
        }

        Console.Error.WriteLine($"safety: unknown verb '{args[0]}'. Run 'safety --help' for the list of verbs.");
        return 2;
    }
}
