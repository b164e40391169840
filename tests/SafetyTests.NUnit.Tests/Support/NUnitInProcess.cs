using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace SafetyTests.NUnit.Tests.Support;

/// <summary>
/// Runs real NUnit fixtures (the nested classes of the test files) through NUnit's own engine, in process: the
/// assembly is built by <see cref="DefaultTestAssemblyBuilder"/> exactly as a runner would, one fixture class is
/// selected with a class filter and run by <see cref="NUnitTestAssemblyRunner"/>, and the results of its test
/// cases are returned. One run at a time: NUnit redirects the console while it runs.
/// </summary>
internal static class NUnitInProcess
{
    private static readonly object Gate = new();

    public static RunReport Run(Type fixture)
    {
        lock (Gate)
        {
            var runner = new NUnitTestAssemblyRunner(new DefaultTestAssemblyBuilder());
            runner.Load(fixture.Assembly, new Dictionary<string, object>());
            var filter = TestFilter.FromXml("<filter><class>" + SecurityElement.Escape(fixture.FullName) + "</class></filter>");
            var discovered = new List<ITest>();
            Collect(runner.ExploreTests(filter), discovered);
            var result = runner.Run(TestListener.NULL, filter);
            var results = new List<CaseOutcome>();
            Collect(result, results);
            return new RunReport(discovered, results);
        }
    }

    private static void Collect(ITest test, List<ITest> into)
    {
        if (!test.IsSuite)
        {
            into.Add(test);
            return;
        }

        foreach (var child in test.Tests)
        {
            Collect(child, into);
        }
    }

    private static void Collect(ITestResult result, List<CaseOutcome> into)
    {
        if (!result.Test.IsSuite)
        {
            into.Add(new CaseOutcome(result));
            return;
        }

        foreach (var child in result.Children)
        {
            Collect(child, into);
        }
    }
}

/// <summary>The result of one NUnit test case, as a runner sees it.</summary>
internal sealed class CaseOutcome
{
    public CaseOutcome(ITestResult result)
    {
        Name = result.Test.Name;
        FullName = result.Test.FullName;
        State = result.ResultState;
        Message = result.Message ?? string.Empty;
        StackTrace = result.StackTrace ?? string.Empty;
        Output = result.Output ?? string.Empty;
        Properties = result.Test.Properties;
        AssertionResults = result is TestResult concrete ? concrete.AssertionResults.Count : 0;
    }

    public string Name { get; }

    public string FullName { get; }

    public ResultState State { get; }

    /// <summary>"Passed", "Failed", "Skipped", "Inconclusive" or "Warning".</summary>
    public string Outcome => State.Status.ToString();

    public string Message { get; }

    public string StackTrace { get; }

    public string Output { get; }

    public IPropertyBag Properties { get; }

    public int AssertionResults { get; }

    public IReadOnlyList<string> Property(string name) => Properties[name].Cast<object>().Select(v => v.ToString()!).ToList();

    public override string ToString() => Name + ": " + State + " " + Message;
}

/// <summary>The test cases NUnit discovered for a fixture and their results.</summary>
internal sealed class RunReport
{
    public RunReport(IReadOnlyList<ITest> discovered, IReadOnlyList<CaseOutcome> results)
    {
        Discovered = discovered;
        Results = results;
    }

    public IReadOnlyList<ITest> Discovered { get; }

    public IReadOnlyList<CaseOutcome> Results { get; }

    public CaseOutcome Single(string name) => Results.Single(r => r.Name == name);
}
