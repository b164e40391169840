using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace SafetyTests.Baselines;

/// <summary>
/// Serializes the writers of one baseline (accepts, and the gate writing its received file) across threads and
/// processes: an exclusive lock on <c>.NAME.lock</c> beside the baseline (<see cref="FileShare.None"/>: a sharing
/// violation on Windows, an exclusive <c>flock</c> on Linux and macOS). The operating system releases the lock when its
/// holder dies, so a crashed accept never blocks the next one. While it holds the lock, the holder describes itself in
/// <c>.NAME.lock.owner</c> (process id, name, machine, since when), which a waiter that gives up quotes. Both files
/// are deleted on release.
/// </summary>
internal sealed class BaselineLock : IDisposable
{
    /// <summary>How long an accept waits for another one by default: far longer than any accept takes (seconds).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly FileStream _stream;
    private readonly string _ownerText;
    private int _disposed;

    private BaselineLock(string lockPath, FileStream stream, string ownerText, bool waited, string? waitedFor)
    {
        LockPath = lockPath;
        _stream = stream;
        _ownerText = ownerText;
        Waited = waited;
        WaitedFor = waitedFor;
    }

    /// <summary>Whether another holder had the lock when this one asked for it.</summary>
    public bool Waited { get; }

    /// <summary>The lock file.</summary>
    public string LockPath { get; }

    /// <summary>The holder this lock waited for (as it described itself), or null when the lock was free or the holder had not described itself yet.</summary>
    public string? WaitedFor { get; }

    /// <summary>The lock file of a baseline: <c>.NAME.lock</c> in its folder.</summary>
    public static string PathFor(string baselinePath)
    {
        string full = Path.GetFullPath(baselinePath);
        return Path.Combine(Path.GetDirectoryName(full) ?? "", "." + Path.GetFileName(full) + ".lock");
    }

    /// <summary>Takes the lock of <paramref name="baselinePath"/>, waiting up to <paramref name="timeout"/> for another holder.</summary>
    /// <param name="baselinePath">The baseline whose writers are serialized.</param>
    /// <param name="timeout">How long to wait for another holder.</param>
    /// <param name="waiting">Told once, with a line saying whom this waits for, when the lock is taken by another holder.</param>
    /// <exception cref="TimeoutException">Another holder kept it longer; the message names the holder and the lock file.</exception>
    /// <exception cref="IOException">The lock file cannot be created (for example a read-only folder).</exception>
    public static BaselineLock Acquire(string baselinePath, TimeSpan timeout, Action<string>? waiting = null)
    {
        string lockPath = PathFor(baselinePath);
        string ownerPath = lockPath + ".owner";
        string? directory = Path.GetDirectoryName(lockPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var clock = Stopwatch.StartNew();
        string? waitedFor = null;
        bool waited = false;
        int delay = 10;
        while (true)
        {
            FileStream? stream = TryOpen(lockPath);
            if (stream is not null)
            {
                // On Linux and macOS a waiter can open the file just before the holder deletes it and lock it just after:
                // it then holds a lock on a file that has no name any more. Let go and take the new one.
                if (!File.Exists(lockPath))
                {
                    stream.Dispose();
                    continue;
                }

                string owner = DescribeThisProcess();
                try
                {
                    File.WriteAllText(ownerPath, owner + "\n", Utf8NoBom);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The description is for messages only; the lock holds without it.
                }

                return new BaselineLock(lockPath, stream, owner, waited, waitedFor);
            }

            waitedFor ??= ReadOwner(ownerPath);
            if (!waited)
            {
                waited = true;
                waiting?.Invoke($"Waiting for the lock of {Path.GetFileName(baselinePath)}: {waitedFor ?? "another process"} is writing it (lock file {lockPath}).");
            }
            if (clock.Elapsed >= timeout)
            {
                string holder = ReadOwner(ownerPath) ?? waitedFor ?? "another process (it did not say which)";
                throw new TimeoutException(
                    $"Another write of the baseline {Path.GetFullPath(baselinePath)} is in progress: {holder} holds its lock {lockPath}, and this one gave up after {clock.Elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s. " +
                    "Wait for it to finish, then run this again. If no such process is running any more, the lock is released already; run this again.");
            }

            Thread.Sleep(delay);
            delay = Math.Min(delay * 2, 200);
        }
    }

    /// <summary>Releases the lock and deletes the lock files.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        string ownerPath = LockPath + ".owner";
        try
        {
            if (ReadOwner(ownerPath) == _ownerText)
            {
                File.Delete(ownerPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        if (!IsWindows)
        {
            // Only the holder deletes the lock file, and before it lets go, so the name always belongs to a holder or
            // to nobody. (On Windows the handle deletes it on close.)
            try
            {
                File.Delete(LockPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        _stream.Dispose();
    }

    private static FileStream? TryOpen(string lockPath)
    {
        try
        {
            // Not DeleteOnClose on Unix: there it deletes by name on close, which could delete another holder's file.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, IsWindows ? FileOptions.DeleteOnClose : FileOptions.None);
        }
        catch (IOException e) when (IsContention(e))
        {
            return null; // held by another writer
        }
        catch (UnauthorizedAccessException) when (IsWindows && File.Exists(lockPath))
        {
            return null; // Windows: the previous holder's file is pending deletion
        }
    }

    /// <summary>Whether opening failed because another handle holds the file (not a real I/O problem such as a read-only folder).</summary>
    private static bool IsContention(IOException e)
    {
        const int SharingViolation = unchecked((int)0x80070020);
        const int LockViolation = unchecked((int)0x80070021);
        if (IsWindows)
        {
            return e.HResult == SharingViolation || e.HResult == LockViolation;
        }

        // .NET reports a failed flock as the raw errno: EWOULDBLOCK is 11 on Linux, 35 on macOS and the BSDs.
        return e.HResult == 11 || e.HResult == 35 || e.HResult == SharingViolation || e is FileNotFoundException;
    }

    private static string? ReadOwner(string ownerPath)
    {
        try
        {
            string text = File.ReadAllText(ownerPath, Encoding.UTF8).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string DescribeThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        string name;
        try
        {
            name = process.ProcessName;
        }
        catch (InvalidOperationException)
        {
            name = "?";
        }

        return $"process {process.Id} ({name}) on {Environment.MachineName}, since {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
    }
}
