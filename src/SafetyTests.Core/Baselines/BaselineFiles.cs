using System;
using System.IO;
using System.Text;

namespace SafetyTests.Baselines;

/// <summary>
/// Baseline files on disk: reading (a missing file is not an error; a corrupt one is), atomic writing (a temporary
/// file in the same folder, then a rename, so readers never see half a file), the received file beside the
/// baseline (<c>safety-baseline.received.json</c>) and accepting it.
/// </summary>
internal static class BaselineFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The received file beside a baseline: <c>name.received.ext</c>.</summary>
    public static string ReceivedPath(string baselinePath)
    {
        string directory = Path.GetDirectoryName(baselinePath) ?? "";
        string name = Path.GetFileNameWithoutExtension(baselinePath);
        string extension = Path.GetExtension(baselinePath);
        return Path.Combine(directory, name + ".received" + (extension.Length == 0 ? ".json" : extension));
    }

    /// <summary>Reads the baseline, or returns null when the file does not exist.</summary>
    /// <exception cref="FormatException">The file is corrupt or foreign.</exception>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public static Baseline? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string text = File.ReadAllText(path, Encoding.UTF8);
        return BaselineSerializer.Deserialize(text, path);
    }

    /// <summary>Reads a file's text, or null when it does not exist.</summary>
    public static string? TryReadText(string path) => File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;

    /// <summary>Writes text atomically: the file either keeps its old content or has the new content whole.</summary>
    public static void WriteAtomically(string path, string text)
    {
        string full = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                byte[] bytes = Utf8NoBom.GetBytes(text);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            Replace(temporary, full);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Promotes the received file to the baseline (atomically). Returns false when there is no received file.</summary>
    public static bool Accept(string baselinePath)
    {
        string received = ReceivedPath(baselinePath);
        if (!File.Exists(received))
        {
            return false;
        }

        // Validate before promoting: never replace a good baseline with a damaged file.
        BaselineSerializer.Deserialize(File.ReadAllText(received, Encoding.UTF8), received);
        Replace(received, Path.GetFullPath(baselinePath));
        return true;
    }

    public static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static void Replace(string source, string destination)
    {
        if (File.Exists(destination))
        {
            File.Replace(source, destination, destinationBackupFileName: null);
        }
        else
        {
            File.Move(source, destination);
        }
    }
}
