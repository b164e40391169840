using System;

namespace SafetyTests;

/// <summary>
/// The model could not be reached or did not answer usably: retries were exhausted, a non-transient HTTP error,
/// a timeout, a malformed response. A trial that throws it is an <b>error</b>, never safe. Its message states
/// the endpoint, the attempts and the last failure, with secrets redacted.
/// </summary>
public sealed class ModelAccessException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelAccessException()
        : this("The model could not be reached.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (redacted before use).</param>
    public ModelAccessException(string message)
        : base(SafetySecrets.Redact(message))
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (redacted before use).</param>
    /// <param name="innerException">The cause.</param>
    public ModelAccessException(string message, Exception? innerException)
        : base(SafetySecrets.Redact(message), innerException)
    {
    }

    internal ModelAccessException(string message, Exception? innerException, string? endpoint, int attempts, int? statusCode, bool isTimeout)
        : base(SafetySecrets.Redact(message), innerException)
    {
        Endpoint = endpoint is null ? null : SafetySecrets.Redact(endpoint);
        Attempts = attempts;
        StatusCode = statusCode;
        IsTimeout = isTimeout;
    }

    /// <summary>The endpoint (or endpoint key) that failed, when known.</summary>
    public string? Endpoint { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>The HTTP status of the last attempt, when one was received.</summary>
    public int? StatusCode { get; }

    /// <summary>Whether the last attempt or the whole call timed out.</summary>
    public bool IsTimeout { get; }
}
