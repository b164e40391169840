namespace SafetyTests;

/// <summary>Set as <c>ChatResponse.RawRepresentation</c> of a replayed response, so outer middleware can tell it cost nothing.</summary>
internal sealed class ReplayedResponse
{
    public ReplayedResponse(string filePath)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }

    public override string ToString() => "replayed from " + FilePath;
}
