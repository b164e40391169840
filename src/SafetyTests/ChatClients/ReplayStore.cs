using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>
/// A directory of replay entries: <c>&lt;case id&gt;/s&lt;sample&gt;-&lt;hash prefix&gt;.json</c>, pretty-printed with a
/// fixed property order and <c>\n</c> line ends so they diff well. Writes go to a temporary file in the same
/// directory that is flushed and then renamed over the entry, so readers and crashes never see half an entry;
/// concurrent writers of one entry leave one of the complete versions.
/// </summary>
internal sealed class ReplayStore
{
    internal const int SchemaVersion = 1;
    internal const string TempSuffix = ".tmp";
    private const int HashPrefixLength = 16;
    private static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);
    private static readonly ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);
    private static readonly JsonSerializerOptions Json = CreateJsonOptions();
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    };

    public ReplayStore(string directory)
    {
        Directory = directory;
        if (Swept.TryAdd(directory, true))
        {
            DeleteOrphanedTemporaryFiles(directory);
        }
    }

    public string Directory { get; }

    public static JsonTypeInfo ResponseTypeInfo => Json.GetTypeInfo(typeof(ChatResponse));

    public string GetPath(ReplayKey key) =>
        Path.Combine(
            Directory,
            SafeSegment(key.CaseId),
            "s" + key.SampleIndex.ToString("D4", CultureInfo.InvariantCulture) + "-" + key.Hash.Substring(0, HashPrefixLength) + ".json");

    public async Task<ChatResponse?> TryReadAsync(ReplayKey key, CancellationToken cancellationToken)
    {
        string path = GetPath(key);
        byte[] bytes;
        try
        {
            bytes = await ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        ChatResponse response = Parse(bytes, path, key.Hash);
        response.RawRepresentation = new ReplayedResponse(path);
        return response;
    }

    public async Task WriteAsync(ReplayKey key, IReadOnlyList<ChatMessage> messages, ChatResponse response, CancellationToken cancellationToken)
    {
        string path = GetPath(key);
        byte[] bytes = Serialize(key, messages, response);
        string directory = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + TempSuffix);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            await MoveOverAsync(temp, path, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Parses an entry file; throws <see cref="InvalidDataException"/> naming the file when it is not a valid entry.</summary>
    internal static ChatResponse Parse(byte[] bytes, string path, string? expectedHash)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            int version = root.GetProperty("schemaVersion").GetInt32();
            if (version != SchemaVersion)
            {
                throw new InvalidDataException("Replay entry '" + path + "' has schema version " + version.ToString(CultureInfo.InvariantCulture) +
                    "; this version of SafetyTests reads version " + SchemaVersion.ToString(CultureInfo.InvariantCulture) + ". Record it again.");
            }

            string? hash = root.GetProperty("key").GetString();
            if (expectedHash is not null && !string.Equals(hash, expectedHash, StringComparison.Ordinal))
            {
                throw new InvalidDataException("Replay entry '" + path + "' holds key " + hash + " but " + expectedHash +
                    " was looked up (edited by hand, or a hash prefix collision). Delete it and record again.");
            }

            return (ChatResponse?)root.GetProperty("response").Deserialize(ResponseTypeInfo)
                ?? throw new InvalidDataException("Replay entry '" + path + "' has no response. Delete it and record again.");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException("Replay entry '" + path + "' is not a valid entry (" + ex.Message + "). Delete it and record again.", ex);
        }
    }

    internal static byte[] Serialize(ReplayKey key, IReadOnlyList<ChatMessage> messages, ChatResponse response)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", SchemaVersion);
            writer.WriteString("key", key.Hash);
            writer.WriteString("caseId", key.CaseId);
            writer.WriteNumber("sampleIndex", key.SampleIndex);
            writer.WriteString("modelId", key.ModelId);
            writer.WriteStartObject("request");
            writer.WriteStartObject("options");
            foreach (var option in key.Options)
            {
                writer.WriteString(option.Key, option.Value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("messages");
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", message.Role.Value);
                writer.WriteString("text", message.Text);
                bool onlyText = true;
                foreach (var content in message.Contents)
                {
                    onlyText &= content is TextContent;
                }

                if (!onlyText)
                {
                    writer.WritePropertyName("contents");
                    JsonSerializer.Serialize(writer, message.Contents, Json.GetTypeInfo(typeof(IList<AIContent>)));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WritePropertyName("response");
            JsonSerializer.Serialize(writer, response, ResponseTypeInfo);
            writer.WriteEndObject();
        }

        string text = Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n");
        return Encoding.UTF8.GetBytes(SafetySecrets.Redact(text) + "\n");
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(AIJsonUtilities.DefaultOptions)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }

    private static string SafeSegment(string? caseId)
    {
        if (string.IsNullOrEmpty(caseId))
        {
            return "_no-case";
        }

        var builder = new StringBuilder(Math.Min(caseId!.Length, 100));
        foreach (char c in caseId)
        {
            if (builder.Length == 100)
            {
                break;
            }

            builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' ? c : '_');
        }

        string segment = builder.ToString().Trim('.');
        return segment.Length == 0 ? "_" : segment;
    }

    private static async Task<byte[]> ReadAllBytesAsync(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, 4096, cancellationToken).ConfigureAwait(false);
        return memory.ToArray();
    }

    private static async Task MoveOverAsync(string temp, string path, CancellationToken cancellationToken)
    {
        // On Windows a reader holding the target open makes the replace fail briefly; POSIX rename never does.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                File.Move(temp, path, overwrite: true);
                return;
            }
            catch (Exception ex) when (attempt < 10 && ex is IOException or UnauthorizedAccessException)
            {
                await Task.Delay(10 * attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's sweep of orphaned temporary files.
        }
    }

    private static void DeleteOrphanedTemporaryFiles(string directory)
    {
        try
        {
            if (!System.IO.Directory.Exists(directory))
            {
                return;
            }

            DateTime cutoff = DateTime.UtcNow - OrphanAge;
            foreach (string file in System.IO.Directory.EnumerateFiles(directory, "*" + TempSuffix, SearchOption.AllDirectories))
            {
                if (Path.GetFileName(file).StartsWith(".", StringComparison.Ordinal) && File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    TryDelete(file);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A sweep is best effort; entries themselves are never affected.
        }
    }
}
