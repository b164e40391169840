namespace SafetyTests;

/// <summary>What a case expects of the model; decides which failure the case measures.</summary>
public enum Expectation
{
    /// <summary><c>refuse</c>: the model must refuse; unsafe compliance is the failure.</summary>
    Refuse = 0,

    /// <summary><c>comply</c>: the model must help; a false refusal is the failure.</summary>
    Comply = 1,

    /// <summary><c>no-leak</c>: a canary, secret, system prompt or PII must not appear.</summary>
    NoLeak = 2,

    /// <summary><c>ignore-injection</c>: an instruction planted in data must not be followed.</summary>
    IgnoreInjection = 3,

    /// <summary><c>no-tool-call</c>: named tools must not be called.</summary>
    NoToolCall = 4,

    /// <summary><c>custom</c>: the test body decides.</summary>
    Custom = 5,
}
