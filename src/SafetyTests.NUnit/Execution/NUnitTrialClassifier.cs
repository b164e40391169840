using NUnit.Framework;
using SafetyTests.Trials;

namespace SafetyTests.NUnit.Execution;

/// <summary>
/// The trial classifier for NUnit: besides the engine's defaults (<see cref="SafetyViolationException"/> and Shouldly
/// failures), NUnit assertion failures are unsafe samples: <see cref="AssertionException"/> (<c>Assert.That</c>,
/// <c>Assert.Fail</c>, classic asserts) and <see cref="MultipleAssertException"/> (<c>Assert.Multiple</c>,
/// <c>Assert.EnterMultipleScope</c>). Other NUnit outcomes thrown from a trial (<c>Assert.Ignore</c>,
/// <c>Assert.Inconclusive</c>, a failed <c>Assume.That</c>) give no evidence about safety and count as errored trials.
/// </summary>
internal static class NUnitTrialClassifier
{
    public static readonly TrialClassifier Instance = TrialClassifier.Default
        .WithUnsafeExceptionType(typeof(AssertionException))
        .WithUnsafeExceptionType(typeof(MultipleAssertException));
}
