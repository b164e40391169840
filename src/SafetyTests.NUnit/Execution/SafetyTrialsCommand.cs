using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;
using SafetyTests.Trials;

namespace SafetyTests.NUnit.Execution;

/// <summary>
/// Runs one safety test: samples the wrapped test method command as trials through the trial engine and reports ONE
/// result: passed, failed (Fail, or Inconclusive by policy), error (the Error verdict) or inconclusive (Inconclusive
/// with <see cref="InconclusiveBehavior.Skip"/>). The test output carries the summary and one safety record line.
/// </summary>
/// <remarks>
/// <para>It wraps the innermost command (the method call, inside SetUp/TearDown), so exceptions reach it unrecorded and
/// the engine's classifier decides what they mean.</para>
/// <para>Isolation: each trial runs in its own <see cref="TestExecutionContext.IsolatedContext"/>, the mechanism NUnit
/// uses for <c>Assert.Throws</c>: a copy of the test's context with a fresh <see cref="TestResult"/>. Assertion results,
/// warnings and <c>Assert.Multiple</c> scopes recorded by a trial stay in that trial's result; only its text output
/// (<see cref="TestContext.Out"/>, the console) is carried over to the test's output. The test's own
/// result is set once, from the verdict.</para>
/// </remarks>
internal sealed class SafetyTrialsCommand : DelegatingTestCommand
{
    private const string Framework = "nunit";
    private const int MaxWarningLength = 300;

    private readonly SafetyRunOptions _options;

    public SafetyTrialsCommand(TestCommand innerCommand, SafetyRunOptions options)
        : base(innerCommand)
    {
        _options = options;
    }

    public override TestResult Execute(TestExecutionContext context)
    {
        var test = Test;
        SafetyTrialRunner runner;
        try
        {
            runner = new SafetyTrialRunner(_options, NUnitTrialClassifier.Instance);
        }
        catch (SafetyOptionsException ex)
        {
            context.CurrentResult.SetResult(ResultState.NotRunnable, "[SafetyTest] on " + test.ClassName + "." + test.MethodName + ": " + ex.Message);
            return context.CurrentResult;
        }

        var promptCase = FindCase(test);
        string testName = test.ClassName + "." + test.MethodName;
        var runContext = promptCase is not null
            ? new SafetyRunContext(promptCase) { TestName = testName, Framework = Framework }
            : new SafetyRunContext(test.FullName) { TestName = testName, Framework = Framework };

        // Trials share the NUnit worker's thread when concurrency is off or the test needs its thread (STA, [SingleThreaded]).
        bool inline = _options.MaxConcurrency == 1
            || context.IsSingleThreaded
            || Thread.CurrentThread.GetApartmentState() == ApartmentState.STA;
        var warnings = new ConcurrentQueue<string>();

        SafetyRunResult result;
        try
        {
            result = runner.RunAsync(
                    runContext,
                    trial => inline ? RunInline(context, trial, warnings) : RunOnOwnThread(context, trial, warnings),
                    context.CancellationToken)
                .GetAwaiter()
                .GetResult();
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            context.CurrentResult.SetResult(ResultState.Cancelled, "The test run was cancelled before the case was decided.");
            return context.CurrentResult;
        }

        var output = context.OutWriter;
        if (DescribeWarnings(warnings) is { } warningLine)
        {
            output.WriteLine(warningLine);
        }

        output.WriteLine(result.Summary);
        output.WriteLine(result.RecordLine);

        if (result.SkipsTest)
        {
            context.CurrentResult.SetResult(ResultState.Inconclusive, result.Summary);
        }
        else if (!result.FailsTest)
        {
            context.CurrentResult.SetResult(ResultState.Success);
        }
        else
        {
            var evidence = result.FirstViolation ?? result.FirstError;
            string stack = CaseLocation(promptCase, test) + (evidence?.StackTrace is { } trace ? Environment.NewLine + trace : string.Empty);
            var state = result.Verdict == SafetyVerdict.Error ? ResultState.Error : ResultState.Failure;
            context.CurrentResult.SetResult(state, result.Summary, stack);
        }

        return context.CurrentResult;
    }

