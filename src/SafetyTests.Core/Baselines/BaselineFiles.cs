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

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return BaselineSerializer.Deserialize(reader, path);
    }

    /// <summary>
    /// Writes content produced by <paramref name="write"/> to <paramref name="targetPath"/> atomically, unless it is
    /// byte for byte the content of <paramref name="comparePath"/>. Streams: the content is never one string.
    /// </summary>
    /// <returns>True when the content differed (and was written); false when it equals <paramref name="comparePath"/>.</returns>
    public static bool WriteIfDifferent(string targetPath, string? comparePath, Action<TextWriter> write)
    {
        string full = Path.GetFullPath(targetPath);
        string? directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16) { NewLine = "\n" })
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            if (comparePath is not null && File.Exists(comparePath) && SameContent(temporary, comparePath))
            {
                return false;
            }

            Replace(temporary, full);
            return true;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Compares two files byte for byte, ignoring carriage returns (a checkout may turn \n into \r\n).</summary>
    private static bool SameContent(string a, string b)
    {
        using var first = new BufferedStream(new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.Read, 1), 1 << 16);
        using var second = new BufferedStream(new FileStream(b, FileMode.Open, FileAccess.Read, FileShare.Read, 1), 1 << 16);
        while (true)
        {
            int x = NextNonReturn(first);
            int y = NextNonReturn(second);
            if (x != y)
            {
                return false;
            }

            if (x < 0)
            {
                return true;
            }
        }
    }

    private static int NextNonReturn(Stream stream)
    {
        int b;
        do
        {
            b = stream.ReadByte();
        }
        while (b == '\r');
        return b;
    }

    /// <summary>Writes text atomically: the file either keeps its old content or has the new content whole.</summary>
    public static void WriteAtomically(string path, string text) => WriteIfDifferent(path, null, w => w.Write(text));

    /// <summary>Promotes the received file to the baseline (atomically). Returns false when there is no received file.</summary>
    public static bool Accept(string baselinePath)
    {
        string received = ReceivedPath(baselinePath);
        if (!File.Exists(received))
        {
            return false;
        }

        // Validate before promoting: never replace a good baseline with a damaged file.
        TryRead(received);
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
