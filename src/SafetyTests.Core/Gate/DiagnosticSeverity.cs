namespace SafetyTests.Gate;

/// <summary>How a gate diagnostic is reported.</summary>
internal enum DiagnosticSeverity
{
    /// <summary>Information (an MSBuild message).</summary>
    Message = 0,

    /// <summary>A warning; the gate still passes.</summary>
    Warning = 1,

    /// <summary>An error; the gate fails.</summary>
    Error = 2,
}
