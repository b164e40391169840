using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SafetyTests.Cases.Parsing;

/// <summary>
/// Reads YAML into <see cref="RawNode"/>s from YamlDotNet's event parser: no object construction, no type
/// activation, tags ignored, an explicit stack (no recursion) and a nesting limit.
/// </summary>
internal static class YamlCaseReader
{
    private static readonly Regex MarkPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

    public static RawNode? Read(string text, int maxDepth, ProblemSink problems)
    {
        try
        {
            return ReadCore(text, maxDepth, problems);
        }
        catch (YamlException e)
        {
            int line = (int)Math.Max(1, e.Start.Line);
            if (e.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && TabIndentedLine(text, line) is (int tabLine, int column))
            {
                // YamlDotNet reports a tab in the indentation at the start of the mapping or scalar it was scanning
                // (often the line before); the tab itself is what the author must fix.
                problems.Add(tabLine, null, "invalid YAML: a tab in the indentation (column " + column + "). YAML indents with spaces only: replace the tab with spaces.");
                return null;
            }

            string what = MarkPrefix.Replace(e.Message, string.Empty).TrimEnd('.');
            problems.Add(line, null, "invalid YAML: " + what + ". Check the indentation and quoting on this line or the one before it (quote text containing ': ' or starting with a special character).");
            return null;
        }
    }

    /// <summary>The first line at or after <paramref name="fromLine"/> (1-based) whose indentation holds a tab, with the tab's column.</summary>
    private static (int Line, int Column)? TabIndentedLine(string text, int fromLine)
    {
        int line = 1;
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            if (line >= fromLine)
            {
                for (int i = start; i < end && (text[i] == ' ' || text[i] == '\t'); i++)
                {
                    if (text[i] == '\t')
                    {
                        return (line, i - start + 1);
                    }
                }
            }

            line++;
            start = end + 1;
        }

        return null;
    }

    private static RawNode? ReadCore(string text, int maxDepth, ProblemSink problems)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, RawNode>(StringComparer.Ordinal);
        var stack = new Stack<Frame>();
        RawNode? root = null;
        int documents = 0;

        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            int line = (int)ev.Start.Line;
            RawNode? completed = null;
            switch (ev)
            {
                case DocumentStart:
                    documents++;
                    if (documents > 1)
                    {
                        problems.Add(line, null, "the file holds more than one YAML document ('---'). Put every case under one 'cases:' list in a single document.");
                        return null;
                    }

                    break;
                case Scalar scalar:
                    completed = new RawScalar(IsNull(scalar) ? null : scalar.Value, line);
                    Remember(anchors, scalar, completed);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out completed))
                    {
                        problems.Add(line, null, "the alias '*" + alias.Value.Value + "' refers to no anchor defined before it. Define '&" + alias.Value.Value + "' first.");
                        return null;
                    }

                    break;
                case SequenceStart seq:
                    if (stack.Count >= maxDepth)
                    {
                        problems.Add(line, null, "lists and mappings are nested deeper than " + maxDepth + " levels. Case files need only a few levels.");
                        return null;
                    }

                    var s = new RawSequence(line);
                    Remember(anchors, seq, s);
                    stack.Push(new Frame(s));
                    break;
                case MappingStart map:
                    if (stack.Count >= maxDepth)
                    {
                        problems.Add(line, null, "lists and mappings are nested deeper than " + maxDepth + " levels. Case files need only a few levels.");
                        return null;
                    }

                    var m = new RawMapping(line);
                    Remember(anchors, map, m);
                    stack.Push(new Frame(m));
                    break;
                case SequenceEnd:
                case MappingEnd:
                    completed = stack.Pop().Node;
                    break;
            }

            if (completed is null)
            {
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
            else if (top.Node is RawMapping mapping)
            {
                if (top.PendingKey is null)
                {
                    if (completed is not RawScalar { Value: not null } key)
                    {
                        problems.Add(completed.Line, null, "a mapping key must be plain text, not a " + completed.KindName + ".");
                        return null;
                    }

                    if (mapping.Find(key.Value) is { } previous)
                    {
                        problems.Add(completed.Line, key.Value, "the key '" + key.Value + "' appears twice in the same mapping (first at line " + previous.KeyLine + "). Keep one.");
                    }

                    top.PendingKey = key;
                }
                else
                {
                    mapping.Entries.Add(new RawEntry(top.PendingKey.Value!, top.PendingKey.Line, completed));
                    top.PendingKey = null;
                }
            }
        }

        return root;
    }

    private static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && (scalar.Value.Length == 0 || scalar.Value is "~" or "null" or "Null" or "NULL");

    private static void Remember(Dictionary<string, RawNode> anchors, NodeEvent ev, RawNode node)
    {
        if (!ev.Anchor.IsEmpty)
        {
            anchors[ev.Anchor.Value] = node;
        }
    }

    private sealed class Frame
    {
        public Frame(RawNode node) => Node = node;

        public RawNode Node { get; }

        public RawScalar? PendingKey { get; set; }
    }
}
