using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SafetyTests.Gate;

/// <summary>
/// Shares equal strings (categories, models, judges, file names) among many case results. It can look text up
/// straight from a character buffer, so a value seen before costs no allocation. Not thread-safe; pools used by
/// parallel readers can share their strings through a common <see cref="StringPool"/> given to each (locked, and
/// asked only for strings a pool has not seen), so equal strings from different files are one instance and
/// compare by reference.
/// </summary>
internal sealed class StringPool
{
    private readonly StringPool? _shared;

    private readonly Dictionary<string, IReadOnlyList<string>> _judges = new(StringComparer.Ordinal);
    private readonly Dictionary<(Statistics.SamplingMode, double, double, double, double, int, int, int?), Records.DesignRecord> _designs = new();
    private string?[] _table = new string?[64];
    private int _count;
    private string[] _lastJudges = Array.Empty<string>();
    private IReadOnlyList<string> _lastShared = Array.Empty<string>();

    /// <summary>A pool of its own.</summary>
    public StringPool()
    {
    }

    /// <summary>A pool taking the instances of strings it has not seen from <paramref name="shared"/> (thread-safe use of it).</summary>
    public StringPool(StringPool? shared)
    {
        _shared = shared;
    }

    [MethodImpl(Optimization.Hot)]
    public string Get(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        uint hash = Hash(value);
        int mask = _table.Length - 1;
        int slot = (int)(hash & (uint)mask);
        while (_table[slot] is string existing)
        {
            if (string.Equals(existing, value, StringComparison.Ordinal))
            {
                return existing;
            }

            slot = (slot + 1) & mask;
        }

        value = Shared(value);
        Insert(slot, value);
        return value;
    }

    /// <summary>The shared string equal to <paramref name="buffer"/>[<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>), allocated only the first time.</summary>
    [MethodImpl(Optimization.Hot)]
    public string Get(char[] buffer, int start, int length)
    {
        uint hash = 2166136261;
        for (int i = start; i < start + length; i++)
        {
            hash = (hash ^ buffer[i]) * 16777619;
        }

        int mask = _table.Length - 1;
        int slot = (int)(hash & (uint)mask);
        while (_table[slot] is string existing)
        {
            if (existing.Length == length && SameText(existing, buffer, start))
            {
                return existing;
            }

            slot = (slot + 1) & mask;
        }

        string value = Shared(new string(buffer, start, length));
        Insert(slot, value);
        return value;
    }

    public string? GetOrNull(string? value) => value is null ? null : Get(value);

    /// <summary>A shared, sorted judge list equal to <paramref name="judges"/>.</summary>
    [MethodImpl(Optimization.Hot)]
    public IReadOnlyList<string> Judges(IList<string> judges)
    {
        if (judges.Count == 0)
        {
            return Array.Empty<string>();
        }

        // Consecutive cases nearly always name the same judges: compare with the last list first.
        if (judges.Count == _lastJudges.Length)
        {
            int i = 0;
            while (i < judges.Count && string.Equals(judges[i], _lastJudges[i], StringComparison.Ordinal))
            {
                i++;
            }

            if (i == judges.Count)
            {
                return _lastShared;
            }
        }

        var list = new List<string>(judges);
        list.Sort(StringComparer.Ordinal);
        string joined = string.Join("\u001f", list);
        if (!_judges.TryGetValue(joined, out IReadOnlyList<string>? shared))
        {
            for (int i = 0; i < list.Count; i++)
            {
                list[i] = Get(list[i]);
            }

            shared = list.ToArray();
            _judges.Add(joined, shared);
        }

        var last = new string[judges.Count];
        for (int i = 0; i < last.Length; i++)
        {
            last[i] = judges[i];
        }

        _lastJudges = last;
        _lastShared = shared;
        return shared;
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

    private string Shared(string value)
    {
        if (_shared is null)
        {
            return value;
        }

        lock (_shared)
        {
            return _shared.Get(value);
        }
    }

    private static uint Hash(string value)
    {
        uint hash = 2166136261;
        foreach (char c in value)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }

    private static bool SameText(string text, char[] buffer, int start)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != buffer[start + i])
            {
                return false;
            }
        }

        return true;
    }

    private void Insert(int slot, string value)
    {
        _table[slot] = value;
        _count++;
        if (_count * 2 > _table.Length)
        {
            string?[] old = _table;
            _table = new string?[old.Length * 2];
            int mask = _table.Length - 1;
            foreach (string? s in old)
            {
                if (s is not null)
                {
                    int at = (int)(Hash(s) & (uint)mask);
                    while (_table[at] is not null)
                    {
                        at = (at + 1) & mask;
                    }

                    _table[at] = s;
                }
            }
        }
    }
}
