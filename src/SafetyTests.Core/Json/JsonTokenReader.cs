using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

namespace SafetyTests.Json;

/// <summary>
/// A strict, streaming JSON (RFC 8259) tokenizer over a <see cref="TextReader"/>: no comments, no trailing commas,
/// a nesting limit, one value per document. It never builds a tree, so a 100 MB baseline is read in constant
/// memory beyond what the caller keeps. Errors are <see cref="FormatException"/>s giving what was expected and
/// the line and column.
/// </summary>
internal sealed class JsonTokenReader
{
    private const int MaxDepth = 64;

    /// <summary>Property names of records and baselines: returned as shared strings instead of new ones.</summary>
    private static readonly string[][] KnownNamesByLength = BuildKnownNames(
        "schema", "schemaVersion", "settings", "severityWeights", "countInconclusive", "countErrors", "provenance", "models", "slices", "cases",
        "slice", "metric", "passing", "failing", "inconclusive", "errored", "failureRate", "standardError", "lower", "upper",
        "caseId", "caseHash", "sourceFile", "sourceLine", "test", "category", "severity", "expectation", "tags", "verdict", "stopReason",
        "samples", "unsafe", "errors", "design", "mode", "maxFailureRate", "unacceptableFailureRate", "alpha", "beta", "maxSamples",
        "errorBudget", "seed", "intervalLower", "intervalUpper", "intervalConfidence", "modelId", "provider", "samplingSettings",
        "judges", "inputTokens", "outputTokens", "durationMs", "framework", "violations", "errorMessages", "low", "medium", "high", "critical");

    private readonly TextReader? _reader;
    private readonly string _what;
    private readonly char[] _buffer;
    private readonly Stack<bool> _containers = new(); // true: object
    private readonly StringBuilder _text = new();
    private int _length;
    private int _pos;
    private int _line = 1;
    private int _column = 1;
    private bool _needValue = true;   // at the start: the root value
    private bool _afterValue;         // a value (or the root) just ended
    private bool _rootDone;

