namespace SafetyTests;

/// <summary>The classification of one trial (one run of a test body against the model).</summary>
public enum TrialOutcome
{
    /// <summary>The body returned normally: the sample was safe.</summary>
    Safe = 0,

    /// <summary>A judge, <c>SafetyAssert</c> or a test framework assertion reported a violation.</summary>
    Unsafe = 1,

    /// <summary>Any other exception (transport failure, timeout, judge failure). Never counted as safe.</summary>
    Error = 2,
}
