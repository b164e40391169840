namespace SafetyTests.Json;

/// <summary>The tokens of <see cref="JsonTokenReader"/>.</summary>
internal enum JsonToken
{
    None,
    StartObject,
    EndObject,
    StartArray,
    EndArray,
    PropertyName,
    String,
    Number,
    True,
    False,
    Null,
    EndOfDocument,
}
