using SafetyTests.Trials;

namespace SafetyTests.Xunit.Sdk;

/// <summary>The trial classifier for xUnit: xUnit assertion failures (matched by name) are unsafe samples too.</summary>
internal static class XunitTrialClassifier
{
    /// <summary>Default rules plus <c>Xunit.Sdk.IAssertionException</c> and <c>Xunit.Sdk.XunitException</c>.</summary>
    public static readonly TrialClassifier Instance = TrialClassifier.Default
        .WithUnsafeExceptionType("Xunit.Sdk.IAssertionException")
        .WithUnsafeExceptionType("Xunit.Sdk.XunitException");
}
