using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace SafetyTests.Cases.Parsing;

/// <summary>Reads JSON and JSON Lines into <see cref="RawNode"/>s with line numbers, without recursion.</summary>
internal static class JsonCaseReader
{
    public static RawNode? Read(string text, int maxDepth, ProblemSink problems) => ReadOne(text, 0, maxDepth, problems, "JSON");

    /// <summary>Reads one JSON value per non-blank line into a sequence.</summary>
    public static RawSequence? ReadLines(string text, int maxDepth, ProblemSink problems)
    {
        var result = new RawSequence(1);
        int lineNumber = 0;
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            lineNumber++;
            string line = text.Substring(start, end - start).TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(line))
            {
                var node = ReadOne(line, lineNumber - 1, maxDepth, problems, "JSON Lines");
                if (node is not null)
                {
                    result.Items.Add(node);
                }
            }

            start = end + 1;
        }

        return result;
    }

    private static RawNode? ReadOne(string text, int lineOffset, int maxDepth, ProblemSink problems, string formatName)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var newlines = new List<int>();
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        int LineOf(long offset)
        {
            int idx = newlines.BinarySearch((int)offset);
            int before = idx >= 0 ? idx : ~idx;
            return lineOffset + before + 1;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = Math.Max(1, maxDepth),
        });

        var stack = new Stack<Frame>();
        RawNode? root = null;
        try
        {
            while (reader.Read())
            {
                int line = LineOf(reader.TokenStartIndex);
                RawNode? completed = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        stack.Push(new Frame(new RawMapping(line)));
                        continue;
                    case JsonTokenType.StartArray:
                        stack.Push(new Frame(new RawSequence(line)));
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        completed = stack.Pop().Node;
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = stack.Peek();
                        string key = reader.GetString()!;
                        if (((RawMapping)frame.Node).Find(key) is { } previous)
                        {
                            problems.Add(line, key, "the key '" + key + "' appears twice in the same object (first at line " + previous.KeyLine + "). Keep one.");
                        }

                        frame.PendingKey = key;
                        frame.PendingKeyLine = line;
                        continue;
                    case JsonTokenType.String:
                        completed = new RawScalar(reader.GetString(), line);
                        break;
                    case JsonTokenType.Number:
                        completed = new RawScalar(Encoding.UTF8.GetString(reader.ValueSpan), line);
                        break;
                    case JsonTokenType.True:
                        completed = new RawScalar("true", line);
                        break;
                    case JsonTokenType.False:
                        completed = new RawScalar("false", line);
                        break;
                    case JsonTokenType.Null:
                        completed = new RawScalar(null, line);
                        break;
                    default:
                        continue;
                }

                if (stack.Count == 0)
                {
                    root = completed;
                    continue;
                }

                var top = stack.Peek();
                if (top.Node is RawSequence list)
                {
                    list.Items.Add(completed);
                }
                else if (top.Node is RawMapping mapping && top.PendingKey is not null)
                {
                    mapping.Entries.Add(new RawEntry(top.PendingKey, top.PendingKeyLine, completed));
                    top.PendingKey = null;
                }
            }
        }
        catch (JsonException e)
        {
            int line = lineOffset + (int)(e.LineNumber ?? 0) + 1;
            problems.Add(line, null, "invalid " + formatName + ": " + Describe(e) + " Check for a missing comma, quote or bracket on this line or the one before it.");
            return null;
        }

        return root;
    }

    private static string Describe(JsonException e)
    {
        string message = e.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message.Substring(0, cut);
        }

        message = message.Trim();
        return message.EndsWith('.') ? message : message + ".";
    }

    private sealed class Frame
    {
        public Frame(RawNode node) => Node = node;

        public RawNode Node { get; }

        public string? PendingKey { get; set; }

        public int PendingKeyLine { get; set; }
    }
}
