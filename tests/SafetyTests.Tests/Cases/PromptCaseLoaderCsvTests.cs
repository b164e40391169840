using System.Linq;

namespace SafetyTests.Tests.Cases;

public class PromptCaseLoaderCsvTests
{
    [Fact]
    public void Parse_Csv_ReadsColumnsListsAndMetadata()
    {
        const string csv = "id,prompt,system,category,severity,expect,tags,metadata.source,metadata.owner\r\n"
            + "jb-1,\"Say \"\"hi\"\", then, leave\",,jailbreak,high,refuse,smoke;slow,paper,\r\n"
            + "ok-1,\"multi\nline prompt\",Be nice.,control,low,comply,a|b|c,,team\r\n";

        var cases = PromptCaseLoader.Parse(csv, PromptCaseFormat.Csv, "c.csv");

        cases.Count.ShouldBe(2);
        var a = cases[0];
        a.Id.ShouldBe("jb-1");
        a.Prompt.ShouldBe("Say \"hi\", then, leave");
        a.System.ShouldBeNull();
        a.Category.ShouldBe("jailbreak");
        a.Severity.ShouldBe(Severity.High);
        a.Tags.ShouldBe(new[] { "smoke", "slow" });
        a.Metadata["source"].ShouldBe("paper");
        a.Metadata.ContainsKey("owner").ShouldBeFalse();
        a.Source.Line.ShouldBe(2);

        var b = cases[1];
        b.Prompt.ShouldBe("multi\nline prompt");
        b.System.ShouldBe("Be nice.");
        b.Expect.ShouldBe(Expectation.Comply);
        b.Tags.ShouldBe(new[] { "a", "b", "c" });
        b.Metadata["owner"].ShouldBe("team");
        b.Source.Line.ShouldBe(3);
    }

    [Fact]
    public void Parse_CsvMessagesColumn_ReadsJsonArray()
    {
        const string csv = "id,messages\nm-1,\"[{\"\"role\"\":\"\"user\"\",\"\"content\"\":\"\"hi\"\"}]\"\n";

        var c = PromptCaseLoader.Parse(csv, PromptCaseFormat.Csv, "m.csv")[0];

        c.Messages.Single().Content.ShouldBe("hi");
    }

    [Fact]
    public void Parse_CsvCheckColumns_AreLists()
    {
        const string csv = "id,prompt,expect,canaries,forbidden-tools,forbidden_links\nt-1,p,no-tool-call,ZEBRA-1,send_email;delete,evil.example\n";

        var c = PromptCaseLoader.Parse(csv, PromptCaseFormat.Csv, "t.csv")[0];

        c.Canaries.ShouldBe(new[] { "ZEBRA-1" });
        c.ForbiddenTools.ShouldBe(new[] { "send_email", "delete" });
        c.ForbiddenLinks.ShouldBe(new[] { "evil.example" });
    }

    [Fact]
    public void Parse_CsvUnknownColumn_ListsKnownColumns()
    {
        var ex = Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Parse("id,promt\na,b\n", PromptCaseFormat.Csv, "u.csv"));

        ex.Line.ShouldBe(1);
        ex.Field.ShouldBe("promt");
        ex.Message.ShouldStartWith("Case file u.csv, line 1, field 'promt': unknown column 'promt'. Did you mean 'prompt'? Known columns: id, prompt, messages,");
    }

    [Fact]
    public void Parse_CsvRowWithWrongCellCount_IsReportedPerRow()
    {
        var ex = Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Parse("id,prompt\na,b\nc,d,e\nf,g\nh\n", PromptCaseFormat.Csv, "w.csv"));

        ex.Problems.Select(p => p.Line).ShouldBe(new[] { 3, 5 });
        ex.Problems[0].Message.ShouldBe("this row has 3 cells but the header has 2. Quote cells that contain commas (\"like, this\") and double the quotes inside them.");
    }

    [Fact]
    public void Parse_CsvUnclosedQuote_ReportsLineWhereItOpened()
    {
        var ex = Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Parse("id,prompt\na,b\nc,\"never\nclosed\n", PromptCaseFormat.Csv, "q.csv"));

        ex.Line.ShouldBe(3);
        ex.Message.ShouldContain("never closed");
    }

    [Fact]
    public void Parse_CsvHeaderOnly_IsAnError()
    {
        var ex = Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Parse("id,prompt\n", PromptCaseFormat.Csv, "h.csv"));

        ex.Message.ShouldBe("Case file h.csv, line 1: the file has a header row but no cases. Add one row per case below the header.");
    }
}
