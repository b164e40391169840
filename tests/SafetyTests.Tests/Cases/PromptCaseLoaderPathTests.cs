using System;
using System.IO;

namespace SafetyTests.Tests.Cases;

public sealed class PromptCaseLoaderPathTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "safetytests-cases-" + Guid.NewGuid().ToString("N"));

    public PromptCaseLoaderPathTests() => Directory.CreateDirectory(Path.Combine(_dir, "cases"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("c.yaml", "cases:\n  - id: a\n    prompt: p\n")]
    [InlineData("c.yml", "cases:\n  - id: a\n    prompt: p\n")]
    [InlineData("c.json", "{\"cases\":[{\"id\":\"a\",\"prompt\":\"p\"}]}")]
    [InlineData("c.jsonl", "{\"id\":\"a\",\"prompt\":\"p\"}\n")]
    [InlineData("c.csv", "id,prompt\na,p\n")]
    public void Load_PicksFormatFromExtension(string name, string content)
    {
        File.WriteAllText(Path.Combine(_dir, "cases", name), content);

        var cases = PromptCaseLoader.Load("cases/" + name, new PromptCaseLoadOptions { BaseDirectory = _dir });

        cases.Count.ShouldBe(1);
        cases[0].Prompt.ShouldBe("p");
        cases[0].Source.File.ShouldBe("cases/" + name);
    }

    [Fact]
    public void Load_RelativePath_ResolvesAgainstTestOutputDirectory()
    {
        PromptCaseLoader.ResolvePath("cases/x.yaml").ShouldBe(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "cases/x.yaml")));
    }

    [Fact]
    public void Load_AbsolutePath_IsUsedAsIs()
    {
        string path = Path.Combine(_dir, "abs.yaml");
        File.WriteAllText(path, "cases:\n  - id: a\n    prompt: p\n");

        PromptCaseLoader.Load(path)[0].Id.ShouldBe("a");
    }

    [Fact]
    public void Load_MissingFile_NamesGivenAndResolvedPathsAndCopyHint()
    {
        var ex = Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Load("cases/missing.yaml", new PromptCaseLoadOptions { BaseDirectory = _dir }));

        string full = Path.GetFullPath(Path.Combine(_dir, "cases/missing.yaml"));
        ex.File.ShouldBe("cases/missing.yaml");
        ex.Line.ShouldBe(0);
        ex.Message.ShouldBe("Case file cases/missing.yaml: file not found: resolved to " + full
            + " (relative paths resolve against the test output directory " + _dir
            + "). If the file is in your test project, copy it to the output directory: <None Include=\"cases/**\" CopyToOutputDirectory=\"PreserveNewest\" />.");
    }

    [Fact]
    public void Load_UnknownExtension_ListsSupportedOnes()
    {
        var ex = Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Load("cases/x.txt", new PromptCaseLoadOptions { BaseDirectory = _dir }));

        ex.Message.ShouldBe("Case file cases/x.txt: unsupported extension '.txt'. Use .yaml, .yml, .json, .jsonl or .csv, or set PromptCaseLoadOptions.Format.");
    }

    [Fact]
    public void Load_ExplicitFormat_OverridesExtension()
    {
        File.WriteAllText(Path.Combine(_dir, "cases", "x.txt"), "id,prompt\na,p\n");

        PromptCaseLoader.Load("cases/x.txt", new PromptCaseLoadOptions { BaseDirectory = _dir, Format = PromptCaseFormat.Csv }).Count.ShouldBe(1);
    }

    [Fact]
    public void Load_FileOverSizeLimit_IsRejectedBeforeReading()
    {
        File.WriteAllText(Path.Combine(_dir, "cases", "big.yaml"), "cases:\n  - id: a\n    prompt: " + new string('x', 200) + "\n");

        var ex = Should.Throw<PromptCaseFileException>(() => PromptCaseLoader.Load("cases/big.yaml", new PromptCaseLoadOptions { BaseDirectory = _dir, MaxFileBytes = 100 }));

        ex.Message.ShouldContain("more than the limit of 100 bytes. Split it into several files, or raise PromptCaseLoadOptions.MaxFileBytes.");
    }

    [Fact]
    public void Load_Utf8Bom_IsIgnored()
    {
        File.WriteAllBytes(Path.Combine(_dir, "cases", "bom.csv"), new byte[] { 0xEF, 0xBB, 0xBF, (byte)'i', (byte)'d', (byte)',', (byte)'p', (byte)'r', (byte)'o', (byte)'m', (byte)'p', (byte)'t', (byte)'\n', (byte)'a', (byte)',', (byte)'p', (byte)'\n' });

        PromptCaseLoader.Load("cases/bom.csv", new PromptCaseLoadOptions { BaseDirectory = _dir })[0].Id.ShouldBe("a");
    }

    [Fact]
    public void Load_FileChanged_IsReloaded()
    {
        string path = Path.Combine(_dir, "cases", "c.yaml");
        File.WriteAllText(path, "cases:\n  - id: a\n    prompt: p\n");
        var options = new PromptCaseLoadOptions { BaseDirectory = _dir };
        PromptCaseLoader.Load("cases/c.yaml", options)[0].Id.ShouldBe("a");

        File.WriteAllText(path, "cases:\n  - id: bb\n    prompt: p\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        PromptCaseLoader.Load("cases/c.yaml", options)[0].Id.ShouldBe("bb");
    }
}
