using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SafetyTests.Tool.CommandLine;

/// <summary>Parsed option values plus every problem found; typed getters parse with the invariant culture and add problems instead of throwing.</summary>
internal sealed class ParsedOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<string> _errors = new();

    /// <summary>Arguments that are not options, in order.</summary>
    public List<string> Positionals { get; } = new();

    /// <summary>Every problem found so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Whether the option (or flag) was given.</summary>
    /// <param name="name">The option, for example <c>--alpha</c>.</param>
    /// <returns><see langword="true"/> when given.</returns>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Adds a problem.</summary>
    /// <param name="message">The message, naming the option and what is allowed.</param>
    public void AddError(string message) => _errors.Add(message);

    /// <summary>The raw value of an option.</summary>
    /// <param name="name">The option.</param>
    /// <returns>The value, or <see langword="null"/> when not given.</returns>
    public string? GetString(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Parses a number with the invariant culture (<c>0.05</c>, <c>5e-2</c>).</summary>
    /// <param name="name">The option.</param>
    /// <returns>The number; <see langword="null"/> when not given or not a number (then a problem is added).</returns>
    public double? GetDouble(string name)
    {
        string? text = GetString(name);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && !double.IsNaN(value) && !double.IsInfinity(value))
        {
            return value;
        }

        AddError($"{name} '{text}' is not a number (write it like 0.05)");
        return null;
    }

    /// <summary>Parses a whole number with the invariant culture.</summary>
    /// <param name="name">The option.</param>
    /// <returns>The number; <see langword="null"/> when not given or invalid (then a problem is added).</returns>
    public int? GetInt32(string name)
    {
        string? text = GetString(name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        AddError($"{name} '{text}' is not a whole number");
        return null;
    }

    /// <summary>Reads one of a fixed set of words (case-insensitive).</summary>
    /// <param name="name">The option.</param>
    /// <param name="defaultValue">The value when the option is not given.</param>
    /// <param name="allowed">The allowed values, lower case.</param>
    /// <returns>The value in lower case; the default when not given or invalid (then a problem is added).</returns>
    public string GetChoice(string name, string defaultValue, params string[] allowed)
    {
        string? text = GetString(name);
        if (text is null)
        {
            return defaultValue;
        }

        string? match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            AddError($"{name} '{text}' is not allowed; allowed: {string.Join(", ", allowed)}");
            return defaultValue;
        }

        return match;
    }

    /// <summary>Records a value (used by the parser).</summary>
    /// <param name="name">The option.</param>
    /// <param name="value">The value ("" for a flag).</param>
    internal void Set(string name, string value) => _values[name] = value;
}
