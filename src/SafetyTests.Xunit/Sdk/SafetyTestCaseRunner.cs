using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SafetyTests.Trials;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SafetyTests.Xunit.Sdk;

/// <summary>
/// Runs one safety test: samples the test method as trials through the trial engine (each trial a fresh test
/// class instance, with before/after attributes and the method's Timeout) and reports ONE result: passed,
/// failed with the evidence, or skipped (Inconclusive with <see cref="InconclusiveBehavior.Skip"/>). The test
/// output carries the summary and one safety record line.
/// </summary>
internal sealed class SafetyTestCaseRunner : XunitTestCaseRunner
{
    private const string Framework = "xunit";

    public SafetyTestCaseRunner(SafetyTestCase testCase, string displayName, string skipReason, object[] constructorArguments, object[] testMethodArguments, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        : base(testCase, displayName, skipReason, constructorArguments, testMethodArguments, messageBus, aggregator, cancellationTokenSource)
    {
    }

    private SafetyTestCase SafetyCase => (SafetyTestCase)TestCase;

    protected override async Task<RunSummary> RunTestAsync()
    {
        var test = CreateTest(TestCase, DisplayName);
        var summary = new RunSummary { Total = 1 };
        if (!MessageBus.QueueMessage(new TestStarting(test)))
        {
            CancellationTokenSource.Cancel();
            return summary;
        }

        string output = string.Empty;
        if (!string.IsNullOrEmpty(SkipReason))
        {
            summary.Skipped++;
            Queue(new TestSkipped(test, SkipReason));
        }
        else
        {
            var stopwatch = Stopwatch.StartNew();
            var outcome = Aggregator.HasExceptions
                ? new Outcome(Aggregator.ToException(), null, string.Empty)
                : await RunSafelyAsync(test).ConfigureAwait(false);
            summary.Time = (decimal)stopwatch.Elapsed.TotalSeconds;
            output = outcome.Output;
            if (outcome.SkipReason is not null)
            {
                summary.Skipped++;
                Queue(new TestSkipped(test, outcome.SkipReason));
            }
            else if (outcome.Failure is null)
            {
                Queue(new TestPassed(test, summary.Time, output));
            }
            else
            {
                summary.Failed++;
                Queue(new TestFailed(test, summary.Time, output, outcome.Failure));
            }
        }

        Queue(new TestFinished(test, summary.Time, output));
        return summary;
    }

    private async Task<Outcome> RunSafelyAsync(ITest test)
    {
        try
        {
            return await RunTrialsAsync(test).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return new Outcome(ex, null, string.Empty);
        }
    }

    private async Task<Outcome> RunTrialsAsync(ITest test)
    {
        if (SafetyCase.Problem is { } problem)
        {
            return new Outcome(new SafetyCaseFailedException(problem, CaseLocation()), null, string.Empty);
        }

        SafetyTrialRunner runner;
        try
        {
            runner = new SafetyTrialRunner(SafetyCase.Options, XunitTrialClassifier.Instance);
        }
        catch (SafetyOptionsException ex)
        {
            return new Outcome(new SafetyCaseFailedException(Where() + ": " + ex.Message, null), null, string.Empty);
        }

        string testName = TestCase.TestMethod.TestClass.Class.Name + "." + TestCase.TestMethod.Method.Name;
        var context = SafetyCase.PromptCase is { } promptCase
            ? new SafetyRunContext(promptCase) { TestName = testName, Framework = Framework }
            : new SafetyRunContext(DisplayName) { TestName = testName, Framework = Framework };

        var (constructorArguments, outputHelper) = WithOutputHelper(ConstructorArguments);
        outputHelper?.Initialize(MessageBus, test);
        try
        {
            SafetyRunResult result;
            try
            {
                result = await runner.RunAsync(context, trial => RunOneTrialAsync(test, constructorArguments, trial), CancellationTokenSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (CancellationTokenSource.IsCancellationRequested)
            {
                return new Outcome(new SafetyCaseFailedException("The test run was cancelled before the case was decided.", null), null, outputHelper?.Output ?? string.Empty);
            }

            string output;
            if (outputHelper is not null)
            {
                outputHelper.WriteLine(result.Summary);
                outputHelper.WriteLine(result.RecordLine);
                output = outputHelper.Output;
            }
            else
            {
                output = result.Output;
            }

            if (result.SkipsTest)
            {
                return new Outcome(null, result.Output, output);
            }

            if (!result.FailsTest)
            {
                return new Outcome(null, null, output);
            }

            var evidence = result.FirstViolation ?? result.FirstError;
            string stack = CaseLocation() + (evidence?.StackTrace is { } trace ? Environment.NewLine + trace : string.Empty);
            return new Outcome(new SafetyCaseFailedException(result.Summary, stack), null, output);
        }
        finally
        {
            outputHelper?.Uninitialize();
        }
    }

    /// <summary>
    /// xUnit 2.9 passes a placeholder <c>Func&lt;TestOutputHelper&gt;</c> for an <see cref="ITestOutputHelper"/> constructor
    /// parameter and swaps in a fresh helper per test. Do the same on a copy, so concurrent trials share one helper
    /// and the class runner's array is left untouched.
    /// </summary>
    private static (object[] Arguments, TestOutputHelper? Helper) WithOutputHelper(object[] constructorArguments)
    {
        for (int i = 0; i < constructorArguments.Length; i++)
        {
            if (constructorArguments[i] is Func<TestOutputHelper> or TestOutputHelper)
            {
                var copy = (object[])constructorArguments.Clone();
                var helper = new TestOutputHelper();
                copy[i] = helper;
                return (copy, helper);
            }
        }

        return (constructorArguments, null);
    }

    private async ValueTask RunOneTrialAsync(ITest test, object[] constructorArguments, SafetyTrial trial)
    {
        var aggregator = new ExceptionAggregator();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(trial.CancellationToken);
        var invoker = new XunitTestInvoker(test, TrialMessageBus.Instance, TestClass, constructorArguments, TestMethod, TestMethodArguments, BeforeAfterAttributes, aggregator, cancellation);
        await invoker.RunAsync().ConfigureAwait(false);
        if (aggregator.ToException() is { } exception)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }
    }

    private string Where() => string.Format(CultureInfo.InvariantCulture, "{0}.{1}", TestCase.TestMethod.TestClass.Class.Name, TestCase.TestMethod.Method.Name);

    private string CaseLocation()
    {
        var promptCase = SafetyCase.PromptCase;
        var text = new StringBuilder("   at ");
        if (promptCase is not null)
        {
            text.Append(promptCase.Id).Append(" in ").Append(promptCase.Source.File);
            if (promptCase.Source.Line > 0)
            {
                text.Append(":line ").Append(promptCase.Source.Line.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (SafetyCase.CaseFile is { } file)
        {
            text.Append(SafetyCase.CaseId).Append(" in ").Append(file);
        }
        else
        {
            text.Append(Where());
        }

        return text.ToString();
    }

    private void Queue(IMessageSinkMessage message)
    {
        if (!MessageBus.QueueMessage(message))
        {
            CancellationTokenSource.Cancel();
        }
    }

    private sealed class Outcome
    {
        public Outcome(Exception? failure, string? skipReason, string output)
        {
            Failure = failure;
            SkipReason = skipReason;
            Output = output;
        }

        public Exception? Failure { get; }

        public string? SkipReason { get; }

        public string Output { get; }
    }
}
