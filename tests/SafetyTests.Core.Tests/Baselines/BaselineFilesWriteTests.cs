using System;
using System.IO;
using System.Linq;
using System.Text;
using SafetyTests.Baselines;
using SafetyTests.Core.Tests.Trx;

namespace SafetyTests.Core.Tests.Baselines;

/// <summary>
/// The gate writes the received file only when this run's baseline text differs from the committed one: the new text
/// goes to a temporary file, is compared block by block (carriage returns aside), and replaces the target only when
/// it differs.
/// </summary>
public class BaselineFilesWriteTests
{
    private const string Text = "{\n  \"schema\": \"safetytests-baseline\",\n  \"cases\": [\n    {\"caseId\":\"caf\u00e9\"}\n  ]\n}\n";

    [Fact]
    public void WriteIfDifferent_SameContent_ReturnsFalseAndLeavesNoFile()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        File.WriteAllText(baseline, Text, new UTF8Encoding(false));
        string received = BaselineFiles.ReceivedPath(baseline);

        BaselineFiles.WriteIfDifferent(received, baseline, w => w.Write(Text)).ShouldBeFalse();

        Directory.GetFiles(dir.Path).ShouldBe(new[] { baseline });
        File.ReadAllText(baseline).ShouldBe(Text);
    }

    [Fact]
    public void WriteIfDifferent_SameContentCheckedOutWithCrLf_ReturnsFalseAndKeepsTheFile()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        byte[] crlf = new UTF8Encoding(false).GetBytes(Text.Replace("\n", "\r\n", StringComparison.Ordinal));
        File.WriteAllBytes(baseline, crlf);

        BaselineFiles.WriteIfDifferent(BaselineFiles.ReceivedPath(baseline), baseline, w => w.Write(Text)).ShouldBeFalse();
        BaselineFiles.WriteIfDifferent(baseline, baseline, w => w.Write(Text)).ShouldBeFalse(); // accepting an unchanged run

        Directory.GetFiles(dir.Path).ShouldBe(new[] { baseline });
        File.ReadAllBytes(baseline).ShouldBe(crlf);
    }

    [Fact]
    public void WriteIfDifferent_SameContentSavedWithByteOrderMark_ReturnsFalseAndKeepsTheFile()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        byte[] withBom = new UTF8Encoding(true).GetPreamble().Concat(new UTF8Encoding(false).GetBytes(Text.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();
        File.WriteAllBytes(baseline, withBom);

        BaselineFiles.WriteIfDifferent(BaselineFiles.ReceivedPath(baseline), baseline, w => w.Write(Text)).ShouldBeFalse();

        Directory.GetFiles(dir.Path).ShouldBe(new[] { baseline });
        File.ReadAllBytes(baseline).ShouldBe(withBom);
    }

    [Fact]
    public void WriteIfDifferent_FileWithoutByteOrderMark_StillComparesEveryByte()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        File.WriteAllText(baseline, Text, new UTF8Encoding(false));

        BaselineFiles.WriteIfDifferent(BaselineFiles.ReceivedPath(baseline), baseline, w => w.Write(Text.Replace("caf\u00e9", "cafe", StringComparison.Ordinal))).ShouldBeTrue();
        BaselineFiles.WriteIfDifferent(BaselineFiles.ReceivedPath(baseline), baseline, w => w.Write(Text)).ShouldBeFalse();
    }

    [Fact]
    public void WriteIfDifferent_ChangedContent_WritesTheTargetWholeAndLeavesNoTemporary()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        File.WriteAllText(baseline, Text);
        string received = BaselineFiles.ReceivedPath(baseline);
        string changed = Text.Replace("caf\u00e9", "cafe", StringComparison.Ordinal);

        BaselineFiles.WriteIfDifferent(received, baseline, w => w.Write(changed)).ShouldBeTrue();

        File.ReadAllBytes(received).ShouldBe(new UTF8Encoding(false).GetBytes(changed)); // UTF-8 without a byte order mark
        File.ReadAllText(baseline).ShouldBe(Text);
        Directory.GetFiles(dir.Path).OrderBy(f => f, StringComparer.Ordinal).ShouldBe(new[] { received, baseline }.OrderBy(f => f, StringComparer.Ordinal));
    }

    [Fact]
    public void WriteIfDifferent_ExistingTargetChanged_IsReplaced()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        File.WriteAllText(baseline, Text);

        BaselineFiles.WriteIfDifferent(baseline, baseline, w => w.Write("{}\n")).ShouldBeTrue();

        File.ReadAllText(baseline).ShouldBe("{}\n");
        Directory.GetFiles(dir.Path).ShouldBe(new[] { baseline });
    }

    [Fact]
    public void WriteIfDifferent_NothingToCompareWith_Writes()
    {
        using var dir = new TempDirectory();
        string target = dir.Combine("sub", "new.json");

        BaselineFiles.WriteIfDifferent(target, null, w => w.Write(Text)).ShouldBeTrue();
        BaselineFiles.WriteIfDifferent(target, dir.Combine("missing.json"), w => w.Write(Text)).ShouldBeTrue();

        File.ReadAllText(target).ShouldBe(Text);
        Directory.GetFiles(dir.Combine("sub")).ShouldBe(new[] { target });
    }

    [Fact]
    public void WriteIfDifferent_WriterFails_KeepsTheTargetAndLeavesNoTemporary()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        File.WriteAllText(baseline, Text);

        Should.Throw<InvalidOperationException>(() => BaselineFiles.WriteIfDifferent(baseline, baseline, w =>
        {
            w.Write(new string('x', 200_000));
            throw new InvalidOperationException("writer failed");
        }));

        File.ReadAllText(baseline).ShouldBe(Text);
        Directory.GetFiles(dir.Path).ShouldBe(new[] { baseline });
    }

    [Theory]
    [InlineData(70_000)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(200_000)]
    public void WriteIfDifferent_LargeFilesDifferingOnlyInTheLastByte_AreDifferent(int size)
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        string content = Large(size);
        File.WriteAllText(baseline, content.Substring(0, size - 1) + "y");
        string received = BaselineFiles.ReceivedPath(baseline);

        BaselineFiles.WriteIfDifferent(received, baseline, w => w.Write(content)).ShouldBeTrue();

        File.ReadAllText(received).ShouldBe(content);
    }

    [Theory]
    [InlineData(70_000)]
    [InlineData(65_536)]
    [InlineData(200_000)]
    public void WriteIfDifferent_LargeFilesThatAreEqual_AreNotWritten(int size)
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        string content = Large(size);
        File.WriteAllText(baseline, content);

        BaselineFiles.WriteIfDifferent(BaselineFiles.ReceivedPath(baseline), baseline, w => w.Write(content)).ShouldBeFalse();

        Directory.GetFiles(dir.Path).ShouldBe(new[] { baseline });
    }

    [Theory]
    [InlineData(1)] // the committed file is one byte longer
    [InlineData(-1)] // one byte shorter
    public void WriteIfDifferent_LargeFilesOfDifferentLength_AreDifferent(int extra)
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        string content = Large(131_072);
        File.WriteAllText(baseline, extra > 0 ? content + "x" : content.Substring(0, content.Length - 1));

        BaselineFiles.WriteIfDifferent(BaselineFiles.ReceivedPath(baseline), baseline, w => w.Write(content)).ShouldBeTrue();
    }

    [Fact]
    public void WriteIfDifferent_LargeCrLfFileWithCarriageReturnsAtTheBlockEdges_IsEqual()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");

        // CR LF pairs cut by the 64 KB blocks of the committed file (CR last in a block, LF first in the next), and
        // right before and after a boundary.
        var lf = new StringBuilder();
        var crlf = new StringBuilder();
        foreach (int crAt in new[] { 100, 65535, 65536 + 65536, (3 * 65536) - 2, (3 * 65536) + 1 })
        {
            while (crlf.Length < crAt)
            {
                char c = (char)('a' + (crlf.Length % 26));
                lf.Append(c);
                crlf.Append(c);
            }

            crlf.Append("\r\n");
            lf.Append('\n');
        }

        crlf.ToString().IndexOf('\r', 65535).ShouldBe(65535);
        File.WriteAllText(baseline, crlf.ToString());

        BaselineFiles.WriteIfDifferent(BaselineFiles.ReceivedPath(baseline), baseline, w => w.Write(lf.ToString())).ShouldBeFalse();
        BaselineFiles.WriteIfDifferent(BaselineFiles.ReceivedPath(baseline), baseline, w => w.Write(lf + "z")).ShouldBeTrue();
    }

    [Fact]
    public void WriteIfDifferent_RealBaselineWrittenTwice_IsUnchangedTheSecondTime()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        Baseline run = Json.JsonTokenReaderStreamingTests.SampleBaseline();

        BaselineFiles.WriteIfDifferent(baseline, baseline, w => BaselineSerializer.Serialize(run, w)).ShouldBeTrue();
        BaselineFiles.WriteIfDifferent(BaselineFiles.ReceivedPath(baseline), baseline, w => BaselineSerializer.Serialize(run, w)).ShouldBeFalse();

        File.ReadAllText(baseline).ShouldBe(BaselineSerializer.Serialize(run));
        Directory.GetFiles(dir.Path).ShouldBe(new[] { baseline });
    }

    private static string Large(int size)
    {
        var text = new StringBuilder(size);
        int line = 0;
        while (text.Length < size)
        {
            text.Append("    {\"caseId\":\"case-").Append(line++).Append("\"},\n");
        }

        text.Length = size - 1;
        return text.Append('}').ToString();
    }
}
