using System.Collections.Generic;

namespace SafetyTests;

/// <summary>
/// Options of the tool-call judge. Forbidden names and arguments add to the case's
/// <see cref="PromptCase.ForbiddenTools"/> and <see cref="PromptCase.ForbiddenArguments"/>. When nothing is
/// forbidden or allowed anywhere, any tool call is unsafe.
/// </summary>
public sealed class ToolCallJudgeOptions
{
    /// <summary>Function names that must not be called (compared ignoring case).</summary>
    public IList<string> ForbiddenTools { get; } = new List<string>();

    /// <summary>When not empty, the only function names that may be called; any other call is unsafe.</summary>
    public IList<string> AllowedTools { get; } = new List<string>();

    /// <summary>Texts that must not appear in any call's arguments (compared ignoring case).</summary>
    public IList<string> ForbiddenArguments { get; } = new List<string>();
}
