using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>
/// The identity of a recorded response: SHA-256 over a canonical JSON of the case id, sample index, model id,
/// the request messages and the options that shape the answer.
/// </summary>
internal sealed class ReplayKey
{
    private const int FormatVersion = 1;

    private ReplayKey(string hash, string? caseId, int sampleIndex, string modelId, SortedDictionary<string, string> options)
    {
        Hash = hash;
        CaseId = caseId;
        SampleIndex = sampleIndex;
        ModelId = modelId;
        Options = options;
    }

    /// <summary>64 lowercase hex digits.</summary>
    public string Hash { get; }

    public string? CaseId { get; }

    public int SampleIndex { get; }

    public string ModelId { get; }

    /// <summary>The options that entered the hash, name → invariant text.</summary>
    public SortedDictionary<string, string> Options { get; }

    public static ReplayKey Compute(IReadOnlyList<ChatMessage> messages, ChatOptions? options, string? defaultModelId, SafetyTrial? trial)
    {
        string modelId = options?.ModelId ?? defaultModelId ?? string.Empty;
        string? caseId = trial?.Case?.Id;
        int sampleIndex = trial?.SampleIndex ?? 0;
        var canonicalOptions = CanonicalOptions(options);

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", FormatVersion);
            writer.WriteString("case", caseId);
            writer.WriteNumber("sample", sampleIndex);
            writer.WriteString("model", modelId);
            writer.WriteStartObject("options");
            foreach (var pair in canonicalOptions)
            {
                writer.WriteString(pair.Key, pair.Value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("messages");
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", message.Role.Value);
                if (message.AuthorName is not null)
                {
                    writer.WriteString("author", message.AuthorName);
                }

                writer.WriteStartArray("contents");
                foreach (var content in message.Contents)
                {
                    JsonSerializer.Serialize(writer, content, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(AIContent)));
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        byte[] digest;
        using (var sha = SHA256.Create())
        {
            digest = sha.ComputeHash(buffer.WrittenSpan.ToArray());
        }

        return new ReplayKey(ToHex(digest), caseId, sampleIndex, modelId, canonicalOptions);
    }

    private static SortedDictionary<string, string> CanonicalOptions(ChatOptions? options)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in SamplingSettings.ToRecord(options))
        {
            result[setting.Key] = setting.Value;
        }

        if (options is null)
        {
            return result;
        }

        Add(result, "frequency_penalty", options.FrequencyPenalty?.ToString("R", CultureInfo.InvariantCulture));
        Add(result, "presence_penalty", options.PresencePenalty?.ToString("R", CultureInfo.InvariantCulture));
        Add(result, "top_k", options.TopK?.ToString(CultureInfo.InvariantCulture));
        Add(result, "instructions", options.Instructions);
        if (options.StopSequences is { Count: > 0 } stops)
        {
            result["stop"] = JsonSerializer.Serialize(stops, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IList<string>)));
        }

        if (options.ResponseFormat is { } format)
        {
            result["response_format"] = JsonSerializer.Serialize(format, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatResponseFormat)));
        }

        if (options.ToolMode is { } mode)
        {
            result["tool_mode"] = mode.ToString() ?? mode.GetType().Name;
        }

        if (options.Tools is { Count: > 0 } tools)
        {
            var describedTools = new List<string>(tools.Count);
            foreach (var tool in tools)
            {
                describedTools.Add(tool is AIFunctionDeclaration function
                    ? function.Name + ":" + function.Description + ":" + function.JsonSchema.GetRawText()
                    : tool.Name + ":" + tool.GetType().Name);
            }

            result["tools"] = string.Join("\n", describedTools);
        }

        return result;
    }

    private static void Add(SortedDictionary<string, string> result, string name, string? value)
    {
        if (value is not null)
        {
            result[name] = value;
        }
    }

    private static string ToHex(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        const string digits = "0123456789abcdef";
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = digits[bytes[i] >> 4];
            chars[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }

        return new string(chars);
    }
}
