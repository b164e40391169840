using System.Globalization;

namespace SafetyTests.Json;

/// <summary>
/// Where a value sits in a document (<c>cases[12].design.alpha</c>), for error messages only. It is a struct of
/// parts so that reading 100,000 records builds no path text; the text is made when a message needs it.
/// </summary>
internal readonly struct JsonPath
{
    private readonly string _root;
    private readonly int _index;
    private readonly string? _member;
    private readonly string? _leaf;

    private JsonPath(string root, int index, string? member, string? leaf)
    {
        _root = root;
        _index = index;
        _member = member;
        _leaf = leaf;
    }

    /// <summary>A top-level property, or any ready-made path text.</summary>
    public static implicit operator JsonPath(string path) => new(path, -1, null, null);

    /// <summary>An element of a top-level array: <c>root[index]</c>.</summary>
    public static JsonPath Element(string root, int index) => new(root, index, null, null);

    /// <summary>A property below this path. Paths hold at most two levels below the root element; a third is appended to the text.</summary>
    public JsonPath Child(string name) =>
        _member is null ? new JsonPath(_root, _index, name, null)
        : _leaf is null ? new JsonPath(_root, _index, _member, name)
        : new JsonPath(ToString(), -1, name, null);

    public override string ToString()
    {
        string text = _index < 0 ? _root : _root + "[" + _index.ToString(CultureInfo.InvariantCulture) + "]";
        if (_member is not null)
        {
            text += "." + _member;
        }

        if (_leaf is not null)
        {
            text += "." + _leaf;
        }

        return text;
    }
}
