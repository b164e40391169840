using System.Collections.Generic;

namespace SafetyTests.Json;

/// <summary>
/// One parsed JSON value. Numbers keep their source text so integers and doubles are converted exactly
/// by the consumer. Objects keep their properties in source order; duplicate names are rejected by the parser.
/// </summary>
internal sealed class JsonNode
{
    private static readonly List<JsonNode> NoItems = new();
    private static readonly List<KeyValuePair<string, JsonNode>> NoProperties = new();

    private JsonNode(JsonKind kind, int position, string? text, List<JsonNode>? items, List<KeyValuePair<string, JsonNode>>? properties)
    {
        Kind = kind;
        Position = position;
        Text = text;
        Items = items ?? NoItems;
        Properties = properties ?? NoProperties;
    }

    /// <summary>The kind of value.</summary>
    public JsonKind Kind { get; }

    /// <summary>The 0-based character offset of the value in the parsed text (for error messages).</summary>
    public int Position { get; }

    /// <summary>The string value, or the number's source text; null for other kinds.</summary>
    public string? Text { get; }

    /// <summary>The items of an array (empty for other kinds).</summary>
    public List<JsonNode> Items { get; }

    /// <summary>The properties of an object in source order (empty for other kinds).</summary>
    public List<KeyValuePair<string, JsonNode>> Properties { get; }

    public static JsonNode Literal(JsonKind kind, int position) => new(kind, position, null, null, null);

    public static JsonNode Number(string text, int position) => new(JsonKind.Number, position, text, null, null);

    public static JsonNode String(string text, int position) => new(JsonKind.String, position, text, null, null);

    public static JsonNode Array(List<JsonNode> items, int position) => new(JsonKind.Array, position, null, items, null);

    public static JsonNode Object(List<KeyValuePair<string, JsonNode>> properties, int position) => new(JsonKind.Object, position, null, null, properties);

    /// <summary>Finds a property of an object by its exact (case-sensitive) name.</summary>
    public JsonNode? Get(string name)
    {
        List<KeyValuePair<string, JsonNode>> properties = Properties;
        for (int i = 0; i < properties.Count; i++)
        {
            if (string.Equals(properties[i].Key, name, System.StringComparison.Ordinal))
            {
                return properties[i].Value;
            }
        }

        return null;
    }

    /// <summary>A short description of the kind for error messages ("a string", "an object").</summary>
    public string Describe() => Kind switch
    {
        JsonKind.Null => "null",
        JsonKind.False or JsonKind.True => "a boolean",
        JsonKind.Number => "a number",
        JsonKind.String => "a string",
        JsonKind.Array => "an array",
        _ => "an object",
    };
}
