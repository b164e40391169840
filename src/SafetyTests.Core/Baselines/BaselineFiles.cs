using System;
using System.IO;
using System.Text;

namespace SafetyTests.Baselines;

/// <summary>
/// Baseline files on disk: reading (a missing file is not an error; a corrupt one is), atomic writing (a temporary
/// file in the same folder, then a rename, so readers never see half a file), the received file beside the
/// baseline (<c>safety-baseline.received.json</c>) and accepting it. Temporary files are named by
/// <see cref="PartialFiles"/> (<c>.NAME.PID.GUID.partial</c>) and stale ones are swept on the next write; callers that
/// write a baseline or its received file hold its <see cref="BaselineLock"/>.
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
    public static Baseline? TryRead(string path, Gate.StringPool? shared = null)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return BaselineSerializer.Deserialize(reader, path, shared);
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

        PartialFiles.SweepStale(full);
        string temporary = PartialFiles.NewPath(full);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16))
            {
                using (var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" })
                {
                    write(writer);
                }

                stream.Flush();

                // An unchanged file (the usual rerun) is only compared; a changed one is made durable before it
                // replaces anything.
                if (comparePath is not null && File.Exists(comparePath) && SameContent(temporary, comparePath))
                {
                    return false;
                }

                stream.Flush(flushToDisk: true);
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

    /// <summary>Whether two files hold the same bytes, carriage returns and a byte-order mark aside (a baseline checked out with CRLF line ends, or saved by an editor with a BOM, is unchanged).</summary>
    private static bool SameContent(string a, string b)
    {
        using var first = new FileStream(a, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        using var second = new FileStream(b, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var x = new ByteCursor(first);
        var y = new ByteCursor(second);
        while (true)
        {
            int p = x.NextNonReturn();
            int q = y.NextNonReturn();
            if (p != q)
            {
                return false;
            }

            if (p < 0)
            {
                return true;
            }
        }
    }

    public static void WriteAtomically(string path, string text) => WriteIfDifferent(path, null, w => w.Write(text));

    /// <summary>Promotes the received file to the baseline (atomically; the caller holds the <see cref="BaselineLock"/>). Returns false when there is no received file.</summary>
    public static bool Accept(string baselinePath)
    {
        string received = ReceivedPath(baselinePath);
        if (!File.Exists(received))
        {
            return false;
        }

        // Validate before promoting: never replace a good baseline with a damaged file.
        TryRead(received);
        string full = Path.GetFullPath(baselinePath);
        PartialFiles.SweepStale(full);
        PartialFiles.SweepStale(Path.GetFullPath(received));
        Replace(received, full);
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

    /// <summary>Bytes of a stream through a large buffer, without a virtual call per byte.</summary>
    private sealed class ByteCursor
    {
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _position;
        private int _length;

        private bool _started;

        public ByteCursor(Stream stream) => _stream = stream;

        public int NextNonReturn()
        {
            if (!_started)
            {
                // A UTF-8 byte-order mark (an editor's) is not content.
                _started = true;
                _length = _stream.Read(_buffer, 0, _buffer.Length);
                while (_length < 3 && _length > 0)
                {
                    int more = _stream.Read(_buffer, _length, _buffer.Length - _length);
                    if (more == 0)
                    {
                        break;
                    }

                    _length += more;
                }

                if (_length >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
                {
                    _position = 3;
                }
            }

            while (true)
            {
                if (_position == _length)
                {
                    _length = _stream.Read(_buffer, 0, _buffer.Length);
                    _position = 0;
                    if (_length == 0)
                    {
                        return -1;
                    }
                }

                byte b = _buffer[_position++];
                if (b != (byte)'\r')
                {
                    return b;
                }
            }
        }
    }
}
