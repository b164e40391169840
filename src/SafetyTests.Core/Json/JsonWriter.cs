using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace SafetyTests.Json;

/// <summary>
/// A small forward-only JSON writer (BCL only, for netstandard2.0): compact (one line) or indented with two
/// spaces and <c>\n</c> line ends. Numbers are written in the invariant culture, doubles so they round-trip.
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder _text;
    private readonly TextWriter? _sink;
    private readonly bool _indented;
    private readonly Stack<bool> _hasItems = new();
    private bool _afterName;
#if !NET
    private char[]? _copy;
#endif

    public JsonWriter(bool indented = false, TextWriter? sink = null)
    {
        _indented = indented;
        _sink = sink;
        _text = new StringBuilder(256);
    }

    /// <summary>With a sink: hands the text written so far to it once it grows past 64K characters.</summary>
    public void FlushIfLarge()
    {
        if (_sink is not null && _text.Length > 1 << 16)
        {
            Flush();
        }
    }

    /// <summary>With a sink: hands all text written so far to it.</summary>
    public void Flush()
    {
        if (_sink is not null)
        {
#if NET
            foreach (ReadOnlyMemory<char> chunk in _text.GetChunks())
            {
                _sink.Write(chunk.Span);
            }
#else
            char[] copy = _copy ??= new char[1 << 14];
            for (int start = 0; start < _text.Length; start += copy.Length)
            {
                int count = Math.Min(copy.Length, _text.Length - start);
                _text.CopyTo(start, copy, 0, count);
                _sink.Write(copy, 0, count);
            }
#endif
            _text.Clear();
        }
    }

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void Name(string name)
    {
        BeforeValue();
        WriteString(_text, name);
        _text.Append(_indented ? ": " : ":");
        _afterName = true;
    }

    public void String(string? value)
    {
        BeforeValue();
        if (value is null)
        {
            _text.Append("null");
        }
        else
        {
            WriteString(_text, value);
        }
    }

    public void Number(long value)
    {
        BeforeValue();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Number(double value)
    {
        BeforeValue();
        _text.Append(FormatDouble(value));
    }

    public void Bool(bool value)
    {
        BeforeValue();
        _text.Append(value ? "true" : "false");
    }

    /// <summary>Starts a value written by the caller straight into the returned builder (compact values inside indented output).</summary>
    public StringBuilder RawValue()
    {
        BeforeValue();
        return _text;
    }

    /// <summary>Writes an already serialized JSON value as it is (for compact values inside indented output).</summary>
    public void Raw(string json)
    {
        BeforeValue();
        _text.Append(json);
    }

    public void Null()
    {
        BeforeValue();
        _text.Append("null");
    }

    public void Property(string name, string? value)
    {
        Name(name);
        String(value);
    }

    public void Property(string name, long value)
    {
        Name(name);
        Number(value);
    }

    public void Property(string name, double value)
    {
        Name(name);
        Number(value);
    }

    public void Property(string name, bool value)
    {
        Name(name);
        Bool(value);
    }

    /// <summary>Writes a string array property (an empty list is written as <c>[]</c>).</summary>
    public void Property(string name, IEnumerable<string> values)
    {
        Name(name);
        StartArray();
        foreach (string value in values)
        {
            String(value);
        }

        EndArray();
    }

    public override string ToString() => _text.ToString();

    /// <summary>
    /// Formats a double so that parsing it back gives the same bits. Non-finite values are written as the
    /// strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c> (JSON has no literal for them).
    /// </summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "\"NaN\"";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "\"Infinity\"";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "\"-Infinity\"";
        }

        // "R" is exact on .NET Core 3.0+, but .NET Framework's "R" can lose the last bit: verify there, fall back to G17.
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (IsNetFramework && double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        }

        if (value == 0 && BitConverter.DoubleToInt64Bits(value) != 0)
        {
            text = "-0.0";
        }

        return text.IndexOf('E') >= 0 ? text.Replace("E", "e") : text;
    }

    private static readonly bool IsNetFramework = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    /// <summary>Writes a JSON string literal. Escapes quotes, backslashes, every control character, U+2028/9 and lone surrogates, so the text is one line and valid XML content.</summary>
    [MethodImpl(Optimization.Hot)]
    public static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        int start = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            string? escape = null;
            if (c == '"')
            {
                escape = "\\\"";
            }
            else if (c == '\\')
            {
                escape = "\\\\";
            }
            else if (c < ' ' || c == '\u007f' || c == '\u2028' || c == '\u2029' || c == '\ufffe' || c == '\uffff')
            {
                escape = c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    _ => UnicodeEscape(c),
                };
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                escape = UnicodeEscape(c);
            }
            else if (char.IsLowSurrogate(c))
            {
                escape = UnicodeEscape(c);
            }

            if (escape is not null)
            {
                text.Append(value, start, i - start).Append(escape);
                start = i + 1;
            }
        }

        text.Append(value, start, value.Length - start).Append('"');
    }

    private static string UnicodeEscape(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);

    private void Open(char bracket)
    {
        BeforeValue();
        _text.Append(bracket);
        _hasItems.Push(false);
    }

    private void Close(char bracket)
    {
        if (_hasItems.Count == 0)
        {
            throw new InvalidOperationException("Unbalanced JSON writer: nothing to close.");
        }

        bool hadItems = _hasItems.Pop();
        if (_indented && hadItems)
        {
            NewLine();
        }

        _text.Append(bracket);
    }

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (_hasItems.Count > 0)
        {
            if (_hasItems.Peek())
            {
                _text.Append(',');
            }
            else
            {
                _hasItems.Pop();
                _hasItems.Push(true);
            }

            if (_indented)
            {
                NewLine();
            }
        }
    }

    private void NewLine()
    {
        _text.Append('\n');
        _text.Append(' ', _hasItems.Count * 2);
    }
}
