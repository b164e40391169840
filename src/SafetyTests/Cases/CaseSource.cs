namespace SafetyTests;

/// <summary>Where a case was defined.</summary>
/// <param name="File">The case file path as given (relative paths are resolved against the test output directory).</param>
/// <param name="Line">The 1-based line of the case (0 when unknown).</param>
public sealed record CaseSource(string File, int Line)
{
    /// <summary>Returns "file:line".</summary>
    /// <returns>The location.</returns>
    public override string ToString() => Line > 0 ? File + ":" + Line : File;
}
