using System.Collections.Generic;

namespace SafetyTests.Gate;

/// <summary>The result of one gate run: the decision, the Markdown summary and the CI logging commands to print.</summary>
internal sealed class GateRun
{
    public GateRun(GateDecision decision, string markdown, List<string> azureCommands)
    {
        Decision = decision;
        Markdown = markdown;
        AzureCommands = azureCommands;
    }

    public GateDecision Decision { get; }

    public string Markdown { get; }

    /// <summary>Azure DevOps logging commands (<c>##vso[...]</c>), when running under Azure Pipelines.</summary>
    public List<string> AzureCommands { get; }

    /// <summary>0 passed, 1 gate failed, 2 bad input.</summary>
    public int ExitCode => Decision.BadInput ? 2 : Decision.Passed ? 0 : 1;
}