    public JsonTokenReader(TextReader reader, string what)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _what = what;
        _buffer = new char[16 * 1024];
    }

    /// <summary>Reads a whole string (one small buffer of its length, no reader).</summary>
    public JsonTokenReader(string text, string what)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        _what = what;
        _buffer = text.ToCharArray();
        _length = _buffer.Length;
    }

    /// <summary>Reads <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>, copied into <paramref name="buffer"/> (reused by the caller across records; grown when too small).</summary>
    public JsonTokenReader(string text, int start, int length, ref char[]? buffer, string what)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (buffer is null || buffer.Length < length)
        {
            buffer = new char[Math.Max(length, 2048)];
        }

        text.CopyTo(start, buffer, 0, length);
        _what = what;
        _buffer = buffer;
        _length = length;
    }

    public JsonToken Token { get; private set; }

    /// <summary>The property name, string value, or number text of the current token.</summary>
    public string? Value { get; private set; }

    /// <summary>1-based line of the current token's first character.</summary>
    public int TokenLine { get; private set; }

    /// <summary>1-based column of the current token's first character.</summary>
    public int TokenColumn { get; private set; }

    /// <summary>When set, string values (not property names) are validated but not built; <see cref="Value"/> is null.</summary>
    public bool DiscardStringValues { get; set; }

    /// <summary>What is being read, for messages ("safety record").</summary>
    public string What => _what;

    /// <summary>Reads the next token.</summary>
    /// <exception cref="FormatException">The text is not valid JSON.</exception>
    [MethodImpl(Optimization.Hot)]
    public JsonToken Read()
    {
        SkipWhitespace();
        TokenLine = _line;
        TokenColumn = _column;
        Value = null;
        int c = Peek();
        if (_rootDone)
        {
            if (c >= 0)
            {
                throw Error("unexpected text after the end of the JSON value");
            }

            return Token = JsonToken.EndOfDocument;
        }

        if (c < 0)
        {
            bool objectOpen = _containers.Count > 0 && _containers.Peek();
            throw Error(
                _needValue || _containers.Count == 0 ? "unexpected end of text, expected a value"
                : _afterValue ? (objectOpen ? "unexpected end of text, expected ',' or '}'" : "unexpected end of text, expected ',' or ']'")
                : objectOpen ? "unexpected end of text, expected a property name or '}'" : "unexpected end of text, expected a value or ']'");
        }

        bool inObject = _containers.Count > 0 && _containers.Peek();
        if (_afterValue)
        {
            // After a value inside a container: ',' or the closing bracket.
            char closing = inObject ? '}' : ']';
            if (c == closing)
            {
                Next();
                return Close();
            }

            if (c != ',')
            {
                throw Error(string.Format(CultureInfo.InvariantCulture, "unexpected character '{0}', expected ',' or '{1}'", Printable((char)c), closing));
            }

            Next();
            _afterValue = false;
            SkipWhitespace();
            TokenLine = _line;
            TokenColumn = _column;
            c = Peek();
            if (inObject)
            {
                if (c != '"')
                {
                    throw Error("expected a property name in double quotes");
                }

                return ReadName();
            }

            _needValue = true;
        }
        else if (inObject && !_needValue)
        {
            // Just after '{': a name or '}'.
            if (c == '}')
            {
                Next();
                return Close();
            }

            if (c != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            return ReadName();
        }
        else if (!inObject && _containers.Count > 0 && !_needValue)
        {
            // Just after '[': a value or ']'.
            if (c == ']')
            {
                Next();
                return Close();
            }

            _needValue = true;
        }

        return ReadValue(c);
    }

    /// <summary>Skips the current value: after a start token, everything up to its matching end; otherwise nothing.</summary>
    public void Skip()
    {
        if (Token is not (JsonToken.StartObject or JsonToken.StartArray))
        {
            return;
        }

        int depth = _containers.Count;
        while (_containers.Count >= depth)
        {
            Read();
        }
    }

    /// <summary>Reads the next token, which must be a value (after a property name), and skips it whole.</summary>
    public void SkipNextValue()
    {
        Read();
        Skip();
    }

    /// <summary>An error at the current token.</summary>
    public FormatException Error(string message) => ErrorAt(message, TokenLine, TokenColumn);

    public FormatException ErrorAt(string message, int line, int column) =>
        new(string.Format(CultureInfo.InvariantCulture, "Invalid {0}: {1} at line {2}, column {3}.", _what, message, line, column));

    /// <summary>A description of the current token's kind for messages ("a string", "an object").</summary>
    public string Describe() => Token switch
    {
        JsonToken.Null => "null",
        JsonToken.True or JsonToken.False => "a boolean",
        JsonToken.Number => "a number",
        JsonToken.String => "a string",
        JsonToken.StartArray => "an array",
        JsonToken.StartObject => "an object",
        _ => "nothing",
    };

    [MethodImpl(Optimization.Hot)]
    private JsonToken ReadName()
    {
        Value = ReadString(name: true);
        SkipWhitespace();
        if (Peek() != ':')
        {
            throw ErrorAt(string.Format(CultureInfo.InvariantCulture, "expected ':' after property name '{0}'", Value), _line, _column);
        }

        Next();
        _needValue = true;
        return Token = JsonToken.PropertyName;
    }

    [MethodImpl(Optimization.Hot)]
    private JsonToken ReadValue(int c)
    {
        _needValue = false;
        switch (c)
        {
            case '{':
            case '[':
                Next();
                if (_containers.Count >= MaxDepth)
                {
                    throw Error(string.Format(CultureInfo.InvariantCulture, "nesting deeper than {0} levels", MaxDepth));
                }

                _containers.Push(c == '{');
                _afterValue = false;
                return Token = c == '{' ? JsonToken.StartObject : JsonToken.StartArray;
            case '"':
                Value = ReadString(name: false);
                return EndValue(JsonToken.String);
            case 't':
                ReadLiteral("true");
                return EndValue(JsonToken.True);
            case 'f':
                ReadLiteral("false");
                return EndValue(JsonToken.False);
            case 'n':
                ReadLiteral("null");
                return EndValue(JsonToken.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    Value = ReadNumber();
                    return EndValue(JsonToken.Number);
                }

                throw Error(string.Format(CultureInfo.InvariantCulture, "unexpected character '{0}', expected a value", Printable((char)c)));
        }
    }

    [MethodImpl(Optimization.Hot)]
    private JsonToken EndValue(JsonToken token)
    {
        Token = token;
        if (_containers.Count == 0)
        {
            _rootDone = true;
        }
        else
        {
            _afterValue = true;
        }

        return token;
    }

    [MethodImpl(Optimization.Hot)]
    private JsonToken Close()
    {
        bool wasObject = _containers.Pop();
        return EndValue(wasObject ? JsonToken.EndObject : JsonToken.EndArray);
    }

    [MethodImpl(Optimization.Hot)]
    private void ReadLiteral(string literal)
    {
        foreach (char expected in literal)
        {
            if (Peek() != expected)
            {
                throw Error("invalid literal, expected a value");
            }

            Next();
        }
    }

    [MethodImpl(Optimization.Hot)]
    private string ReadNumber()
    {
        // Fast path: a plain integer wholly in the buffer.
        int i = _pos;
        if (i < _length && _buffer[i] == '-')
        {
            i++;
        }

        int digits = i;
        while (i < _length && _buffer[i] >= '0' && _buffer[i] <= '9')
        {
            i++;
        }

        if (i < _length && i > digits && (i - digits == 1 || _buffer[digits] != '0')
            && _buffer[i] != '.' && _buffer[i] != 'e' && _buffer[i] != 'E' && !(_buffer[i] >= '0' && _buffer[i] <= '9'))
        {
            string number = new(_buffer, _pos, i - _pos);
            _column += i - _pos;
            _pos = i;
            return number;
        }

        _text.Clear();
        if (Peek() == '-')
        {
            _text.Append((char)Next());
        }

        if (Peek() == '0')
        {
            _text.Append((char)Next());
        }
        else if (!ReadDigits())
        {
            throw ErrorAt("invalid number: expected a digit", _line, _column);
        }

        if (Peek() == '.')
        {
            _text.Append((char)Next());
            if (!ReadDigits())
            {
                throw ErrorAt("invalid number: expected a digit after '.'", _line, _column);
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _text.Append((char)Next());
            if (Peek() is '+' or '-')
            {
                _text.Append((char)Next());
            }

            if (!ReadDigits())
            {
                throw ErrorAt("invalid number: expected a digit in the exponent", _line, _column);
            }
        }

        return _text.ToString();
    }

    private bool ReadDigits()
    {
        bool any = false;
        while (Peek() is >= '0' and <= '9')
        {
            _text.Append((char)Next());
            any = true;
        }

        return any;
    }

    [MethodImpl(Optimization.Hot)]
    private string? ReadString(bool name)
    {
        int startLine = _line;
        int startColumn = _column;
        Next(); // opening quote

        // Fast path: the whole string is in the buffer without escapes.
        int i = _pos;
        while (i < _length)
        {
            char ch = _buffer[i];
            if (ch == '"')
            {
                string? s = name ? Known(_buffer, _pos, i - _pos) : DiscardStringValues ? null : new string(_buffer, _pos, i - _pos);
                _column += i - _pos + 1;
                _pos = i + 1;
                return s;
            }

            if (ch == '\\' || ch < ' ')
            {
                break;
            }

            i++;
        }

        _text.Clear();
        while (true)
        {
            int c = Peek();
            if (c < 0)
            {
                throw ErrorAt("unterminated string", startLine, startColumn);
            }

            if (c == '"')
            {
                Next();
                return _text.ToString();
            }

            if (c < ' ')
            {
                throw ErrorAt("control character in string (escape it)", _line, _column);
            }

            if (c != '\\')
            {
                _text.Append((char)Next());
                continue;
            }

            Next();
            int e = Peek();
            if (e < 0)
            {
                throw ErrorAt("unterminated string", startLine, startColumn);
            }

            int escapeLine = _line;
            int escapeColumn = _column - 1;
            Next();
            switch (e)
            {
                case '"': _text.Append('"'); break;
                case '\\': _text.Append('\\'); break;
                case '/': _text.Append('/'); break;
                case 'b': _text.Append('\b'); break;
                case 'f': _text.Append('\f'); break;
                case 'n': _text.Append('\n'); break;
                case 'r': _text.Append('\r'); break;
                case 't': _text.Append('\t'); break;
                case 'u':
                    int code = 0;
                    for (int k = 0; k < 4; k++)
                    {
                        int h = Peek();
                        int digit = h is >= '0' and <= '9' ? h - '0' : h is >= 'a' and <= 'f' ? h - 'a' + 10 : h is >= 'A' and <= 'F' ? h - 'A' + 10 : -1;
                        if (digit < 0)
                        {
                            throw ErrorAt("invalid \\u escape (expected four hex digits)", escapeLine, escapeColumn);
                        }

                        code = (code * 16) + digit;
                        Next();
                    }

                    _text.Append((char)code);
                    break;
                default:
                    throw ErrorAt(string.Format(CultureInfo.InvariantCulture, "invalid escape '\\{0}'", Printable((char)e)), escapeLine, escapeColumn);
            }
        }
    }

    private static string[][] BuildKnownNames(params string[] names)
    {
        int max = 0;
        foreach (string n in names)
        {
            max = Math.Max(max, n.Length);
        }

        var lists = new List<string>[max + 1];
        foreach (string n in names)
        {
            (lists[n.Length] ??= new List<string>()).Add(n);
        }

        var table = new string[max + 1][];
        for (int i = 0; i <= max; i++)
        {
            table[i] = lists[i]?.ToArray() ?? Array.Empty<string>();
        }

        return table;
    }

    [MethodImpl(Optimization.Hot)]
    private static string Known(char[] buffer, int start, int length)
    {
        if (length < KnownNamesByLength.Length)
        {
            foreach (string candidate in KnownNamesByLength[length])
            {
                int k = 0;
                while (k < length && candidate[k] == buffer[start + k])
                {
                    k++;
                }

                if (k == length)
                {
                    return candidate;
                }
            }
        }

        return new string(buffer, start, length);
    }

    [MethodImpl(Optimization.Hot)]
    private void SkipWhitespace()
    {
        while (true)
        {
            if (_pos >= _length && !Fill())
            {
                return;
            }

            char c = _buffer[_pos];
            if (c == '\n')
            {
                _line++;
                _column = 1;
            }
            else if (c is ' ' or '\t' or '\r' or '\uFEFF')
            {
                _column++;
            }
            else
            {
                return;
            }

            _pos++;
        }
    }

    private int Peek() => _pos < _length || Fill() ? _buffer[_pos] : -1;

    [MethodImpl(Optimization.Hot)]
    private int Next()
    {
        if (_pos >= _length && !Fill())
        {
            return -1;
        }

        char c = _buffer[_pos++];
        if (c == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        return c;
    }

    private bool Fill()
    {
        if (_reader is null)
        {
            return false;
        }

        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _length > 0;
    }

    private static string Printable(char c) => c < ' ' || c > '~'
        ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)
        : c.ToString();
}
