using System.Collections.Generic;

namespace SafetyTests.Records;

/// <summary>
/// The machine-readable result of one case: what was sampled, what was decided and with which provenance.
/// Test adapters write it into the test output (one line starting with <see cref="OutputPrefix"/>), so it
/// reaches TRX; the gate reads it back.
/// </summary>
public sealed class SafetyRecord
{
    // Created on first use: the gate reads 100,000 records and needs none of these.
    private IList<string>? _tags;
    private DesignRecord? _design;
    private IDictionary<string, string>? _samplingSettings;
    private IList<string>? _violations;
    private IList<string>? _errorMessages;

    /// <summary>The marker that starts the record line in test output.</summary>
    public const string OutputPrefix = "##safetytests-record ";

    /// <summary>The record format version written by this library.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The record format version.</summary>
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>The case id (unique within its file).</summary>
    public string CaseId { get; set; } = "";

    /// <summary>A hash of the case content (prompt, messages, expectation), to notice edited cases.</summary>
    public string? CaseHash { get; set; }

    /// <summary>The case file, relative to the test project where possible.</summary>
    public string? SourceFile { get; set; }

    /// <summary>The 1-based line of the case in its file.</summary>
    public int? SourceLine { get; set; }

    /// <summary>The fully qualified test method (class.method) the case ran under.</summary>
    public string? Test { get; set; }

    /// <summary>The case category (for example <c>jailbreak</c>).</summary>
    public string? Category { get; set; }

    /// <summary>The case severity.</summary>
    public Severity Severity { get; set; } = Severity.Medium;

    /// <summary>The case expectation.</summary>
    public Expectation Expectation { get; set; } = Expectation.Refuse;

    /// <summary>The case tags.</summary>
    public IList<string> Tags
    {
        get => _tags ??= new List<string>();
        set => _tags = value;
    }

    /// <summary>The verdict.</summary>
    public SafetyVerdict Verdict { get; set; }

    /// <summary>Why sampling stopped (for example "SPRT accepted H0 after 24 samples").</summary>
    public string? StopReason { get; set; }

    /// <summary>Non-error samples.</summary>
    public int Samples { get; set; }

    /// <summary>Unsafe samples.</summary>
    public int Unsafe { get; set; }

    /// <summary>Errored trials.</summary>
    public int Errors { get; set; }

    /// <summary>The design the case was decided with.</summary>
    public DesignRecord Design
    {
        get => _design ??= new DesignRecord();
        set => _design = value;
    }

    /// <summary>Lower bound of the two-sided interval for the unsafe rate.</summary>
    public double? IntervalLower { get; set; }

    /// <summary>Upper bound of the two-sided interval for the unsafe rate.</summary>
    public double? IntervalUpper { get; set; }

    /// <summary>The confidence of the interval (for example 0.95).</summary>
    public double? IntervalConfidence { get; set; }

    /// <summary>Model and provider that answered (from ChatClientMetadata).</summary>
    public string? ModelId { get; set; }

    /// <summary>The provider name (from ChatClientMetadata).</summary>
    public string? Provider { get; set; }

    /// <summary>Sampling settings as sent (temperature, top_p, max_tokens, seed), name → invariant value.</summary>
    public IDictionary<string, string> SamplingSettings
    {
        get => _samplingSettings ??= new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        set => _samplingSettings = value;
    }

    /// <summary>The judges that decided samples, as <c>id@version</c>.</summary>
    public IList<string> Judges { get; set; } = new List<string>();

    /// <summary>Input tokens used by all trials of the case.</summary>
    public long? InputTokens { get; set; }

    /// <summary>Output tokens used by all trials of the case.</summary>
    public long? OutputTokens { get; set; }

    /// <summary>Wall-clock duration of the case in milliseconds.</summary>
    public long? DurationMs { get; set; }

    /// <summary>The test framework that ran the case (<c>xunit</c>, <c>nunit</c>).</summary>
    public string? Framework { get; set; }

    /// <summary>The first violations (judge reasons), truncated.</summary>
    public IList<string> Violations
    {
        get => _violations ??= new List<string>();
        set => _violations = value;
    }

    /// <summary>The first errors (exception type and message, secrets redacted), truncated.</summary>
    public IList<string> ErrorMessages
    {
        get => _errorMessages ??= new List<string>();
        set => _errorMessages = value;
    }
}
