using System;

namespace SafetyTests;

/// <summary>Options of <see cref="PromptCaseLoader"/>.</summary>
public sealed class PromptCaseLoadOptions
{
    /// <summary>The default size limit: 16 MiB.</summary>
    public const long DefaultMaxFileBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The directory relative paths resolve against. <see langword="null"/> (the default) means
    /// <see cref="AppContext.BaseDirectory"/>: the test output directory when running tests.
    /// </summary>
    public string? BaseDirectory { get; set; }

    /// <summary>The format; <see cref="PromptCaseFormat.Auto"/> (the default) picks it from the extension.</summary>
    public PromptCaseFormat Format { get; set; } = PromptCaseFormat.Auto;

    /// <summary>Files larger than this many bytes are rejected before they are read. Default 16 MiB.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>The deepest nesting of lists and mappings accepted in YAML and JSON. Default 32.</summary>
    public int MaxDepth { get; set; } = 32;
}
