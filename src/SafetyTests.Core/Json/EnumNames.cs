using System;
using System.Collections.Generic;

namespace SafetyTests.Json;

/// <summary>The stable lowercase names of an enum's values as written in records, baselines and options.</summary>
internal sealed class EnumNames<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> _toName = new();
    private readonly Dictionary<string, T> _fromName = new(StringComparer.OrdinalIgnoreCase);

    public EnumNames(params (T Value, string Name)[] pairs)
    {
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

    /// <summary>Parses a name (case-insensitive; '_' accepted for '-').</summary>
    public bool TryParse(string text, out T value)
    {
        if (_fromName.TryGetValue(text.Trim(), out value))
        {
            return true;
        }

        return _fromName.TryGetValue(text.Trim().Replace('_', '-'), out value);
    }
}
