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

    /// <summary>Property names of records and baselines: returned as shared strings instead of new ones, each with its <see cref="NameId"/>.</summary>
    private static readonly string[] KnownNames =
    {
        "schema", "schemaVersion", "settings", "severityWeights", "countInconclusive", "countErrors", "provenance", "models", "slices", "cases",
        "slice", "metric", "passing", "failing", "inconclusive", "errored", "failureRate", "standardError", "lower", "upper",
        "caseId", "caseHash", "sourceFile", "sourceLine", "test", "category", "severity", "expectation", "tags", "verdict", "stopReason",
        "samples", "unsafe", "errors", "design", "mode", "maxFailureRate", "unacceptableFailureRate", "alpha", "beta", "maxSamples",
        "errorBudget", "seed", "intervalLower", "intervalUpper", "intervalConfidence", "modelId", "provider", "samplingSettings",
        "judges", "inputTokens", "outputTokens", "durationMs", "framework", "violations", "errorMessages", "low", "medium", "high", "critical",
    };

    private static readonly int[][] KnownNamesByLength = BuildKnownNames(KnownNames);

    private readonly TextReader? _reader;
    private readonly string _what;
    private char[] _buffer;
    private readonly bool[] _containers = new bool[MaxDepth]; // open containers, true: object
    private int _depth;
    private readonly StringBuilder _text = new();
    private int _length;
    private int _pos;
    private int _line = 1;
    private int _column = 1;
    private bool _needValue = true;   // at the start: the root value
    private bool _afterValue;         // a value (or the root) just ended
    private bool _rootDone;

    // The current string or number token: its text in the buffer (built into a string only when asked), or the
    // string itself when it had escapes or crossed a buffer refill.
    private string? _value;
    private int _valueStart;
    private int _valueLength = -1;

    // A number token that is a plain integer of at most 18 digits, already converted; or a decimal fraction
    // without exponent whose digits, read as an integer, are below 2^53 (mantissa / 10^digits is then exactly the
    // correctly rounded double).
    private bool _isSmallInteger;
    private long _integer;
    private bool _isSimpleDecimal;
    private bool _negative;
    private int _fractionDigits;

    private static readonly double[] PowersOfTen =
    {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

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

    /// <summary>An in-memory reader to be pointed at text with <see cref="Reset"/> and reused (one per thread for the gate's records).</summary>
    public JsonTokenReader(string what)
    {
        _what = what;
        _buffer = Array.Empty<char>();
    }

    public JsonToken Token { get; private set; }

    /// <summary>The property name, string value, or number text of the current token.</summary>
    public string? Value
    {
        get
        {
            if (_value is null && _valueLength >= 0)
            {
                _value = new string(_buffer, _valueStart, _valueLength);
            }

            return _value;
        }

        private set
        {
            _value = value;
            _valueLength = -1;
        }
    }

    /// <summary>1-based line of the current token's first character.</summary>
    public int TokenLine { get; private set; }

    /// <summary>1-based column of the current token's first character.</summary>
    public int TokenColumn { get; private set; }

    /// <summary>Where the current token starts in the reader's buffer (see <see cref="TryGetRawText"/>).</summary>
    public int TokenStart { get; private set; }

    /// <summary>How many times the buffer was refilled from the text reader (positions before a refill are gone).</summary>
    public int FillCount { get; private set; }

    /// <summary>
    /// The text from <paramref name="start"/> (a <see cref="TokenStart"/> taken when <see cref="FillCount"/> was
    /// <paramref name="fillCount"/>) to the current position; false when the buffer was refilled since or the text
    /// spans lines (so it cannot be replayed by <see cref="TryConsumeValue"/>).
    /// </summary>
    public bool TryGetRawText(int start, int fillCount, out string text)
    {
        text = string.Empty;
        if (fillCount != FillCount || start > _pos)
        {
            return false;
        }

        if (Array.IndexOf(_buffer, '\n', start, _pos - start) >= 0)
        {
            return false;
        }

        text = new string(_buffer, start, _pos - start);
        return true;
    }

    /// <summary>
    /// After a property name: when the value ahead is exactly <paramref name="raw"/> (the text of a complete object
    /// or array read before, from <see cref="TryGetRawText"/>), steps over it as if it had been read token by token
    /// and returns true; the token is then its closing bracket. Otherwise nothing moves.
    /// </summary>
    [MethodImpl(Optimization.Hot)]
    public bool TryConsumeValue(string raw)
    {
        if (Token != JsonToken.PropertyName || raw.Length < 2 || raw[0] is not ('{' or '['))
        {
            return false;
        }

        SkipWhitespace();
        char[] buffer = _buffer;
        int start = _pos;
        if (start + raw.Length > _length)
        {
            return false;
        }

        for (int i = 0; i < raw.Length; i++)
        {
            if (buffer[start + i] != raw[i])
            {
                return false;
            }
        }

        TokenLine = _line;
        TokenColumn = _column;
        TokenStart = start;
        _pos = start + raw.Length;
        _column += raw.Length;
        _needValue = false;
        Value = null;
        EndValue(raw[0] == '{' ? JsonToken.EndObject : JsonToken.EndArray);
        return true;
    }

    /// <summary>The number of well-known property names (<see cref="NameId"/> is below it).</summary>
    public static int KnownNameCount => KnownNames.Length;

    /// <summary>For a property name token: the index of a well-known name (records, baselines), or -1.</summary>
    public int NameId { get; private set; } = -1;

    /// <summary>When set, string values (not property names) are validated but not built; <see cref="Value"/> is null.</summary>
    public bool DiscardStringValues { get; set; }

    /// <summary>What is being read, for messages ("safety record").</summary>
    public string What => _what;

    /// <summary>Points an in-memory reader (see <see cref="JsonTokenReader(string)"/>) at <paramref name="buffer"/>[<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>), read in place, and starts over.</summary>
    public void Reset(char[] buffer, int start, int length)
    {
        if (_reader is not null)
        {
            throw new InvalidOperationException("A reader over a TextReader cannot be reset.");
        }

        _buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
        _pos = start;
        _length = start + length;
        _line = 1;
        _column = 1;
        _needValue = true;
        _afterValue = false;
        _rootDone = false;
        _depth = 0;
        Token = JsonToken.None;
        Value = null;
        _isSmallInteger = false;
        _isSimpleDecimal = false;
    }

    /// <summary>The current number token as a 64-bit integer; false when it is not one (a fraction, an exponent, out of range).</summary>
    [MethodImpl(Optimization.Hot)]
    public bool TryGetInt64(out long value)
    {
        if (Token == JsonToken.Number && _isSmallInteger)
        {
            value = _integer;
            return true;
        }

        value = 0;
        return Token == JsonToken.Number && long.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The current number token as a double (parsed in place where the runtime allows).</summary>
    [MethodImpl(Optimization.Hot)]
    public bool TryGetDouble(out double value)
    {
        value = 0;
        if (Token != JsonToken.Number)
        {
            return false;
        }

        if (_isSmallInteger)
        {
            // "-0" is negative zero, as double.Parse reads it.
            value = _integer == 0 && _negative ? -0.0 : _integer;
            return true;
        }

        if (_isSimpleDecimal)
        {
            double magnitude = Math.Abs(_integer) / PowersOfTen[_fractionDigits];
            value = _negative ? -magnitude : magnitude;
            return true;
        }

#if NET
        if (_value is null && _valueLength >= 0)
        {
            return double.TryParse(_buffer.AsSpan(_valueStart, _valueLength), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
#endif
        return double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The current string token, shared through <paramref name="pool"/> (no allocation when the pool has seen it).</summary>
    [MethodImpl(Optimization.Hot)]
    public string? PooledValue(Gate.StringPool pool)
    {
        if (_value is null && _valueLength >= 0)
        {
            return _value = pool.Get(_buffer, _valueStart, _valueLength);
        }

        return _value is null ? null : pool.Get(_value);
    }

    /// <summary>The current string token as an enum value by its name (no allocation on the common path).</summary>
    [MethodImpl(Optimization.Hot)]
    public bool TryGetEnum<T>(EnumNames<T> names, out T value)
        where T : struct, Enum
    {
        if (_value is null && _valueLength >= 0 && names.TryParseExact(_buffer, _valueStart, _valueLength, out value))
        {
            return true;
        }

        return names.TryParse(Value ?? string.Empty, out value);
    }

    /// <summary>Reads the next token.</summary>
    /// <exception cref="FormatException">The text is not valid JSON.</exception>
    [MethodImpl(Optimization.Hot)]
    public JsonToken Read()
    {
        SkipWhitespace();
        TokenLine = _line;
        TokenColumn = _column;
        TokenStart = _pos;
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
            bool objectOpen = _depth > 0 && _containers[_depth - 1];
            throw Error(
                _needValue || _depth == 0 ? "unexpected end of text, expected a value"
                : _afterValue ? (objectOpen ? "unexpected end of text, expected ',' or '}'" : "unexpected end of text, expected ',' or ']'")
                : objectOpen ? "unexpected end of text, expected a property name or '}'" : "unexpected end of text, expected a value or ']'");
        }

        bool inObject = _depth > 0 && _containers[_depth - 1];
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
            TokenStart = _pos;
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
        else if (!inObject && _depth > 0 && !_needValue)
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

        int depth = _depth;
        while (_depth >= depth)
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
        NameId = -1;
        Value = ReadString(name: true);
        if (NameId < 0)
        {
            // Unknown, or written with escapes.
            NameId = Array.IndexOf(KnownNames, Value);
        }

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
                if (_depth >= MaxDepth)
                {
                    throw Error(string.Format(CultureInfo.InvariantCulture, "nesting deeper than {0} levels", MaxDepth));
                }

                _containers[_depth++] = c == '{';
                _afterValue = false;
                return Token = c == '{' ? JsonToken.StartObject : JsonToken.StartArray;
            case '"':
                // The fast path leaves the text in the buffer (see Value); the slow path returns it built.
                string? built = ReadString(name: false);
                if (built is not null)
                {
                    Value = built;
                }

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
                    string? number = ReadNumber();
                    if (number is not null)
                    {
                        Value = number;
                    }

                    return EndValue(JsonToken.Number);
                }

                throw Error(string.Format(CultureInfo.InvariantCulture, "unexpected character '{0}', expected a value", Printable((char)c)));
        }
    }

    [MethodImpl(Optimization.Hot)]
    private JsonToken EndValue(JsonToken token)
    {
        Token = token;
        if (_depth == 0)
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
        bool wasObject = _containers[--_depth];
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

    /// <summary>Reads a number: wholly in the buffer, its text stays there (and a small integer is converted on the way); otherwise the text is returned.</summary>
    [MethodImpl(Optimization.Hot)]
    private string? ReadNumber()
    {
        _isSmallInteger = false;
        _isSimpleDecimal = false;
        int i = _pos;
        bool negative = i < _length && _buffer[i] == '-';
        if (negative)
        {
            i++;
        }

        int digits = i;
        long integer = 0;
        while (i < _length && _buffer[i] >= '0' && _buffer[i] <= '9')
        {
            integer = unchecked((integer * 10) + (_buffer[i] - '0'));
            i++;
        }

        int intDigits = i - digits;
        bool valid = intDigits > 0 && (intDigits == 1 || _buffer[digits] != '0');
        bool fraction = false;
        bool exponent = false;
        int fractionDigits = 0;
        if (valid && i < _length && _buffer[i] == '.')
        {
            fraction = true;
            int f = ++i;
            while (i < _length && _buffer[i] >= '0' && _buffer[i] <= '9')
            {
                integer = unchecked((integer * 10) + (_buffer[i] - '0'));
                i++;
            }

            fractionDigits = i - f;
            valid = i > f;
        }

        if (valid && i < _length && _buffer[i] is 'e' or 'E')
        {
            exponent = true;
            i++;
            if (i < _length && _buffer[i] is '+' or '-')
            {
                i++;
            }

            int e = i;
            while (i < _length && _buffer[i] >= '0' && _buffer[i] <= '9')
            {
                i++;
            }

            valid = i > e;
        }

        // In place only when the number visibly ended inside the buffer (a refill could continue it), or the
        // in-memory text ends with it.
        if (valid && (i < _length || _reader is null))
        {
            _isSmallInteger = !fraction && !exponent && intDigits <= 18;
            _isSimpleDecimal = fraction && !exponent && intDigits + fractionDigits <= 18 && fractionDigits < PowersOfTen.Length && integer <= (1L << 53);
            _fractionDigits = fractionDigits;
            _negative = negative;
            _integer = negative ? -integer : integer;
            _valueStart = _pos;
            _valueLength = i - _pos;
            _column += i - _pos;
            _pos = i;
            return null;
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
        char[] buffer = _buffer;
        int start = _pos;
        int end = Math.Min(_length, buffer.Length);
        for (int i = start; i < end; i++)
        {
            char ch = buffer[i];
            if (ch == '"')
            {
                string? result = null;
                if (name)
                {
                    result = Known(buffer, start, i - start, out int id);
                    NameId = id;
                }
                else if (!DiscardStringValues)
                {
                    _valueStart = start;
                    _valueLength = i - start;
                }

                _column += i - start + 1;
                _pos = i + 1;
                return result;
            }

            if (ch == '\\' || ch < ' ')
            {
                break;
            }
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
                return name || !DiscardStringValues ? _text.ToString() : null;
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

    private static int[][] BuildKnownNames(string[] names)
    {
        int max = 0;
        foreach (string n in names)
        {
            max = Math.Max(max, n.Length);
        }

        var lists = new List<int>[max + 1];
        for (int id = 0; id < names.Length; id++)
        {
            (lists[names[id].Length] ??= new List<int>()).Add(id);
        }

        var table = new int[max + 1][];
        for (int i = 0; i <= max; i++)
        {
            table[i] = lists[i]?.ToArray() ?? Array.Empty<int>();
        }

        return table;
    }

    [MethodImpl(Optimization.Hot)]
    private static string Known(char[] buffer, int start, int length, out int id)
    {
        if (length < KnownNamesByLength.Length)
        {
            foreach (int candidateId in KnownNamesByLength[length])
            {
                string candidate = KnownNames[candidateId];
                int k = 0;
                while (k < length && candidate[k] == buffer[start + k])
                {
                    k++;
                }

                if (k == length)
                {
                    id = candidateId;
                    return candidate;
                }
            }
        }

        id = -1;
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
        FillCount++;
        return _length > 0;
    }

    private static string Printable(char c) => c < ' ' || c > '~'
        ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)
        : c.ToString();
}
