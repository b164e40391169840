using System.IO;
using SafetyTests.Baselines;
using SafetyTests.Core.Tests.Trx;

namespace SafetyTests.Core.Tests.Baselines;

public class BaselineFilesTests
{
    [Theory]
    [InlineData("safety-baseline.json", "safety-baseline.received.json")]
    [InlineData("gates/prod.baseline.json", "prod.baseline.received.json")]
    [InlineData("baseline", "baseline.received.json")]
    public void ReceivedPath_InsertsReceivedBeforeTheExtension(string baseline, string received)
    {
        Path.GetFileName(BaselineFiles.ReceivedPath(baseline)).ShouldBe(received);
    }

    [Fact]
    public void WriteAtomically_ReplacesWholeFileAndLeavesNoTemporaries()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("sub", "b.json");

        BaselineFiles.WriteAtomically(path, "first\n");
        BaselineFiles.WriteAtomically(path, "second\n");

        File.ReadAllText(path).ShouldBe("second\n");
        Directory.GetFiles(dir.Combine("sub")).ShouldBe(new[] { path });
    }

    [Fact]
    public void TryRead_MissingFile_IsNull()
    {
        using var dir = new TempDirectory();

        BaselineFiles.TryRead(dir.Combine("none.json")).ShouldBeNull();
    }

    [Fact]
    public void Accept_NoReceivedFile_ReturnsFalse()
    {
        using var dir = new TempDirectory();

        BaselineFiles.Accept(dir.Combine("safety-baseline.json")).ShouldBeFalse();
    }

    [Fact]
    public void Accept_DamagedReceivedFile_ThrowsAndKeepsTheBaseline()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        File.WriteAllText(baseline, "{\"schema\": \"safetytests-baseline\", \"schemaVersion\": 1, \"cases\": []}");
        File.WriteAllText(BaselineFiles.ReceivedPath(baseline), "{ damaged");

        Should.Throw<System.FormatException>(() => BaselineFiles.Accept(baseline));

        File.ReadAllText(baseline).ShouldContain("safetytests-baseline");
    }
}
