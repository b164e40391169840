namespace SafetyTests.Gate;

/// <summary>One finding of the gate: a stable code, a severity, a message with the numbers and the fix, and where it points.</summary>
internal sealed class GateDiagnostic
{
    public GateDiagnostic(string code, DiagnosticSeverity severity, string message, string? file = null, int? line = null, string? subject = null)
    {
        Code = code;
        Severity = severity;
        Message = message;
        File = file;
        Line = line;
        Subject = subject;
    }

    /// <summary>The stable code (<c>SAFE001</c>…).</summary>
    public string Code { get; }

    public DiagnosticSeverity Severity { get; }

    /// <summary>The message: what, the numbers, the fix.</summary>
    public string Message { get; }

    /// <summary>The file the diagnostic points at (a case file, a TRX file, the baseline), when any.</summary>
    public string? File { get; }

    /// <summary>The 1-based line in <see cref="File"/>, when known.</summary>
    public int? Line { get; }

    /// <summary>The slice or case the diagnostic is about, when any.</summary>
    public string? Subject { get; }

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
