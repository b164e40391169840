using System.Linq;

namespace SafetyTests.Tests.Cases;

public class PromptCaseLoaderErrorTests
{
    private static PromptCaseFileException Fail(string yaml, string file = "cases/bad.yaml") =>
        Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Parse(yaml, PromptCaseFormat.Yaml, file));

    [Fact]
    public void Parse_DuplicateId_NamesBothLines()
    {
        var ex = Fail("cases:\n  - id: jb-1\n    prompt: a\n  - id: JB-1\n    prompt: b\n");

        ex.File.ShouldBe("cases/bad.yaml");
        ex.Line.ShouldBe(4);
        ex.Field.ShouldBe("id");
        ex.Message.ShouldBe("Case file cases/bad.yaml, line 4, field 'id': duplicate id 'JB-1': also defined at line 2 (ids are compared ignoring case). Give each case a unique id.");
    }

    [Fact]
    public void Parse_UnknownSeverity_ListsAllowedValues()
    {
        var ex = Fail("cases:\n  - id: a\n    prompt: p\n    severity: hihg\n");

        ex.Line.ShouldBe(4);
        ex.Field.ShouldBe("severity");
        ex.Message.ShouldBe("Case file cases/bad.yaml, line 4, field 'severity': unknown severity 'hihg'. Use one of: low, medium, high, critical.");
    }

    [Fact]
    public void Parse_UnknownExpectation_ListsAllowedValues()
    {
        var ex = Fail("cases:\n  - id: a\n    prompt: p\n    expect: refuses\n");

        ex.Message.ShouldBe("Case file cases/bad.yaml, line 4, field 'expect': unknown expectation 'refuses'. Use one of: refuse, comply, no-leak, ignore-injection, no-tool-call, custom.");
    }

    [Fact]
    public void Parse_MissingPrompt_SaysHowToFix()
    {
        var ex = Fail("cases:\n  - id: a\n    category: x\n");

        ex.Line.ShouldBe(2);
        ex.Field.ShouldBe("prompt");
        ex.Message.ShouldBe("Case file cases/bad.yaml, line 2, field 'prompt': the case 'a' has no 'prompt' or 'messages'. Add 'prompt:' with the text to send, or 'messages:' with a list of {role, content}.");
    }

    [Fact]
    public void Parse_MissingId_IsReported()
    {
        var ex = Fail("cases:\n  - prompt: p\n");

        ex.Field.ShouldBe("id");
        ex.Message.ShouldContain("the case has no id. Add 'id:'");
    }

    [Fact]
    public void Parse_BadRole_ListsRoles()
    {
        var ex = Fail("cases:\n  - id: a\n    messages:\n      - role: bot\n        content: hi\n");

        ex.Line.ShouldBe(4);
        ex.Field.ShouldBe("messages[0].role");
        ex.Message.ShouldBe("Case file cases/bad.yaml, line 4, field 'messages[0].role': unknown role 'bot'. Use one of: system, user, assistant, tool.");
    }

    [Fact]
    public void Parse_MessageWithoutContent_IsReported()
    {
        var ex = Fail("cases:\n  - id: a\n    messages:\n      - role: user\n");

        ex.Field.ShouldBe("messages[0].content");
        ex.Message.ShouldContain("the message has no content");
    }

    [Fact]
    public void Parse_BadYaml_ReportsLine()
    {
        var ex = Fail("cases:\n  - id: a\n    prompt: \"unclosed\n  - id: b\n");

        ex.Line.ShouldBeGreaterThanOrEqualTo(3);
        ex.Message.ShouldStartWith("Case file cases/bad.yaml, line ");
        ex.Message.ShouldContain("invalid YAML: ");
        ex.Message.ShouldContain("Check the indentation and quoting");
    }

    [Theory]
    [InlineData("cases:\n\t- id: a\n    prompt: p\n", 2, 1)]
    [InlineData("cases:\n  - id: a\n\t  prompt: p\n", 3, 1)]
    [InlineData("cases:\n  - id: a\n    prompt: p\n  - id: b\n  \tprompt: q\n", 5, 3)]
    public void Parse_TabInIndentation_ReportsTheTabsLineAndColumn(string yaml, int line, int column)
    {
        var ex = Fail(yaml);

        ex.Line.ShouldBe(line);
        ex.Problems.Count.ShouldBe(1);
        ex.Problems[0].Line.ShouldBe(line);
        ex.Problems[0].Message.ShouldBe("invalid YAML: a tab in the indentation (column " + column + "). YAML indents with spaces only: replace the tab with spaces.");
        ex.Message.ShouldStartWith("Case file cases/bad.yaml, line " + line + ":");
    }

    [Fact]
    public void Parse_BadIndentation_ReportsLine()
    {
        var ex = Fail("cases:\n  - id: a\n    prompt: p\n   severity: high\n");

        ex.Line.ShouldBe(4);
        ex.Message.ShouldContain("invalid YAML");
    }

    [Fact]
    public void Parse_ColonInUnquotedText_SuggestsQuoting()
    {
        var ex = Fail("cases:\n  - id: a\n    prompt:\n      Note: do it\n");

        ex.Field.ShouldBe("prompt");
        ex.Message.ShouldContain("must be text, not a mapping. Quote text that contains ': '.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n---\n")]
    public void Parse_EmptyYaml_IsAnError(string content)
    {
        var ex = Fail(content);

        ex.Line.ShouldBe(1);
        ex.Message.ShouldBe("Case file cases/bad.yaml, line 1: the file is empty. Add at least one case (see docs/case-files.md for the schema).");
    }

    [Theory]
    [InlineData(PromptCaseFormat.Json)]
    [InlineData(PromptCaseFormat.JsonLines)]
    [InlineData(PromptCaseFormat.Csv)]
    public void Parse_EmptyOtherFormats_IsAnError(PromptCaseFormat format)
    {
        var ex = Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Parse("\n", format, "e"));

        ex.Message.ShouldContain("the file is empty");
    }

    [Fact]
    public void Parse_NoCasesList_IsAnError()
    {
        var ex = Fail("defaults:\n  severity: high\n");

        ex.Field.ShouldBe("cases");
        ex.Message.ShouldContain("the file has no 'cases:' list");
    }

    [Fact]
    public void Parse_EmptyCasesList_IsAnError()
    {
        var ex = Fail("cases: []\n");

        ex.Message.ShouldContain("the file defines no cases");
    }

    [Fact]
    public void Parse_CaseFieldsAtTopLevel_ExplainsCasesList()
    {
        var ex = Fail("id: a\nprompt: p\n");

        ex.Message.ShouldContain("'id' is a case field but appears at the top of the file. Put cases in a list under 'cases:'");
    }

    [Fact]
    public void Parse_UnknownField_SuggestsClosestAndMetadata()
    {
        var ex = Fail("cases:\n  - id: a\n    prompt: p\n    severty: high\n");

        ex.Field.ShouldBe("severty");
        ex.Message.ShouldContain("unknown case field 'severty'. Did you mean 'severity'?");
        ex.Message.ShouldContain("(free-form values go under 'metadata:')");
    }

    [Fact]
    public void Parse_IdInDefaults_IsRejected()
    {
        var ex = Fail("defaults:\n  id: x\ncases:\n  - id: a\n    prompt: p\n");

        ex.Field.ShouldBe("defaults.id");
        ex.Message.ShouldContain("cannot be a default");
    }

    [Fact]
    public void Parse_PromptAndMessages_IsRejected()
    {
        var ex = Fail("cases:\n  - id: a\n    prompt: p\n    messages:\n      - {role: user, content: q}\n");

        ex.Message.ShouldContain("has both 'prompt' and 'messages'");
    }

    [Fact]
    public void Parse_UnsupportedLanguageAndFormat_ListAllowedValues()
    {
        var ex = Fail("cases:\n  - id: a\n    prompt: p\n    expected-language: english\n    injection-format: xml\n");

        ex.Problems.Count.ShouldBe(2);
        ex.Problems[0].Message.ShouldContain("Use a two-letter ISO 639-1 code");
        ex.Problems[1].Message.ShouldBe("unknown injection format 'xml'. Use one of: json, uppercase, code, table, bullets.");
    }

    [Fact]
    public void Parse_ManyProblems_ReportedAtOnceInLineOrder()
    {
        const string yaml = "cases:\n  - id: a\n    prompt: p\n    severity: extreme\n  - id: a\n    prompt: q\n  - id: c\n    expect: maybe\n";

        var ex = Fail(yaml);

        ex.Problems.Select(p => p.Line).ShouldBe(new[] { 4, 5, 7, 8 });
        ex.Message.ShouldStartWith("Case file cases/bad.yaml has 4 problems:\n  line 4, field 'severity': unknown severity 'extreme'.");
        ex.Message.ShouldContain("\n  line 5, field 'id': duplicate id 'a'");
    }

    [Fact]
    public void Parse_MultipleDocuments_IsRejected()
    {
        var ex = Fail("cases:\n  - id: a\n    prompt: p\n---\ncases: []\n");

        ex.Message.ShouldContain("more than one YAML document");
    }

    [Fact]
    public void Parse_DeepNesting_IsRejectedWithoutCrashing()
    {
        string yaml = "cases: " + new string('[', 5000) + new string(']', 5000) + "\n";

        var ex = Fail(yaml);

        ex.Message.ShouldContain("nested deeper than 32 levels");
    }

    [Fact]
    public void Parse_DuplicateYamlKey_IsReported()
    {
        var ex = Fail("cases:\n  - id: a\n    prompt: p\n    prompt: q\n");

        ex.Line.ShouldBe(4);
        ex.Message.ShouldContain("the key 'prompt' appears twice in the same mapping (first at line 3)");
    }

    [Fact]
    public void Parse_ContentOverLimit_IsRejected()
    {
        var options = new PromptCaseLoadOptions { MaxFileBytes = 10 };

        var ex = Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Parse("cases:\n  - id: a\n    prompt: p\n", PromptCaseFormat.Yaml, "big.yaml", options));

        ex.Message.ShouldContain("larger than the limit of 10 bytes");
    }

    [Fact]
    public void Exception_WithManyProblems_TruncatesMessageButKeepsAll()
    {
        var yaml = "cases:\n" + string.Concat(Enumerable.Range(0, 30).Select(i => "  - id: c" + i + "\n    severity: bad\n    prompt: p\n"));

        var ex = Fail(yaml);

        ex.Problems.Count.ShouldBe(30);
        ex.Message.ShouldContain("... and 10 more (see PromptCaseFileException.Problems).");
    }
}
