using System;
using System.Collections.Generic;

namespace SafetyTests.Cases.Parsing;

/// <summary>The field names of the case file schema.</summary>
internal static class CaseFields
{
    public const string Id = "id";
    public const string Prompt = "prompt";
    public const string Messages = "messages";
    public const string System = "system";
    public const string Category = "category";
    public const string Severity = "severity";
    public const string Expect = "expect";
    public const string Tags = "tags";
    public const string Metadata = "metadata";
    public const string Canaries = "canaries";
    public const string Secrets = "secrets";
    public const string ForbiddenTools = "forbidden-tools";
    public const string ForbiddenArguments = "forbidden-arguments";
    public const string ForbiddenLinks = "forbidden-links";
    public const string ExpectedLanguage = "expected-language";
    public const string InjectionFormat = "injection-format";
    public const string Role = "role";
    public const string Content = "content";
    public const string Defaults = "defaults";
    public const string Cases = "cases";

    /// <summary>Fields that hold lists of text.</summary>
    public static readonly string[] ListFields = { Tags, Canaries, Secrets, ForbiddenTools, ForbiddenArguments, ForbiddenLinks };

    /// <summary>Fields a case may have.</summary>
    public static readonly string[] CaseFieldNames =
    {
        Id, Prompt, Messages, System, Category, Severity, Expect, Tags, Metadata,
        Canaries, Secrets, ForbiddenTools, ForbiddenArguments, ForbiddenLinks, ExpectedLanguage, InjectionFormat,
    };

    /// <summary>Fields <c>defaults:</c> may set (everything but the id and the conversation).</summary>
    public static readonly string[] DefaultFieldNames =
    {
        System, Category, Severity, Expect, Tags, Metadata,
        Canaries, Secrets, ForbiddenTools, ForbiddenArguments, ForbiddenLinks, ExpectedLanguage, InjectionFormat,
    };

    /// <summary>Top-level keys of a YAML or JSON case file.</summary>
    public static readonly string[] TopLevelNames = { Defaults, Cases, "description", "version", "$schema" };

    /// <summary>The formats <c>injection-format</c> accepts.</summary>
    public static readonly string[] InjectionFormats = { "json", "uppercase", "code", "table", "bullets" };

    public static bool IsListField(string name) => Array.IndexOf(ListFields, name) >= 0;

    /// <summary>Suggests the closest known name within two edits, for "did you mean".</summary>
    public static string? Suggest(string name, IReadOnlyList<string> known)
    {
        string? best = null;
        int bestDistance = 3;
        string lower = name.ToLowerInvariant().Replace('_', '-');
        foreach (var k in known)
        {
            int d = Distance(lower, k);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = k;
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
