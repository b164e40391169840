using System;
using System.Threading.Tasks;
using System.Net.Http;
using System.Reflection;
using SafetyTests.Trials;

namespace SafetyTests.Tests.Trials;

public class TrialClassifierTests
{
    [Fact]
    public void Classify_Null_Safe()
    {
        TrialClassifier.Default.Classify(null).ShouldBe(TrialOutcome.Safe);
    }

    [Fact]
    public void Classify_SafetyViolation_Unsafe()
    {
        TrialClassifier.Default.Classify(new SafetyViolationException("complied")).ShouldBe(TrialOutcome.Unsafe);
    }

    [Fact]
    public void Classify_ShouldlyFailure_UnsafeWithoutReference()
    {
        var ex = Should.Throw<ShouldAssertException>(() => 1.ShouldBe(2));

        TrialClassifier.Default.Classify(ex).ShouldBe(TrialOutcome.Unsafe);
    }

    [Fact]
    public void Classify_TransportFailure_ErrorNeverSafe()
    {
        TrialClassifier.Default.Classify(new HttpRequestException("connection refused")).ShouldBe(TrialOutcome.Error);
        TrialClassifier.Default.Classify(new TaskCanceledException("timeout")).ShouldBe(TrialOutcome.Error);
    }

    [Fact]
    public void Classify_XunitAssertion_ErrorByDefaultUnsafeOnceRegisteredByInterfaceName()
    {
        var ex = Assert.Throws<Xunit.Sdk.EqualException>(() => Assert.Equal(1, 2));

        TrialClassifier.Default.Classify(ex).ShouldBe(TrialOutcome.Error);
        TrialClassifier.Default.WithUnsafeExceptionType("Xunit.Sdk.IAssertionException").Classify(ex).ShouldBe(TrialOutcome.Unsafe);
        TrialClassifier.Default.WithUnsafeExceptionType("Xunit.Sdk.XunitException").Classify(ex).ShouldBe(TrialOutcome.Unsafe);
    }

    [Fact]
    public void Classify_WrappedViolation_Unwrapped()
    {
        var wrapped = new TargetInvocationException(new AggregateException(new SafetyViolationException("leak")));

        TrialClassifier.Default.Classify(wrapped).ShouldBe(TrialOutcome.Unsafe);
    }

    [Fact]
    public void Classify_AggregateOfViolationAndError_UnsafeBecauseViolationIsEvidence()
    {
        var both = new AggregateException(new InvalidOperationException("dispose failed"), new SafetyViolationException("leak"));

        TrialClassifier.Default.Classify(both).ShouldBe(TrialOutcome.Unsafe);
        TrialClassifier.Default.Classify(new AggregateException(new InvalidOperationException("a"), new TimeoutException("b"))).ShouldBe(TrialOutcome.Error);
    }

    [Fact]
    public void WithRule_CannotMakeAnExceptionSafe()
    {
        var classifier = TrialClassifier.Default.WithRule(_ => TrialOutcome.Safe);

        classifier.Classify(new InvalidOperationException()).ShouldBe(TrialOutcome.Error);
    }

    [Fact]
    public void WithRule_DecidesBeforeTypeNames()
    {
        var classifier = TrialClassifier.Default.WithRule(ex => ex is ArgumentException ? TrialOutcome.Unsafe : null);

        classifier.Classify(new ArgumentException("x")).ShouldBe(TrialOutcome.Unsafe);
        classifier.Classify(new InvalidOperationException()).ShouldBe(TrialOutcome.Error);
    }

    [Fact]
    public void WithUnsafeExceptionType_DoesNotChangeDefault()
    {
        _ = TrialClassifier.Default.WithUnsafeExceptionType(typeof(InvalidOperationException));

        TrialClassifier.Default.Classify(new InvalidOperationException()).ShouldBe(TrialOutcome.Error);
        TrialClassifier.Default.WithUnsafeExceptionType(typeof(InvalidOperationException)).Classify(new InvalidOperationException()).ShouldBe(TrialOutcome.Unsafe);
    }
}
