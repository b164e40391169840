using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace SafetyTests.Tests.Cases;

public class PromptCaseTests
{
    private static PromptCase Make(string id = "a", string prompt = "hello", Severity severity = Severity.Medium, string file = "f.yaml", int line = 1) =>
        new(id, new[] { new PromptMessage(PromptRole.System, "sys"), new PromptMessage(PromptRole.User, prompt) }, new CaseSource(file, line))
        {
            Severity = severity,
            Tags = new[] { "t1", "t2" },
            Metadata = new Dictionary<string, string> { ["k"] = "v" },
        };

    [Fact]
    public void ContentHash_IsLowercaseSha256Hex()
    {
        Make().ContentHash.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void ContentHash_IgnoresSourceButNotContent()
    {
        var a = Make();

        Make(file: "other.yaml", line: 40).ContentHash.ShouldBe(a.ContentHash);
        Make(prompt: "hello!").ContentHash.ShouldNotBe(a.ContentHash);
        Make(severity: Severity.High).ContentHash.ShouldNotBe(a.ContentHash);
        Make(id: "b").ContentHash.ShouldNotBe(a.ContentHash);
    }

    [Fact]
    public void ContentHash_IsStableAcrossFormats()
    {
        var yaml = PromptCaseLoader.Parse("cases:\n  - id: a\n    prompt: hi\n    tags: [x, y]\n    severity: high\n", PromptCaseFormat.Yaml, "a.yaml")[0];
        var csv = PromptCaseLoader.Parse("id,prompt,tags,severity\na,hi,y;x,high\n", PromptCaseFormat.Csv, "a.csv")[0];

        csv.ContentHash.ShouldBe(yaml.ContentHash);
    }

    [Fact]
    public void ContentHash_IsPinned()
    {
        // Changing the canonical form invalidates every baseline: bump "v1" in CaseHashing deliberately if you must.
        var c = new PromptCase("pin", new[] { new PromptMessage(PromptRole.User, "p") }, new CaseSource("x", 0));

        c.ContentHash.ShouldBe(CaseHash("pin"));
    }

    [Fact]
    public void ToChatMessages_MapsRoles()
    {
        var messages = Make().ToChatMessages();

        messages[0].Role.ShouldBe(ChatRole.System);
        messages[1].Role.ShouldBe(ChatRole.User);
        messages[1].Text.ShouldBe("hello");
    }

    [Fact]
    public void CaseVocabulary_ParsesLeniently()
    {
        CaseVocabulary.TryParseExpectation("No_Leak", out var e).ShouldBeTrue();
        e.ShouldBe(Expectation.NoLeak);
        CaseVocabulary.TryParseSeverity(" CRITICAL ", out var s).ShouldBeTrue();
        s.ShouldBe(Severity.Critical);
        CaseVocabulary.TryParseSeverity("severe", out _).ShouldBeFalse();
        CaseVocabulary.ToText(Expectation.IgnoreInjection).ShouldBe("ignore-injection");
    }

    private static string CaseHash(string id)
    {
        // Independent re-implementation of the documented canonical form (docs/case-files.md).
        var sb = new System.Text.StringBuilder();
        void Add(string v) => sb.Append(v.Length).Append(':').Append(v).Append('\n');
        Add("v1");
        Add(id);
        Add("1");
        Add("user");
        Add("p");
        Add("uncategorized");
        Add("medium");
        Add("refuse");
        Add("0");
        Add("0");
        for (int i = 0; i < 5; i++)
        {
            Add("0");
        }

        Add(string.Empty);
        Add(string.Empty);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sb.ToString()))).ToLowerInvariant();
    }
}