    private static PromptCase? FindCase(Test test)
    {
        foreach (var argument in test.Arguments)
        {
            if (argument is PromptCase promptCase)
            {
                return promptCase;
            }
        }

        return null;
    }

    private static string CaseLocation(PromptCase? promptCase, Test test)
    {
        var text = new StringBuilder("   at ");
        if (promptCase is not null)
        {
            text.Append(promptCase.Id).Append(" in ").Append(promptCase.Source.File);
            if (promptCase.Source.Line > 0)
            {
                text.Append(":line ").Append(promptCase.Source.Line.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            text.Append(test.FullName);
        }

        return text.ToString();
    }

    private static string? DescribeWarnings(ConcurrentQueue<string> warnings)
    {
        if (warnings.IsEmpty)
        {
            return null;
        }

        string first = string.Empty;
        foreach (string warning in warnings)
        {
            first = warning;
            break;
        }

        return string.Format(CultureInfo.InvariantCulture, "NUnit warnings in {0} trial{1} (warnings are not unsafe samples); first: {2}", warnings.Count, warnings.Count == 1 ? string.Empty : "s", first);
    }

    /// <summary>
    /// Runs a trial on a thread of its own: NUnit runs the method synchronously (it blocks on async bodies), so trials on
    /// thread-pool threads would starve the pool that their own awaits need to resume on.
    /// </summary>
    private ValueTask RunOnOwnThread(TestExecutionContext parent, SafetyTrial trial, ConcurrentQueue<string> warnings)
        => new(Task.Factory.StartNew(
            () => RunTrial(parent, trial, warnings),
            CancellationToken.None,
            TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default));

    private ValueTask RunInline(TestExecutionContext parent, SafetyTrial trial, ConcurrentQueue<string> warnings)
    {
        RunTrial(parent, trial, warnings);
        return default;
    }

    /// <summary>Runs the method once in an isolated context; returns for a safe sample, throws otherwise.</summary>
    private void RunTrial(TestExecutionContext parent, SafetyTrial trial, ConcurrentQueue<string> warnings)
    {
        if (!ReferenceEquals(TestExecutionContext.CurrentContext, parent))
        {
            parent.EstablishExecutionEnvironment();
        }

        TestResult trialResult;
        using (new TestExecutionContext.IsolatedContext())
        {
            var trialContext = TestExecutionContext.CurrentContext;
            try
            {
                trialResult = innerCommand.Execute(trialContext);
            }
            catch (Exception ex)
            {
                var thrown = Unwrap(ex);
                if (thrown is SuccessException)
                {
                    // Assert.Pass(): the body ended early and successfully.
                    return;
                }

                ExceptionDispatchInfo.Capture(thrown).Throw();
                throw;
            }
        }

        var state = trialResult.ResultState;
        switch (state.Status)
        {
            case TestStatus.Passed:
                return;
            case TestStatus.Warning:
                warnings.Enqueue("sample " + trial.SampleIndex.ToString(CultureInfo.InvariantCulture) + ": " + Shorten(trialResult.Message));
                return;
            case TestStatus.Failed when state.Label.Length == 0:
                // Assertion failures NUnit recorded without throwing (for example inside a caller's multiple-assert scope).
                throw new AssertionException(trialResult.Message ?? "NUnit recorded an assertion failure.");
            default:
                throw new TrialResultException("NUnit reported " + state + (string.IsNullOrEmpty(trialResult.Message) ? "." : ": " + trialResult.Message));
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        // NUnit wraps exceptions of synchronous test methods as NUnitException("Rethrown", inner).
        while (exception is NUnitException { InnerException: { } inner })
        {
            exception = inner;
        }

        return exception;
    }

    private static string Shorten(string? text)
    {
        string flat = (text ?? string.Empty).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Trim();
        return flat.Length <= MaxWarningLength ? flat : string.Concat(flat.AsSpan(0, MaxWarningLength - 1), "…");
    }
}
