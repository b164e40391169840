using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SafetyTests.Baselines;
using SafetyTests.Core.Tests.Trx;

namespace SafetyTests.Core.Tests.Baselines;

/// <summary>Writers of one baseline run one at a time (issue 12, C).</summary>
public class BaselineLockTests
{
    [Fact]
    public void Acquire_Free_CreatesDotLockFilesAndDeletesThemOnDispose()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");

        using (BaselineLock held = BaselineLock.Acquire(baseline, TimeSpan.FromSeconds(5)))
        {
            held.LockPath.ShouldBe(dir.Combine(".safety-baseline.json.lock"));
            held.Waited.ShouldBeFalse();
            File.Exists(held.LockPath).ShouldBeTrue();
            File.ReadAllText(held.LockPath + ".owner").ShouldStartWith($"process {Environment.ProcessId} (");
        }

        Directory.GetFiles(dir.Path).ShouldBeEmpty();
    }

    [Fact]
    public void Acquire_HeldLongerThanTheTimeout_ThrowsNamingTheHolderAndTheLockFile()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        using BaselineLock first = BaselineLock.Acquire(baseline, TimeSpan.FromSeconds(5));
        string? waitingLine = null;

        var e = Should.Throw<TimeoutException>(() => BaselineLock.Acquire(baseline, TimeSpan.FromMilliseconds(300), line => waitingLine = line));

        e.Message.ShouldStartWith($"Another write of the baseline {baseline} is in progress: process {Environment.ProcessId} (");
        e.Message.ShouldContain($"holds its lock {first.LockPath}, and this one gave up after ");
        e.Message.ShouldEndWith("Wait for it to finish, then run this again. If no such process is running any more, the lock is released already; run this again.");
        waitingLine.ShouldStartWith($"Waiting for the lock of safety-baseline.json: process {Environment.ProcessId} (");
    }

    [Fact]
    public async Task Acquire_HeldThenReleased_WaitsAndSaysForWhom()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        BaselineLock first = BaselineLock.Acquire(baseline, TimeSpan.FromSeconds(5));
        Task<BaselineLock> second = Task.Run(() => BaselineLock.Acquire(baseline, TimeSpan.FromSeconds(20)));
        await Task.Delay(300);
        second.IsCompleted.ShouldBeFalse();

        first.Dispose();
        using BaselineLock taken = await second;

        taken.Waited.ShouldBeTrue();
        taken.WaitedFor.ShouldStartWith($"process {Environment.ProcessId} (");
    }

    [Fact]
    public void Acquire_ManyThreadsReadModifyWrite_LosesNoUpdate()
    {
        using var dir = new TempDirectory();
        string baseline = dir.Combine("safety-baseline.json");
        string counter = dir.Combine("counter.txt");
        File.WriteAllText(counter, "0");
        const int Threads = 6;
        const int Rounds = 15;

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, _ =>
        {
            for (int i = 0; i < Rounds; i++)
            {
                using BaselineLock held = BaselineLock.Acquire(baseline, TimeSpan.FromSeconds(60));
                int value = int.Parse(File.ReadAllText(counter));
                Thread.Sleep(1);
                File.WriteAllText(counter, (value + 1).ToString());
            }
        });

        File.ReadAllText(counter).ShouldBe((Threads * Rounds).ToString());
        Directory.GetFiles(dir.Path).Select(Path.GetFileName).ShouldBe(new[] { "counter.txt" });
    }
}
