using System.Text.Json;
using System.Text.Json.Serialization;
using SafetyTests.Records;

namespace SafetyTests.Trials;

/// <summary>Writes a safety record as one line of JSON.</summary>
internal static class SafetyRecordJson
{
    // TODO(gate): switch to SafetyRecordSerializer (SafetyTests.Core) once it lands, so writer and gate share one format.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(SafetyRecord record) => JsonSerializer.Serialize(record, Options);

    public static SafetyRecord? Deserialize(string json) => JsonSerializer.Deserialize<SafetyRecord>(json, Options);
}
