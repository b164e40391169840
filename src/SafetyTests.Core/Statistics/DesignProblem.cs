using System;
using System.Globalization;

namespace SafetyTests.Statistics;

/// <summary>
/// One invalid sampling option, described so that a test attribute or a command line can show it to a person:
/// which option, the value given and what is allowed.
/// </summary>
public sealed class DesignProblem
{
    /// <summary>Creates a problem description.</summary>
    /// <param name="option">The option name as a property name (for example <c>MaxFailureRate</c>).</param>
    /// <param name="value">The value given, formatted with the invariant culture.</param>
    /// <param name="allowed">What is allowed, for example <c>a number in (0, 1)</c>. May name other options as <c>{OptionName}</c>.</param>
    public DesignProblem(string option, string value, string allowed)
    {
        Option = option ?? throw new ArgumentNullException(nameof(option));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Allowed = allowed ?? throw new ArgumentNullException(nameof(allowed));
    }

    /// <summary>The option name as a property name (for example <c>MaxFailureRate</c>).</summary>
    public string Option { get; }

    /// <summary>The value given, formatted with the invariant culture.</summary>
    public string Value { get; }

    /// <summary>What is allowed; other options appear as <c>{Name}</c> placeholders (see <see cref="Format"/>).</summary>
    public string Allowed { get; }

    /// <summary>The readable message with property names, for example "MaxFailureRate = 1.5 is invalid: allowed is a number in (0, 1).".</summary>
    public string Message => Format(static name => name);

    /// <summary>Formats the message with the option names of the caller (for example command-line flags).</summary>
    /// <param name="displayName">Maps a property name such as <c>MaxFailureRate</c> to the name the user typed.</param>
    /// <returns>The message.</returns>
    public string Format(Func<string, string> displayName)
    {
        if (displayName is null)
        {
            throw new ArgumentNullException(nameof(displayName));
        }

        string allowed = Allowed;
        int open;
        while ((open = allowed.IndexOf('{')) >= 0)
        {
            int close = allowed.IndexOf('}', open);
            if (close < 0)
            {
                break;
            }

            string name = allowed.Substring(open + 1, close - open - 1);
            allowed = allowed.Substring(0, open) + displayName(name) + allowed.Substring(close + 1);
        }

        return string.Format(CultureInfo.InvariantCulture, "{0} = {1} is invalid: allowed is {2}.", displayName(Option), Value, allowed);
    }

    /// <inheritdoc />
    public override string ToString() => Message;
}
