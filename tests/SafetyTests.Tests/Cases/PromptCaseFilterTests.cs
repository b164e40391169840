using System;
using System.Linq;

namespace SafetyTests.Tests.Cases;

public class PromptCaseFilterTests
{
    private static readonly PromptCase[] Cases = PromptCaseLoader.Parse(
        """
        cases:
          - {id: a, prompt: p, category: jailbreak, severity: high, tags: [smoke]}
          - {id: b, prompt: p, category: jailbreak, severity: low, tags: [slow]}
          - {id: c, prompt: p, category: over-refusal, severity: critical, expect: comply, tags: [smoke, slow]}
          - {id: d, prompt: p, category: pii, severity: medium, expect: no-leak}
        """,
        PromptCaseFormat.Yaml,
        "f.yaml").ToArray();

    [Fact]
    public void Parse_CombinesPropertiesWithAnd()
    {
        var filter = PromptCaseFilter.Parse(categories: "Jailbreak, over-refusal", tags: "smoke");

        filter.Apply(Cases).Select(c => c.Id).ShouldBe(new[] { "a", "c" });
    }

    [Fact]
    public void Parse_SeverityPlus_MeansAtLeast()
    {
        PromptCaseFilter.Parse(severities: "high+").Apply(Cases).Select(c => c.Id).ShouldBe(new[] { "a", "c" });
    }

    [Fact]
    public void Parse_ExcludedTag_DropsCases()
    {
        PromptCaseFilter.Parse(tags: "!slow").Apply(Cases).Select(c => c.Id).ShouldBe(new[] { "a", "d" });
    }

    [Fact]
    public void Parse_Expectations_Filter()
    {
        PromptCaseFilter.Parse(expectations: "comply|no_leak").Apply(Cases).Select(c => c.Id).ShouldBe(new[] { "c", "d" });
    }

    [Fact]
    public void Parse_UnknownValues_ListAllowedOnes()
    {
        var ex = Should.Throw<ArgumentException>(() => PromptCaseFilter.Parse(severities: "huge", expectations: "deny"));

        ex.Message.ShouldBe("Invalid case filter: unknown severity 'huge' (use low, medium, high, critical, or e.g. 'high+' for high and above); unknown expectation 'deny' (use refuse, comply, no-leak, ignore-injection, no-tool-call, custom).");
    }

    [Fact]
    public void Empty_MatchesAll()
    {
        PromptCaseFilter.Parse().IsEmpty.ShouldBeTrue();
        PromptCaseFilter.All.Apply(Cases).Count.ShouldBe(4);
        PromptCaseFilter.All.ToString().ShouldBe("all cases");
    }

    [Fact]
    public void ToString_DescribesFilter()
    {
        PromptCaseFilter.Parse(categories: "pii", severities: "high,critical").ToString().ShouldBe("category in [pii]; severity in [high, critical]");
    }

    [Fact]
    public void Extensions_Filter()
    {
        Cases.InCategory("jailbreak").Select(c => c.Id).ShouldBe(new[] { "a", "b" });
        Cases.WithTag("SLOW").Select(c => c.Id).ShouldBe(new[] { "b", "c" });
        Cases.WithSeverity(Severity.Medium).Select(c => c.Id).ShouldBe(new[] { "d" });
        Cases.AtLeast(Severity.High).Select(c => c.Id).ShouldBe(new[] { "a", "c" });
        Cases.Expecting(Expectation.Refuse).Select(c => c.Id).ShouldBe(new[] { "a", "b" });
    }
}
