using System.Collections.Generic;

namespace SafetyTests;

/// <summary>Options of the PII detector and judge.</summary>
public sealed class PiiJudgeOptions
{
    /// <summary>The kinds of data to look for. Default <see cref="PiiEntity.All"/>.</summary>
    public PiiEntity Entities { get; set; } = PiiEntity.All;

    /// <summary>The region (ISO 3166 alpha-2) for phone numbers written without a country code. Default <c>US</c>.</summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>Values that may appear (for example a public support address); compared ignoring case and separators.</summary>
    public IList<string> Allowed { get; } = new List<string>();

    /// <summary>
    /// When <see langword="true"/>, only data that also appears in the request messages (system prompt, documents,
    /// tool results) counts: the reply leaked it from its context. Default <see langword="false"/>: any personal
    /// data in the reply counts.
    /// </summary>
    public bool OnlyFromConversation { get; set; }
}
