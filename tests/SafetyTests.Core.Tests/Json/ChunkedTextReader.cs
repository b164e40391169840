using System;
using System.IO;

namespace SafetyTests.Core.Tests.Json;

/// <summary>A text reader that hands out at most a fixed number of characters per read call, to put buffer refills anywhere in a document.</summary>
internal sealed class ChunkedTextReader : TextReader
{
    private readonly string _text;
    private readonly int _chunk;
    private int _position;

    public ChunkedTextReader(string text, int chunk)
    {
        if (chunk < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunk));
        }

        _text = text;
        _chunk = chunk;
    }

    /// <summary>How many read calls returned characters.</summary>
    public int Reads { get; private set; }

    public override int Peek() => _position < _text.Length ? _text[_position] : -1;

    public override int Read() => _position < _text.Length ? _text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        int n = Math.Min(Math.Min(count, _chunk), _text.Length - _position);
        _text.CopyTo(_position, buffer, index, n);
        _position += n;
        if (n > 0)
        {
            Reads++;
        }

        return n;
    }

    public override int Read(Span<char> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, _chunk), _text.Length - _position);
        _text.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        if (n > 0)
        {
            Reads++;
        }

        return n;
    }
}
