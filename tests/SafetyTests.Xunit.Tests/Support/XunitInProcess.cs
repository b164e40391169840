using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SafetyTests.Xunit.Tests.Support;

/// <summary>
/// Runs real test classes through xUnit v2's own discoverer and runner, in process: discovery, serialization
/// round trip (as Test Explorer and the VSTest adapter do), execution, and the result messages.
/// </summary>
internal static class XunitInProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static IReadOnlyList<ITestCase> Discover(Type testClass)
    {
        var assembly = Reflector.Wrap(testClass.Assembly);
        using var discoverer = new XunitTestFrameworkDiscoverer(assembly, NoSourceInformation.Instance, new NullMessageSink());
        using var sink = new DiscoverySink();
        discoverer.Find(testClass.FullName!, includeSourceInformation: false, sink, new Options());
        if (!sink.Finished.Wait(Timeout))
        {
            throw new TimeoutException("xUnit discovery did not finish.");
        }

        return sink.TestCases;
    }

    /// <summary>Discovers, round-trips each test case through serialization, and runs the selected ones.</summary>
    public static async Task<RunReport> RunAsync(Type testClass, Func<ITestCase, bool>? select = null)
    {
        var assembly = Reflector.Wrap(testClass.Assembly);
        var discovered = Discover(testClass);
        using var discoverer = new XunitTestFrameworkDiscoverer(assembly, NoSourceInformation.Instance, new NullMessageSink());
        using var executor = new XunitTestFrameworkExecutor(testClass.Assembly.GetName(), NoSourceInformation.Instance, new NullMessageSink());
        var testCases = discovered
            .Where(select ?? (_ => true))
            .Select(tc => (IXunitTestCase)executor.Deserialize(discoverer.Serialize(tc)))
            .ToList();

        var sink = new ExecutionSink();
        using (var runner = new XunitTestAssemblyRunner(new TestAssembly(assembly), testCases, new NullMessageSink(), sink, new Options()))
        {
            await runner.RunAsync();
        }

        return new RunReport(discovered, sink.Results);
    }

    private sealed class NoSourceInformation : LongLivedMarshalByRefObject, ISourceInformationProvider
    {
        public static readonly NoSourceInformation Instance = new();

        public ISourceInformation? GetSourceInformation(ITestCase testCase) => null;

        public void Dispose()
        {
        }
    }

    internal sealed class Options : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
    {
        private readonly Dictionary<string, object?> _values = new()
        {
            ["xunit.execution.SynchronousMessageReporting"] = true,
            ["xunit.discovery.PreEnumerateTheories"] = true,
        };

        public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var value) && value is TValue typed ? typed : default!;

        public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
    }

    private sealed class DiscoverySink : LongLivedMarshalByRefObject, IMessageSink, IDisposable
    {
        private readonly List<ITestCase> _testCases = new();

        public ManualResetEventSlim Finished { get; } = new();

        public IReadOnlyList<ITestCase> TestCases
        {
            get
            {
                lock (_testCases)
                {
                    return _testCases.ToList();
                }
            }
        }

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestCaseDiscoveryMessage discovered)
            {
                lock (_testCases)
                {
                    _testCases.Add(discovered.TestCase);
                }
            }
            else if (message is IDiscoveryCompleteMessage)
            {
                Finished.Set();
            }

            return true;
        }

        public void Dispose() => Finished.Dispose();
    }

    private sealed class ExecutionSink : LongLivedMarshalByRefObject, IMessageSink
    {
        private readonly List<TestResult> _results = new();

        public IReadOnlyList<TestResult> Results
        {
            get
            {
                lock (_results)
                {
                    return _results.ToList();
                }
            }
        }

        public bool OnMessage(IMessageSinkMessage message)
        {
            TestResult? result = message switch
            {
                ITestPassed passed => new TestResult(passed.Test, "Passed", null, null, passed.Output),
                ITestFailed failed => new TestResult(failed.Test, "Failed", ExceptionUtility.CombineMessages(failed), ExceptionUtility.CombineStackTraces(failed), failed.Output),
                ITestSkipped skipped => new TestResult(skipped.Test, "Skipped", skipped.Reason, null, skipped.Output),
                _ => null,
            };
            if (result is not null)
            {
                lock (_results)
                {
                    _results.Add(result);
                }
            }

            return true;
        }
    }
}

internal sealed class TestResult
{
    public TestResult(ITest test, string outcome, string? message, string? stackTrace, string? output)
    {
        DisplayName = test.DisplayName;
        UniqueId = test.TestCase.UniqueID;
        Traits = test.TestCase.Traits;
        Outcome = outcome;
        Message = message ?? string.Empty;
        StackTrace = stackTrace ?? string.Empty;
        Output = output ?? string.Empty;
    }

    public string DisplayName { get; }

    public string UniqueId { get; }

    public Dictionary<string, List<string>> Traits { get; }

    public string Outcome { get; }

    public string Message { get; }

    public string StackTrace { get; }

    public string Output { get; }

    public override string ToString() => DisplayName + ": " + Outcome + " " + Message;
}

internal sealed class RunReport
{
    public RunReport(IReadOnlyList<ITestCase> discovered, IReadOnlyList<TestResult> results)
    {
        Discovered = discovered;
        Results = results;
    }

    public IReadOnlyList<ITestCase> Discovered { get; }

    public IReadOnlyList<TestResult> Results { get; }

    public TestResult Single(string displayName) => Results.Single(r => r.DisplayName == displayName);
}
