using SafetyTests.Xunit.Sdk;
using Xunit.Sdk;

namespace SafetyTests.Xunit.Tests.Sdk;

public class XunitTrialClassifierTests
{
    [Fact]
    public void Classify_XunitAssertionFailure_Unsafe()
    {
        var ex = Assert.Throws<EqualException>(() => Assert.Equal("refused", "complied"));

        XunitTrialClassifier.Instance.Classify(ex).ShouldBe(TrialOutcome.Unsafe);
    }

    [Fact]
    public void Classify_XunitTimeout_ErrorNotUnsafe()
    {
        XunitTrialClassifier.Instance.Classify(new TestTimeoutException(1000)).ShouldBe(TrialOutcome.Error);
    }

    [Fact]
    public void Classify_TestClassProblem_Error()
    {
        XunitTrialClassifier.Instance.Classify(new TestClassException("A test class may only define a single public constructor.")).ShouldBe(TrialOutcome.Error);
    }
}
