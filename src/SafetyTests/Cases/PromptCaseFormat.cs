namespace SafetyTests;

/// <summary>The format of a case file.</summary>
public enum PromptCaseFormat
{
    /// <summary>Pick the format from the file extension (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>, <c>.jsonl</c>, <c>.csv</c>).</summary>
    Auto = 0,

    /// <summary>YAML: an optional <c>defaults:</c> mapping and a <c>cases:</c> list.</summary>
    Yaml = 1,

    /// <summary>JSON: the same shape as YAML.</summary>
    Json = 2,

    /// <summary>JSON Lines: one case object per line.</summary>
    JsonLines = 3,

    /// <summary>CSV (RFC 4180): a header row, then one case per row.</summary>
    Csv = 4,
}
