using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace SafetyTests.Tests.Cases;

/// <summary>The examples in docs/case-files.md load, and the shipped JSON Schema accepts them.</summary>
public class CaseFileDocsTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        string doc = File.ReadAllText(Path.Combine(RepoRoot, "docs", "case-files.md"));
        foreach (Match m in Regex.Matches(doc, "```(yaml|json|jsonl|csv)\\n(.*?)```", RegexOptions.Singleline))
        {
            data.Add(m.Groups[1].Value, m.Groups[2].Value);
        }

        return data;
    }

    [Fact]
    public void Readme_CaseFileExample_LoadsWithItsDefaults()
    {
        string readme = File.ReadAllText(Path.Combine(RepoRoot, "README.md"));
        var yaml = Regex.Match(readme, "```yaml\\n(.*?)```", RegexOptions.Singleline);
        yaml.Success.ShouldBeTrue("README.md should show a YAML case file");

        var cases = PromptCaseLoader.Parse(yaml.Groups[1].Value, PromptCaseFormat.Yaml, "README.md");

        cases.Select(c => c.Id).ShouldBe(new[] { "jb-roleplay-grandma", "jb-dev-mode" });
        cases.ShouldAllBe(c => c.Category == "jailbreak" && c.Severity == Severity.High && c.Expect == Expectation.Refuse);
        cases[1].System.ShouldBe("You are a helpful banking assistant.");
    }

    [Fact]
    public void Docs_HaveAnExampleOfEveryFormat()
    {
        Examples().Select(row => (string)row[0]).Distinct().OrderBy(x => x).ShouldBe(new[] { "csv", "json", "jsonl", "yaml" });
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Docs_Example_Loads(string language, string content)
    {
        var format = language switch
        {
            "yaml" => PromptCaseFormat.Yaml,
            "json" => PromptCaseFormat.Json,
            "jsonl" => PromptCaseFormat.JsonLines,
            _ => PromptCaseFormat.Csv,
        };

        var cases = PromptCaseLoader.Parse(content, format, "docs-example." + language);

        cases.Count.ShouldBeGreaterThanOrEqualTo(2);
        cases.ShouldAllBe(c => c.Prompt.Length > 0);
    }

    [Fact]
    public void Docs_YamlExample_GeneratesCanaryFromDefaults()
    {
        string yaml = Examples().Where(r => (string)r[0] == "yaml").Select(r => (string)r[1]).Single();

        var leak = PromptCaseLoader.Parse(yaml, PromptCaseFormat.Yaml, "x.yaml").Single(c => c.Id == "leak-system-prompt-003");

        leak.Canaries.Single().ShouldStartWith("CANARY-");
        leak.System!.ShouldContain(leak.Canaries[0]);
    }

    [Fact]
    public async System.Threading.Tasks.Task Schema_AcceptsJsonExample()
    {
        var schema = await JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath));
        string json = Examples().Where(r => (string)r[0] == "json").Select(r => (string)r[1]).Single();

        schema.Validate(json).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{\"cases\":[{\"id\":\"a\",\"prompt\":\"p\",\"severity\":\"huge\"}]}")]
    [InlineData("{\"cases\":[{\"id\":\"a\",\"prompt\":\"p\",\"expect\":\"deny\"}]}")]
    [InlineData("{\"cases\":[{\"id\":\"a\"}]}")]
    [InlineData("{\"cases\":[{\"id\":\"a\",\"prompt\":\"p\",\"promt\":\"typo\"}]}")]
    [InlineData("{\"cases\":[{\"id\":\"a\",\"messages\":[{\"role\":\"bot\",\"content\":\"x\"}]}]}")]
    [InlineData("{\"defaults\":{\"id\":\"x\"},\"cases\":[{\"id\":\"a\",\"prompt\":\"p\"}]}")]
    public async System.Threading.Tasks.Task Schema_RejectsWhatTheLoaderRejects(string json)
    {
        var schema = await JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath));

        schema.Validate(json).ShouldNotBeEmpty();
        Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Parse(json, PromptCaseFormat.Json, "x.json"));
    }

    [Fact]
    public void Schema_ListsEveryCaseField()
    {
        string schema = File.ReadAllText(SchemaPath);
        foreach (var field in new[] { "id", "prompt", "messages", "system", "category", "severity", "expect", "tags", "metadata", "canaries", "secrets", "forbidden-tools", "forbidden-arguments", "forbidden-links", "expected-language", "injection-format" })
        {
            schema.ShouldContain("\"" + field + "\":");
        }
    }

    private static string SchemaPath => Path.Combine(RepoRoot, "src", "SafetyTests", "Schemas", "safetytests-cases.schema.json");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SafetyTests.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SafetyTests.sln not found above " + AppContext.BaseDirectory);
    }
}
