using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SafetyTests.Json;

/// <summary>
/// A strict JSON parser (RFC 8259) into <see cref="JsonNode"/> trees: no comments, no trailing commas, no
/// duplicate property names, a nesting limit. Errors are <see cref="FormatException"/>s that give the
/// line, column and what was expected.
/// </summary>
internal sealed class JsonParser
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private readonly string _what;
    private int _pos;
    private int _depth;

    private JsonParser(string text, string what)
    {
        _text = text;
        _what = what;
    }

    /// <summary>Parses one complete JSON document.</summary>
    /// <param name="text">The JSON text.</param>
    /// <param name="what">What the text is, for error messages ("safety record", "baseline file x.json").</param>
    /// <returns>The root value.</returns>
    /// <exception cref="FormatException">The text is not valid JSON.</exception>
    public static JsonNode Parse(string text, string what)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var parser = new JsonParser(text, what);
        parser.SkipWhitespace();
        if (parser._pos < text.Length && text[parser._pos] == '\uFEFF')
        {
            parser._pos++;
            parser.SkipWhitespace();
        }

        JsonNode root = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser._pos != text.Length)
        {
            throw parser.Error("unexpected text after the end of the JSON value");
        }

        return root;
    }

    /// <summary>Describes a character offset of <paramref name="text"/> as "line L, column C".</summary>
    public static string Where(string text, int position)
    {
        int line = 1;
        int column = 1;
        for (int i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return string.Format(CultureInfo.InvariantCulture, "line {0}, column {1}", line, column);
    }

    private FormatException Error(string message) => Error(message, _pos);

    private FormatException Error(string message, int position) =>
        new(string.Format(CultureInfo.InvariantCulture, "Invalid {0}: {1} at {2}.", _what, message, Where(_text, position)));

    private void SkipWhitespace()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _pos++;
            }
            else
            {
                break;
            }
        }
    }

    private JsonNode ParseValue()
    {
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end of text, expected a value");
        }

        char c = _text[_pos];
        switch (c)
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                int start = _pos;
                return JsonNode.String(ParseString(), start);
            case 't':
                return ParseLiteral("true", JsonKind.True);
            case 'f':
                return ParseLiteral("false", JsonKind.False);
            case 'n':
                return ParseLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw Error(string.Format(CultureInfo.InvariantCulture, "unexpected character '{0}', expected a value", Printable(c)));
        }
    }

    private JsonNode ParseLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw Error("invalid literal, expected a value");
        }

        int start = _pos;
        _pos += literal.Length;
        return JsonNode.Literal(kind, start);
    }

    private JsonNode ParseNumber()
    {
        int start = _pos;
        if (_text[_pos] == '-')
        {
            _pos++;
        }

        if (_pos < _text.Length && _text[_pos] == '0')
        {
            _pos++;
        }
        else if (!ReadDigits())
        {
            throw Error("invalid number: expected a digit", _pos);
        }

        if (_pos < _text.Length && _text[_pos] == '.')
        {
            _pos++;
            if (!ReadDigits())
            {
                throw Error("invalid number: expected a digit after '.'", _pos);
            }
        }

        if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            _pos++;
            if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-'))
            {
                _pos++;
            }

            if (!ReadDigits())
            {
                throw Error("invalid number: expected a digit in the exponent", _pos);
            }
        }

        return JsonNode.Number(_text.Substring(start, _pos - start), start);
    }

    private bool ReadDigits()
    {
        int start = _pos;
        while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
        {
            _pos++;
        }

        return _pos > start;
    }

    private string ParseString()
    {
        int open = _pos;
        _pos++; // opening quote
        StringBuilder? builder = null;
        int runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string", open);
            }

            char c = _text[_pos];
            if (c == '"')
            {
                string result = builder is null
                    ? _text.Substring(runStart, _pos - runStart)
                    : builder.Append(_text, runStart, _pos - runStart).ToString();
                _pos++;
                return result;
            }

            if (c < ' ')
            {
                throw Error("control character in string (escape it)");
            }

            if (c != '\\')
            {
                _pos++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _pos - runStart);
            _pos++;
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string", open);
            }

            char e = _text[_pos];
            switch (e)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_pos + 4 >= _text.Length
                        || !int.TryParse(_text.Substring(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("invalid \\u escape (expected four hex digits)");
                    }

                    builder.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error(string.Format(CultureInfo.InvariantCulture, "invalid escape '\\{0}'", Printable(e)));
            }

            _pos++;
            runStart = _pos;
        }
    }

    private JsonNode ParseArray()
    {
        int start = _pos;
        Enter();
        _pos++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == ']')
        {
            _pos++;
            _depth--;
            return JsonNode.Array(items, start);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue());
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw Error("unexpected end of text, expected ',' or ']'");
            }

            char c = _text[_pos++];
            if (c == ']')
            {
                _depth--;
                return JsonNode.Array(items, start);
            }

            if (c != ',')
            {
                throw Error(string.Format(CultureInfo.InvariantCulture, "unexpected character '{0}', expected ',' or ']'", Printable(c)), _pos - 1);
            }
        }
    }

    private JsonNode ParseObject()
    {
        int start = _pos;
        Enter();
        _pos++;
        var properties = new List<KeyValuePair<string, JsonNode>>();
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '}')
        {
            _pos++;
            _depth--;
            return JsonNode.Object(properties, start);
        }

        HashSet<string>? seen = null;
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != '"')
            {
                throw Error("expected a property name in double quotes");
            }

            int namePos = _pos;
            string name = ParseString();
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(name))
            {
                throw Error(string.Format(CultureInfo.InvariantCulture, "duplicate property '{0}'", name), namePos);
            }

            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != ':')
            {
                throw Error(string.Format(CultureInfo.InvariantCulture, "expected ':' after property name '{0}'", name));
            }

            _pos++;
            SkipWhitespace();
            properties.Add(new KeyValuePair<string, JsonNode>(name, ParseValue()));
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw Error("unexpected end of text, expected ',' or '}'");
            }

            char c = _text[_pos++];
            if (c == '}')
            {
                _depth--;
                return JsonNode.Object(properties, start);
            }

            if (c != ',')
            {
                throw Error(string.Format(CultureInfo.InvariantCulture, "unexpected character '{0}', expected ',' or '}}'", Printable(c)), _pos - 1);
            }
        }
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error(string.Format(CultureInfo.InvariantCulture, "nesting deeper than {0} levels", MaxDepth));
        }
    }

    private static string Printable(char c) => c < ' ' || c > '~'
        ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)
        : c.ToString();
}
