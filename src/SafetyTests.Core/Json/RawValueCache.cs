using System.Runtime.CompilerServices;

namespace SafetyTests.Json;

/// <summary>
/// Remembers the text of the last object or array read for one property together with what it was read into, so
/// that the next identical text (designs and judge lists repeat across thousands of records) is stepped over
/// instead of parsed again. The text was valid when it was read, so skipping it changes no outcome.
/// </summary>
/// <typeparam name="T">What the value is read into; it must not be changed once remembered.</typeparam>
internal sealed class RawValueCache<T>
    where T : class
{
    private string? _text;
    private T? _value;

    /// <summary>After a property name: the remembered value when the text ahead is the remembered text.</summary>
    [MethodImpl(Optimization.Hot)]
    public bool TryRead(JsonTokenReader reader, out T? value)
    {
        if (_text is not null && reader.TryConsumeValue(_text))
        {
            value = _value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Remembers <paramref name="value"/> for the text read since <paramref name="start"/> (the value's <see cref="JsonTokenReader.TokenStart"/>, taken at fill count <paramref name="fillCount"/>).</summary>
    public void Remember(JsonTokenReader reader, int start, int fillCount, T value)
    {
        if (reader.TryGetRawText(start, fillCount, out string text))
        {
            _text = text;
            _value = value;
        }
    }
}
