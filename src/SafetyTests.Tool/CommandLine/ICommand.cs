using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SafetyTests.Tool.CommandLine;

/// <summary>One verb of the <c>safety</c> tool (one class per file under <c>Commands/</c>, listed in <see cref="CommandTable"/>).</summary>
internal interface ICommand
{
    /// <summary>The verb as typed on the command line, for example <c>plan</c>.</summary>
    string Name { get; }

    /// <summary>One line for the verb list of <c>safety --help</c>.</summary>
    string Summary { get; }

    /// <summary>Runs the verb.</summary>
    /// <param name="arguments">The arguments after the verb.</param>
    /// <param name="console">Where to write output and errors.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    Task<int> RunAsync(IReadOnlyList<string> arguments, CommandConsole console, CancellationToken cancellationToken);
}
