using System.Collections.Generic;

namespace SafetyTests.Cases.Parsing;

/// <summary>A format-neutral node of a case file (scalar, sequence or mapping) with the line it starts on.</summary>
internal abstract class RawNode
{
    protected RawNode(int line) => Line = line;

    /// <summary>The 1-based line where the node starts.</summary>
    public int Line { get; }

    /// <summary>A short name of the node kind for messages ("text", "list", "mapping").</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar value; <see cref="Value"/> is <see langword="null"/> for an explicit null.</summary>
internal sealed class RawScalar : RawNode
{
    public RawScalar(string? value, int line)
        : base(line) => Value = value;

    public string? Value { get; }

    public override string KindName => Value is null ? "null" : "text";
}

/// <summary>A list of nodes.</summary>
internal sealed class RawSequence : RawNode
{
    public RawSequence(int line)
        : base(line)
    {
    }

    public List<RawNode> Items { get; } = new();

    public override string KindName => "list";
}

/// <summary>A mapping of keys to nodes, in file order.</summary>
internal sealed class RawMapping : RawNode
{
    public RawMapping(int line)
        : base(line)
    {
    }

    public List<RawEntry> Entries { get; } = new();

    public override string KindName => "mapping";

    public RawEntry? Find(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Key == key)
            {
                return e;
            }
        }

        return null;
    }
}

/// <summary>One key of a mapping with the line the key is on.</summary>
internal sealed class RawEntry
{
    public RawEntry(string key, int keyLine, RawNode value)
    {
        Key = key;
        KeyLine = keyLine;
        Value = value;
    }

    public string Key { get; }

    public int KeyLine { get; }

    public RawNode Value { get; }
}
