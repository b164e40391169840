using System;
using System.Text.RegularExpressions;

namespace SafetyTests.Trials;

/// <summary>Shortens and scrubs exception and judge text before it reaches messages, output and records.</summary>
internal static class TextRedaction
{
    public const int MaxReasonLength = 300;

    private static readonly Regex Bearer = new(@"(?i)\b(bearer\s+)[A-Za-z0-9\-._~+/]+=*", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private static readonly Regex KeyValue = new(@"(?i)\b(api[-_]?key|access[-_]?token|secret|password|authorization)(\s*[""']?\s*[:=]\s*[""']?)([^\s""'&,;]+)", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    private static readonly Regex SkKey = new(@"\bsk-[A-Za-z0-9_\-]{8,}", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    /// <summary>Removes credentials, flattens to one line and truncates.</summary>
    public static string Clean(string? text, int maxLength = MaxReasonLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Registered secrets (API keys from the target configuration) first, then credential-shaped text.
        string result = SafetySecrets.Redact(text);

        try
        {
            result = Bearer.Replace(result, "$1***");
            result = KeyValue.Replace(result, "$1$2***");
            result = SkKey.Replace(result, "sk-***");
        }
        catch (RegexMatchTimeoutException)
        {
            return "(text withheld: it could not be scrubbed of credentials in time)";
        }

        result = result.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();
        return Truncate(result, maxLength);
    }

    public static string Truncate(string text, int maxLength)
        => text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, Math.Max(0, maxLength - 1)), "…");

    /// <summary>Describes an exception as "Type: message" without the namespace.</summary>
    public static string Describe(Exception exception)
    {
        if (exception is SafetyViolationException violation)
        {
            return Clean(violation.Judgement.ToString());
        }

        return Clean(SafetySecrets.Describe(exception));
    }
}
