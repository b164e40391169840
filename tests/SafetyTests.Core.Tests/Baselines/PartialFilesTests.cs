using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SafetyTests.Baselines;
using SafetyTests.Core.Tests.Trx;

namespace SafetyTests.Core.Tests.Baselines;

/// <summary>Temporary files of baseline writes cannot be mistaken for data, and stale ones are swept (issue 12, B).</summary>
public class PartialFilesTests
{
    private static readonly Regex PartialName = new(@"^\.safety-baseline\.json\.(\d+)\.[0-9a-f]{32}\.partial$");

    [Fact]
    public void WriteIfDifferent_WhileWriting_UsesADotPrefixedPartialFileBesideTheTarget()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        string[] during = Array.Empty<string>();

        BaselineFiles.WriteIfDifferent(baseline, null, w =>
        {
            w.Write("{}\n");
            during = Directory.GetFiles(dir.Path).Select(Path.GetFileName).ToArray()!;
        }).ShouldBeTrue();

        during.Length.ShouldBe(1);
        Match match = PartialName.Match(during[0]);
        match.Success.ShouldBeTrue(during[0]);
        int.Parse(match.Groups[1].Value).ShouldBe(Environment.ProcessId);
        Directory.GetFiles(dir.Path).ShouldBe(new[] { baseline });
    }

    [Fact]
    public void WriteIfDifferent_WriterThrows_LeavesNoPartialFile()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");

        Should.Throw<InvalidOperationException>(() => BaselineFiles.WriteIfDifferent(baseline, null, w =>
        {
            w.Write(new string('x', 100_000));
            throw new InvalidOperationException("interrupted");
        }));

        Directory.GetFiles(dir.Path).ShouldBeEmpty();
    }

    [Fact]
    public void WriteIfDifferent_PartialFileOfAProcessThatIsGone_IsSwept()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        string left = dir.Combine($".safety-baseline.json.{ExitedProcessId()}.{Guid.NewGuid():N}.partial");
        File.WriteAllText(left, "{\"schema\": \"safetytests-baseline\", \"cases\": [");

        BaselineFiles.WriteIfDifferent(baseline, null, w => w.Write("{}\n"));

        Directory.GetFiles(dir.Path).ShouldBe(new[] { baseline });
    }

    [Fact]
    public void SweepStale_MixOfFiles_DeletesOnlyStaleTemporariesOfTheTarget()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        DateTime now = DateTime.UtcNow;
        string Make(string name, TimeSpan age)
        {
            string path = dir.Combine(name);
            File.WriteAllText(path, "x");
            File.SetLastWriteTimeUtc(path, now - age);
            return path;
        }

        string guid = Guid.NewGuid().ToString("N");
        string deadOwner = Make($".safety-baseline.json.111.{guid}.partial", TimeSpan.FromSeconds(5));
        string liveOwnerFresh = Make($".safety-baseline.json.222.{guid}.partial", TimeSpan.FromSeconds(5));
        string liveOwnerOld = Make($".safety-baseline.json.333.{guid}.partial", TimeSpan.FromMinutes(11));
        string legacyOld = Make($"safety-baseline.json.tmp-{guid}", TimeSpan.FromHours(3));
        string legacyFresh = Make($"safety-baseline.json.tmp-{Guid.NewGuid():N}", TimeSpan.FromSeconds(5));
        string otherTarget = Make($".safety-baseline.received.json.111.{guid}.partial", TimeSpan.FromHours(3));
        string lookAlike = Make(".safety-baseline.json.notes.partial", TimeSpan.FromHours(3));
        string data = Make("safety-baseline.json", TimeSpan.FromHours(3));

        int deleted = PartialFiles.SweepStale(baseline, now, pid => pid != 111);

        deleted.ShouldBe(3);
        File.Exists(deadOwner).ShouldBeFalse();
        File.Exists(liveOwnerOld).ShouldBeFalse();
        File.Exists(legacyOld).ShouldBeFalse();
        File.Exists(liveOwnerFresh).ShouldBeTrue();
        File.Exists(legacyFresh).ShouldBeTrue();
        File.Exists(otherTarget).ShouldBeTrue();
        File.Exists(lookAlike).ShouldBeTrue();
        File.Exists(data).ShouldBeTrue();
    }

    [Fact]
    public void SweepStale_MissingFolder_DoesNothing() =>
        PartialFiles.SweepStale(Path.Combine(Path.GetTempPath(), "safetytests-" + Guid.NewGuid().ToString("N"), "safety-baseline.json")).ShouldBe(0);

    private static int ExitedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", "--version")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.Id;
    }
}
