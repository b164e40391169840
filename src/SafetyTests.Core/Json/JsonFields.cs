using System;
using System.Collections.Generic;
using System.Globalization;

namespace SafetyTests.Json;

/// <summary>
/// Typed, validated access to the properties of one parsed JSON object, with error messages that name the
/// property path, what was expected and where it is. Unknown properties are ignored (forward compatibility).
/// </summary>
internal readonly struct JsonFields
{
    private readonly JsonNode _node;
    private readonly string _path;
    private readonly string _what;
    private readonly string _source;

    public JsonFields(JsonNode node, string path, string what, string source)
    {
        if (node.Kind != JsonKind.Object)
        {
            throw Fail(what, source, node, string.IsNullOrEmpty(path) ? "the document must be a JSON object" : $"'{path}' must be an object", node.Describe());
        }

        _node = node;
        _path = path;
        _what = what;
        _source = source;
    }

    public JsonNode Node => _node;

    public bool Has(string name)
    {
        JsonNode? value = _node.Get(name);
        return value is not null && value.Kind != JsonKind.Null;
    }

    public string? String(string name)
    {
        JsonNode? value = Value(name);
        if (value is null)
        {
            return null;
        }

        return value.Kind == JsonKind.String ? value.Text : throw Wrong(name, value, "a string");
    }

    public string RequiredString(string name)
    {
        string? value = String(name);
        if (string.IsNullOrEmpty(value))
        {
            throw Missing(name, "a non-empty string");
        }

        return value!;
    }

    public long? Long(string name)
    {
        JsonNode? value = Value(name);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != JsonKind.Number
            || !long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long result))
        {
            throw Wrong(name, value, "an integer");
        }

        return result;
    }

    public int? Int(string name)
    {
        long? value = Long(name);
        if (value is null)
        {
            return null;
        }

        if (value < int.MinValue || value > int.MaxValue)
        {
            throw Wrong(name, _node.Get(name)!, "a 32-bit integer");
        }

        return (int)value.Value;
    }

    public int RequiredInt(string name) => Int(name) ?? throw Missing(name, "an integer");

    public int NonNegativeInt(string name, int defaultValue)
    {
        int value = Int(name) ?? defaultValue;
        if (value < 0)
        {
            throw Wrong(name, _node.Get(name)!, "a non-negative integer");
        }

        return value;
    }

    public double? Double(string name)
    {
        JsonNode? value = Value(name);
        if (value is null)
        {
            return null;
        }

        if (value.Kind == JsonKind.String)
        {
            switch (value.Text)
            {
                case "NaN": return double.NaN;
                case "Infinity": return double.PositiveInfinity;
                case "-Infinity": return double.NegativeInfinity;
            }
        }

        if (value.Kind != JsonKind.Number
            || !double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double result))
        {
            throw Wrong(name, value, "a number");
        }

        return result;
    }

    public bool? Bool(string name)
    {
        JsonNode? value = Value(name);
        return value is null ? null
            : value.Kind == JsonKind.True ? true
            : value.Kind == JsonKind.False ? false
            : throw Wrong(name, value, "true or false");
    }

    public List<string> StringList(string name)
    {
        var result = new List<string>();
        JsonNode? value = Value(name);
        if (value is null)
        {
            return result;
        }

        if (value.Kind != JsonKind.Array)
        {
            throw Wrong(name, value, "an array of strings");
        }

        foreach (JsonNode item in value.Items)
        {
            if (item.Kind != JsonKind.String)
            {
                throw Wrong(name, item, "an array of strings");
            }

            result.Add(item.Text!);
        }

        return result;
    }

    public SortedDictionary<string, string> StringMap(string name)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        JsonNode? value = Value(name);
        if (value is null)
        {
            return result;
        }

        if (value.Kind != JsonKind.Object)
        {
            throw Wrong(name, value, "an object of strings");
        }

        foreach (KeyValuePair<string, JsonNode> property in value.Properties)
        {
            if (property.Value.Kind != JsonKind.String)
            {
                throw Wrong(name + "." + property.Key, property.Value, "a string");
            }

            result[property.Key] = property.Value.Text!;
        }

        return result;
    }

    public JsonFields? Object(string name)
    {
        JsonNode? value = Value(name);
        return value is null ? null : new JsonFields(value, Child(name), _what, _source);
    }

    public List<JsonNode> Array(string name)
    {
        JsonNode? value = Value(name);
        if (value is null)
        {
            return new List<JsonNode>();
        }

        return value.Kind == JsonKind.Array ? value.Items : throw Wrong(name, value, "an array");
    }

    public JsonFields Item(JsonNode item, string name, int index) =>
        new(item, Child(name) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", _what, _source);

    /// <summary>Reads a string property that must be one of the names of <paramref name="names"/>.</summary>
    public T? Enum<T>(string name, EnumNames<T> names)
        where T : struct, System.Enum
    {
        JsonNode? value = Value(name);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != JsonKind.String)
        {
            throw Wrong(name, value, "one of " + names.AllowedList);
        }

        return names.TryParse(value.Text!, out T result)
            ? result
            : throw Fail(_what, _source, value, $"'{Child(name)}' is '{value.Text}'; allowed values are {names.AllowedList}", null);
    }

    public FormatException Wrong(string name, JsonNode value, string expected) =>
        Fail(_what, _source, value, $"'{Child(name)}' must be {expected}", value.Describe());

    public FormatException Missing(string name, string expected) =>
        Fail(_what, _source, _node, $"'{Child(name)}' is required ({expected})", null);

    private string Child(string name) => string.IsNullOrEmpty(_path) ? name : _path + "." + name;

    private JsonNode? Value(string name)
    {
        JsonNode? value = _node.Get(name);
        return value is null || value.Kind == JsonKind.Null ? null : value;
    }

    private static FormatException Fail(string what, string source, JsonNode at, string message, string? got)
    {
        string found = got is null ? "" : ", got " + got;
        return new FormatException($"Invalid {what}: {message}{found} (at {JsonParser.Where(source, at.Position)}).");
    }
}
