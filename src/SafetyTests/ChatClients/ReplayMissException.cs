using System;

namespace SafetyTests;

/// <summary>
/// Replay mode found no recorded response for a request. The model was not called. A trial that throws it
/// is an <b>error</b>: record the missing entries (the message says how) and commit them.
/// </summary>
public sealed class ReplayMissException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReplayMissException()
        : base("No recorded response for this request.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ReplayMissException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReplayMissException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ReplayMissException(string key, string? caseId, int sampleIndex, string filePath)
        : base(
            "Replay miss: no recorded response for " + (caseId is null ? "a request outside any case" : "case '" + caseId + "'") +
            " sample " + sampleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (key " + key + "); expected file '" + filePath + "'. " +
            "Replay mode never calls the model. Record it against a live endpoint with " + ReplayOptions.ModeVariable + "=auto (record only what is missing) or " +
            ReplayOptions.ModeVariable + "=record (re-record everything), then commit the files. A changed prompt, sampling setting or model id changes the key.")
    {
        Key = key;
        CaseId = caseId;
        SampleIndex = sampleIndex;
        FilePath = filePath;
    }

    /// <summary>The replay key (SHA-256 of model, request, options and sample index).</summary>
    public string? Key { get; }

    /// <summary>The case of the request, when it ran inside a trial.</summary>
    public string? CaseId { get; }

    /// <summary>The sample index of the request.</summary>
    public int SampleIndex { get; }

    /// <summary>The file the entry was expected in.</summary>
    public string? FilePath { get; }
}
