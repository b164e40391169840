using System;
using System.Collections.Generic;

namespace SafetyTests.Gate;

/// <summary>Shares equal strings (categories, models, judges, file names) among many case results. Not thread-safe.</summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _judges = new(StringComparer.Ordinal);
    private readonly Dictionary<(Statistics.SamplingMode, double, double, double, double, int, int, int?), Records.DesignRecord> _designs = new();

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

    /// <summary>A shared, sorted judge list equal to <paramref name="judges"/>.</summary>
    public IReadOnlyList<string> Judges(IEnumerable<string> judges)
    {
        var list = new List<string>(judges);
        if (list.Count == 0)
        {
            return Array.Empty<string>();
        }

        list.Sort(StringComparer.Ordinal);
        string joined = string.Join("\u001f", list);
        if (_judges.TryGetValue(joined, out IReadOnlyList<string>? shared))
        {
            return shared;
        }

        for (int i = 0; i < list.Count; i++)
        {
            list[i] = Get(list[i]);
        }

        IReadOnlyList<string> frozen = list.ToArray();
        _judges.Add(joined, frozen);
        return frozen;
    }

    /// <summary>A shared design equal to <paramref name="design"/> (designs repeat across thousands of cases).</summary>
    public Records.DesignRecord? Design(Records.DesignRecord? design)
    {
        if (design is null)
        {
            return null;
        }

        var key = (design.Mode, design.MaxFailureRate, design.UnacceptableFailureRate, design.Alpha, design.Beta, design.MaxSamples, design.ErrorBudget, design.Seed);
        if (_designs.TryGetValue(key, out Records.DesignRecord? shared))
        {
            return shared;
        }

        _designs.Add(key, design);
        return design;
    }
}
