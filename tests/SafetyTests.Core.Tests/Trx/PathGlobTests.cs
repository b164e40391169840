using System.IO;
using SafetyTests.Trx;

namespace SafetyTests.Core.Tests.Trx;

public class PathGlobTests
{
    [Fact]
    public void Expand_RecursiveGlob_FindsFilesAtAnyDepthSorted()
    {
        using var dir = new TempDirectory();
        foreach (string f in new[] { "TestResults/a.trx", "TestResults/x/b.trx", "TestResults/x/y/c.trx", "TestResults/x/d.txt", "other/e.trx" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.Combine(f))!);
            File.WriteAllText(dir.Combine(f), "");
        }

        var files = PathGlob.Expand("TestResults/**/*.trx", dir.Path);

        files.ShouldBe(new[] { dir.Combine("TestResults/a.trx"), dir.Combine("TestResults/x/b.trx"), dir.Combine("TestResults/x/y/c.trx") });
    }

    [Fact]
    public void Expand_WildcardInFolderAndName_Matches()
    {
        using var dir = new TempDirectory();
        foreach (string f in new[] { "shard-1/r.trx", "shard-2/r.trx", "shard-10/r.trx", "other/r.trx" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.Combine(f))!);
            File.WriteAllText(dir.Combine(f), "");
        }

        PathGlob.Expand("shard-?/*.trx", dir.Path).Count.ShouldBe(2);
        PathGlob.Expand("shard-*/r.trx", dir.Path).Count.ShouldBe(3);
    }

    [Fact]
    public void Expand_PlainPath_ReturnsItEvenWhenMissing()
    {
        using var dir = new TempDirectory();

        PathGlob.Expand("none.trx", dir.Path).ShouldBe(new[] { dir.Combine("none.trx") });
    }

    [Fact]
    public void Expand_NoMatch_IsEmpty()
    {
        using var dir = new TempDirectory();

        PathGlob.Expand("missing/**/*.trx", dir.Path).ShouldBeEmpty();
    }
}
