namespace SafetyTests.Json;

/// <summary>The kind of a parsed JSON value.</summary>
internal enum JsonKind
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}
