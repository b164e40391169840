namespace SafetyTests.Tool.CommandLine;

/// <summary>The exit codes every verb uses.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked and the result is positive.</summary>
    public const int Success = 0;

    /// <summary>The command ran but the result is negative (for example a failed gate).</summary>
    public const int Negative = 1;

    /// <summary>Bad input: unknown verb or option, missing or invalid value. Nothing was done.</summary>
    public const int BadInput = 2;
}
