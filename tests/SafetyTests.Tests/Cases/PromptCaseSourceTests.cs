using System.IO;
using System.Linq;

namespace SafetyTests.Tests.Cases;

public class PromptCaseSourceTests
{
    [Fact]
    public void Load_RelativePathWithFilter_ResolvesAgainstBaseDirectoryAndKeepsMatchingCases()
    {
        string dir = Directory.CreateTempSubdirectory("safetytests-source-").FullName;
        File.WriteAllText(Path.Combine(dir, "cases.yaml"), """
            cases:
              - id: a
                prompt: hello
                severity: high
              - id: b
                prompt: hello
                severity: low
            """);

        var source = new PromptCaseSource("cases.yaml") { Severity = "high+" };

        source.Load(dir).Select(c => c.Id).ShouldBe(new[] { "a" });
        source.DescribeFilter().ShouldBe("Severity=high+");
        source.ToString().ShouldBe("[PromptCases(\"cases.yaml\")]");
        new PromptCaseSource("cases.yaml").DescribeFilter().ShouldBe("no filter");
    }
}
