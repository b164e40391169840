using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace SafetyTests.Cases.Parsing;

/// <summary>Content hashes of cases and generated canary tokens.</summary>
internal static class CaseHashing
{
    /// <summary>The placeholder a case file writes to get a generated canary token.</summary>
    public const string CanaryPlaceholder = "{{canary}}";

    /// <summary>
    /// SHA-256 over a canonical form: every field length-prefixed in a fixed order, lists in file order
    /// (order is meaningful for messages), tags and metadata sorted ordinally.
    /// </summary>
    public static string ComputeContentHash(PromptCase c)
    {
        var sb = new StringBuilder(256);
        Add(sb, "v1");
        Add(sb, c.Id);
        Add(sb, c.Messages.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var m in c.Messages)
        {
            Add(sb, CaseVocabulary.ToText(m.Role));
            Add(sb, m.Content);
        }

        Add(sb, c.Category);
        Add(sb, CaseVocabulary.ToText(c.Severity));
        Add(sb, CaseVocabulary.ToText(c.Expect));
        AddList(sb, c.Tags.OrderBy(t => t, StringComparer.Ordinal));
        var keys = c.Metadata.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        Add(sb, keys.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var k in keys)
        {
            Add(sb, k);
            Add(sb, c.Metadata[k]);
        }

        AddList(sb, c.Canaries);
        AddList(sb, c.Secrets);
        AddList(sb, c.ForbiddenTools);
        AddList(sb, c.ForbiddenArguments);
        AddList(sb, c.ForbiddenLinks);
        Add(sb, c.ExpectedLanguage ?? string.Empty);
        Add(sb, c.InjectionFormat ?? string.Empty);
        return Sha256Hex(sb.ToString());
    }

    /// <summary>A canary token derived from the case id: <c>CANARY-</c> and 12 upper-case hex digits.</summary>
    public static string CanaryFor(string caseId) => "CANARY-" + Sha256Hex("safetytests-canary:" + caseId).Substring(0, 12).ToUpperInvariant();

    public static string Sha256Hex(string text)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(hash).ToLowerInvariant();
    }

    private static void AddList(StringBuilder sb, IEnumerable<string> items)
    {
        var list = items.ToList();
        Add(sb, list.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var i in list)
        {
            Add(sb, i);
        }
    }

    private static void Add(StringBuilder sb, string value) =>
        sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
