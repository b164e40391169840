using System;
using System.Collections.Generic;

namespace SafetyTests.Json;

/// <summary>The stable lowercase names of an enum's values as written in records, baselines and options.</summary>
internal sealed class EnumNames<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> _toName = new();
    private readonly Dictionary<string, T> _fromName = new(StringComparer.OrdinalIgnoreCase);
    private readonly (T Value, string Name)[] _pairs;

    public EnumNames(params (T Value, string Name)[] pairs)
    {
        _pairs = pairs;
        var names = new List<string>();
        foreach ((T value, string name) in pairs)
        {
            _toName.Add(value, name);
            _fromName.Add(name, value);
            names.Add(name);
        }

        Names = names;
        AllowedList = string.Join(", ", names);
    }

    /// <summary>The names in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The names as a comma-separated list for messages.</summary>
    public string AllowedList { get; }

    public string Name(T value) =>
        _toName.TryGetValue(value, out string? name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Unknown {typeof(T).Name} value; allowed values are {AllowedList}.");

    /// <summary>Matches <paramref name="buffer"/>[<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) against the names exactly as written (ordinal); false sends the caller to <see cref="TryParse"/> for the lenient forms.</summary>
    public bool TryParseExact(char[] buffer, int start, int length, out T value)
    {
        foreach ((T candidate, string name) in _pairs)
        {
            if (name.Length == length && Same(name, buffer, start))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Parses a name (case-insensitive; '_' accepted for '-').</summary>
    public bool TryParse(string text, out T value)
    {
        if (_fromName.TryGetValue(text.Trim(), out value))
        {
            return true;
        }

        return _fromName.TryGetValue(text.Trim().Replace('_', '-'), out value);
    }

    private static bool Same(string name, char[] buffer, int start)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] != buffer[start + i])
            {
                return false;
            }
        }

        return true;
    }
}
