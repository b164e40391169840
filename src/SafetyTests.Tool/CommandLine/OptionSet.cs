using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SafetyTests.Tool.CommandLine;

/// <summary>
/// The options one verb accepts: <c>--name value</c>, <c>--name=value</c> and flags. Parsing never throws:
/// unknown options, missing values and repeated options are collected so the verb can report every problem at once.
/// </summary>
internal sealed class OptionSet
{
    private readonly List<OptionSpec> _options = new();

    /// <summary>Declares an option that takes a value.</summary>
    /// <param name="name">The long name including the dashes, for example <c>--alpha</c>.</param>
    /// <param name="valueName">The placeholder shown in help, for example <c>A</c>.</param>
    /// <param name="help">One line of help.</param>
    /// <returns>This set.</returns>
    public OptionSet Add(string name, string valueName, string help)
    {
        _options.Add(new OptionSpec(name, valueName, help));
        return this;
    }

    /// <summary>Declares a flag (an option without a value).</summary>
    /// <param name="name">The long name including the dashes, for example <c>--help</c>.</param>
    /// <param name="help">One line of help.</param>
    /// <returns>This set.</returns>
    public OptionSet AddFlag(string name, string help)
    {
        _options.Add(new OptionSpec(name, null, help));
        return this;
    }

    /// <summary>Parses the arguments after the verb.</summary>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The values and the problems found.</returns>
    public ParsedOptions Parse(IReadOnlyList<string> arguments)
    {
        var parsed = new ParsedOptions();
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            if (argument == "-h")
            {
                argument = "--help";
            }

            if (!argument.StartsWith("--", StringComparison.Ordinal) || argument.Length == 2)
            {
                parsed.Positionals.Add(argument);
                continue;
            }

            string name = argument;
            string? inlineValue = null;
            int equals = argument.IndexOf('=');
            if (equals > 0)
            {
                name = argument.Substring(0, equals);
                inlineValue = argument.Substring(equals + 1);
            }

            var spec = _options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
            if (spec is null)
            {
                parsed.AddError($"unknown option '{name}'; known options: {string.Join(", ", _options.Select(o => o.Name))}");

                // Skip what is most likely its value, so one typo gives one message.
                if (inlineValue is null && i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            if (parsed.Has(name))
            {
                parsed.AddError($"option '{name}' is given more than once");
                continue;
            }

            if (spec.ValueName is null)
            {
                if (inlineValue is not null)
                {
                    parsed.AddError($"option '{name}' takes no value");
                    continue;
                }

                parsed.Set(name, "");
                continue;
            }

            if (inlineValue is null)
            {
                bool hasNext = i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal);
                if (!hasNext)
                {
                    parsed.AddError($"option '{name}' needs a value ({spec.ValueName})");
                    continue;
                }

                inlineValue = arguments[++i];
            }

            parsed.Set(name, inlineValue);
        }

        return parsed;
    }

    /// <summary>Writes one line per option.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteHelp(TextWriter writer)
    {
        var left = _options.Select(o => o.ValueName is null ? o.Name : $"{o.Name} {o.ValueName}").ToList();
        int width = left.Max(l => l.Length);
        for (int i = 0; i < _options.Count; i++)
        {
            writer.WriteLine($"  {left[i].PadRight(width)}  {_options[i].Help}");
        }
    }

    private sealed class OptionSpec
    {
        public OptionSpec(string name, string? valueName, string help)
        {
            Name = name;
            ValueName = valueName;
            Help = help;
        }

        public string Name { get; }

        public string? ValueName { get; }

        public string Help { get; }
    }
}
