using System;
using System.Collections.Generic;
using System.Text;

namespace SafetyTests;

/// <summary>
/// The secrets of this process (API keys of configured targets) and the redaction applied to every message
/// SafetyTests produces: exception messages, replay files and safety records. Targets register their API key
/// automatically; register any other secret your test bodies handle.
/// </summary>
public static class SafetySecrets
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>Secrets shorter than this are not registered (they would mask ordinary text).</summary>
    public const int MinimumLength = 6;

    private static readonly object Gate = new();
    private static string[] _secrets = Array.Empty<string>();

    /// <summary>Registers a secret so that <see cref="Redact"/> masks it from now on. Empty or short values are ignored.</summary>
    /// <param name="secret">The secret value.</param>
    public static void Register(string? secret)
    {
        if (secret is null || secret.Trim().Length < MinimumLength)
        {
            return;
        }

        lock (Gate)
        {
            if (Array.IndexOf(_secrets, secret) >= 0)
            {
                return;
            }

            var list = new List<string>(_secrets) { secret };

            // Longest first, so a secret that contains another is masked whole.
            list.Sort(static (a, b) => b.Length.CompareTo(a.Length));
            _secrets = list.ToArray();
        }
    }

    /// <summary>Whether <paramref name="text"/> contains a registered secret.</summary>
    /// <param name="text">The text to check.</param>
    /// <returns><see langword="true"/> when a registered secret occurs in the text.</returns>
    public static bool ContainsSecret(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (string secret in _secrets)
        {
            if (text!.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Replaces every registered secret in <paramref name="text"/> with <see cref="Mask"/>.</summary>
    /// <param name="text">The text to redact.</param>
    /// <returns>The redacted text (the same instance when nothing was found), or an empty string for <see langword="null"/>.</returns>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string result = text!;
        foreach (string secret in _secrets)
        {
            if (result.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                result = result.Replace(secret, Mask);
            }
        }

        return result;
    }

    /// <summary>
    /// Describes an exception and its inner exceptions (type and message, no stack trace) with secrets redacted,
    /// for error messages in safety records and test output.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>For example <c>ModelAccessException: ... ---&gt; ClientResultException: ...</c>.</returns>
    public static string Describe(Exception exception)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        var text = new StringBuilder();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append(" ---> ");
            }

            text.Append(e.GetType().Name).Append(": ").Append(e.Message.Trim());
        }

        return Redact(text.ToString());
    }
}
