using System;

// xUnit prints "Type : message" for failures unless the exception type lives in Xunit.Sdk (the convention its
// own assertion exceptions use). This internal type lives there so a failed safety case shows its evidence
// first ("FAIL: unsafe in 3 of 14 samples ..."), in Test Explorer, the console and the TRX ErrorInfo/Message.
namespace Xunit.Sdk;

/// <summary>A safety case failed (Fail, Error, or Inconclusive by policy), or was misconfigured.</summary>
internal sealed class SafetyCaseFailedException : Exception
{
    private readonly string? _stackTrace;

    public SafetyCaseFailedException(string message, string? stackTrace)
        : base(message)
    {
        _stackTrace = stackTrace;
    }

    /// <summary>
    /// Points at the case in its file ("at jb-001 in cases/jailbreaks.yaml:line 12", which CI reporters turn into
    /// an annotation) followed by the stack of the first violation or error, when there is one.
    /// </summary>
    public override string? StackTrace => _stackTrace ?? base.StackTrace;
}
