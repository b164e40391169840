using System;
using System.Collections.Generic;

namespace SafetyTests.Gate;

/// <summary>Shares equal strings (categories, models, judges, file names) among many case results. Not thread-safe.</summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Get(string value)
    {
        if (_strings.TryGetValue(value, out string? existing))
        {
            return existing;
        }

        _strings.Add(value, value);
        return value;
    }

    public string? GetOrNull(string? value) => value is null ? null : Get(value);
}
