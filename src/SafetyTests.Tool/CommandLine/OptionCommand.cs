using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SafetyTests.Tool.CommandLine;

/// <summary>
/// A verb whose arguments are parsed by an <see cref="OptionSet"/>: checks the arguments, parses them once and
/// answers <c>--help</c>, then hands the parsed options (with any parse errors, to report with the verb's own
/// problems) to <see cref="ExecuteAsync"/>.
/// </summary>
internal abstract class OptionCommand : ICommand
{
    /// <summary>The option that prints the verb's help.</summary>
    protected const string Help = "--help";

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Summary { get; }

    /// <summary>The verb's options.</summary>
    protected abstract OptionSet Options { get; }

    /// <inheritdoc />
    public Task<int> RunAsync(IReadOnlyList<string> arguments, CommandConsole console, CancellationToken cancellationToken)
    {
        if (arguments is null)
        {
            throw new ArgumentNullException(nameof(arguments));
        }

        if (console is null)
        {
            throw new ArgumentNullException(nameof(console));
        }

        ParsedOptions parsed = Options.Parse(arguments);
        if (parsed.Has(Help))
        {
            WriteHelp(console.Out);
            return Task.FromResult(ExitCodes.Success);
        }

        return ExecuteAsync(parsed, console, cancellationToken);
    }

    /// <summary>Writes the verb's help (usage, options, exit codes).</summary>
    /// <param name="writer">Where to write.</param>
    protected abstract void WriteHelp(TextWriter writer);

    /// <summary>Runs the verb on parsed options (<see cref="ParsedOptions.Errors"/> may hold parse problems to report).</summary>
    /// <param name="parsed">The parsed options.</param>
    /// <param name="console">Where to write output and errors.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    protected abstract Task<int> ExecuteAsync(ParsedOptions parsed, CommandConsole console, CancellationToken cancellationToken);
}
