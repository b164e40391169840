using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace SafetyTests.Baselines;

/// <summary>
/// The temporary files of atomic writes: <c>.NAME.PID.GUID.partial</c> beside the target <c>NAME</c> (same folder, so
/// the final rename stays on one volume and is atomic). The leading dot and the <c>.partial</c> suffix keep them
/// apart from data (no tool globbing <c>*.json</c> picks one up) and make one ignore rule (<c>.*.partial</c>) cover
/// them all. An interrupted write (a killed build, a cancelled CI job) can leave one behind; the next write of the
/// same target sweeps those whose process is gone or that are older than <see cref="StaleAge"/>.
/// </summary>
internal static class PartialFiles
{
    /// <summary>A temporary file older than this is stale even when a process with its id runs (ids are reused, and a write takes seconds).</summary>
    public static readonly TimeSpan StaleAge = TimeSpan.FromMinutes(10);

    private const string Suffix = ".partial";

    /// <summary>A fresh temporary path for a write of <paramref name="fullTargetPath"/> by this process.</summary>
    public static string NewPath(string fullTargetPath)
    {
        string directory = Path.GetDirectoryName(fullTargetPath) ?? "";
        int pid = CurrentProcessId();
        return Path.Combine(directory, "." + Path.GetFileName(fullTargetPath) + "." + pid.ToString(CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N") + Suffix);
    }

    /// <summary>
    /// Deletes stale temporary files of <paramref name="fullTargetPath"/>: ours (<c>.NAME.PID.GUID.partial</c>) whose
    /// process no longer runs or that are older than <see cref="StaleAge"/>, and those of earlier versions
    /// (<c>NAME.tmp-GUID</c>) older than <see cref="StaleAge"/>. Never throws: a file that cannot be deleted stays.
    /// </summary>
    /// <returns>How many files were deleted.</returns>
    public static int SweepStale(string fullTargetPath) => SweepStale(fullTargetPath, DateTime.UtcNow, IsRunning);

    /// <summary>The sweep with its clock and process check given (tests).</summary>
    internal static int SweepStale(string fullTargetPath, DateTime utcNow, Func<int, bool> isRunning)
    {
        string directory = Path.GetDirectoryName(fullTargetPath) ?? "";
        string name = Path.GetFileName(fullTargetPath);
        if (directory.Length == 0 || !Directory.Exists(directory))
        {
            return 0;
        }

        int deleted = 0;
        try
        {
            string prefix = "." + name + ".";
            foreach (string file in Directory.EnumerateFiles(directory, prefix + "*" + Suffix))
            {
                string middle = Path.GetFileName(file);
                middle = middle.Substring(prefix.Length, middle.Length - prefix.Length - Suffix.Length);
                int dot = middle.IndexOf('.');
                if (dot <= 0
                    || middle.Length - dot - 1 != 32
                    || !int.TryParse(middle.Substring(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int owner))
                {
                    continue; // not a name this code writes (another file that merely looks alike)
                }

                bool old = utcNow - LastWriteUtc(file) > StaleAge;
                if ((old || !isRunning(owner)) && TryDelete(file))
                {
                    deleted++;
                }
            }

            foreach (string file in Directory.EnumerateFiles(directory, name + ".tmp-*"))
            {
                if (utcNow - LastWriteUtc(file) > StaleAge && TryDelete(file))
                {
                    deleted++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A sweep is housekeeping: an unreadable folder must not fail the write.
        }

        return deleted;
    }

    internal static int CurrentProcessId()
    {
        using var current = Process.GetCurrentProcess();
        return current.Id;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == CurrentProcessId())
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return true; // exists, but not ours to inspect
        }
        catch (NotSupportedException)
        {
            return true; // cannot tell: let the age decide
        }
    }

    private static DateTime LastWriteUtc(string file)
    {
        try
        {
            return File.GetLastWriteTimeUtc(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DateTime.MaxValue;
        }
    }

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
