using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SafetyTests.Xunit.Sdk;

/// <summary>
/// Discovers one safety test per prompt case of every <see cref="PromptCasesAttribute"/> on a
/// <see cref="SafetyTheoryAttribute"/> method (and one per serializable row of other data attributes). Misuse
/// (a missing or invalid case file, invalid settings, no data, a wrong signature) becomes one test that fails
/// with a message naming the problem and the fix.
/// </summary>
internal sealed class SafetyTheoryDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnosticMessageSink;

    public SafetyTheoryDiscoverer(IMessageSink diagnosticMessageSink)
    {
        _diagnosticMessageSink = diagnosticMessageSink;
    }

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        string where = SafetyDiscovery.Where("SafetyTheory", testMethod);
        var options = SafetyDiscovery.ReadOptions(factAttribute);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (factAttribute.GetNamedArgument<string>("Skip") is not null)
        {
            return new[] { new SafetyTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, options, dataRow: null) };
        }

        if (options.GetProblems() is { Count: > 0 } settingsProblems)
        {
            return new[] { SafetyDiscovery.Problem(_diagnosticMessageSink, discoveryOptions, testMethod, SafetyDiscovery.SettingsMessage(where, settingsProblems)) };
        }

        if (testMethod.Method.IsGenericMethodDefinition)
        {
            return new[] { SafetyDiscovery.Problem(_diagnosticMessageSink, discoveryOptions, testMethod, where + ": safety test methods cannot be generic.") };
        }

        var dataAttributes = testMethod.Method.GetCustomAttributes(typeof(DataAttribute)).ToList();
        if (dataAttributes.Count == 0)
        {
            return new[]
            {
                SafetyDiscovery.Problem(_diagnosticMessageSink, discoveryOptions, testMethod, where + " has no test data. Add [PromptCases(\"cases/your-cases.yaml\")] to run one test per prompt case, or use [SafetyFact] for a single scenario without cases."),
            };
        }

        var results = new List<IXunitTestCase>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dataAttribute in dataAttributes)
        {
            if ((dataAttribute as IReflectionAttributeInfo)?.Attribute is PromptCasesAttribute promptCases)
            {
                AddPromptCases(testMethod, promptCases, options, display, displayOptions, results, problems, seen);
            }
            else
            {
                AddDataRows(testMethod, dataAttribute, options, display, displayOptions, results, problems);
            }
        }

        if (problems.Count > 0)
        {
            string message = problems.Count == 1
                ? where + ": " + problems[0]
                : where + " has " + problems.Count.ToString(CultureInfo.InvariantCulture) + " problems:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
            results.Add(SafetyDiscovery.Problem(_diagnosticMessageSink, discoveryOptions, testMethod, message));
        }

        return results;
    }

    private void AddPromptCases(ITestMethod testMethod, PromptCasesAttribute attribute, SafetyRunOptions options, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, List<IXunitTestCase> results, List<string> problems, HashSet<string> seen)
    {
        string label = "[PromptCases(\"" + attribute.Path + "\")]";
        var parameters = testMethod.Method.GetParameters().ToList();
        var parameterType = parameters.Count == 1 ? (parameters[0].ParameterType as IReflectionTypeInfo)?.Type : null;
        if (parameterType is null || !parameterType.IsAssignableFrom(typeof(PromptCase)))
        {
            problems.Add(label + " supplies one PromptCase per test; declare the method with a single PromptCase parameter, for example "
                + testMethod.Method.Name + "(PromptCase c).");
            return;
        }

        IReadOnlyList<PromptCase> cases;
        try
        {
            cases = attribute.LoadCases(SafetyTestCase.AssemblyDirectory(testMethod));
        }
        catch (PromptCaseFileException ex)
        {
            problems.Add(ex.Message);
            return;
        }
        catch (ArgumentException ex)
        {
            problems.Add(label + ": " + ex.Message);
            return;
        }

        if (cases.Count == 0)
        {
            problems.Add(label + " has no case matching " + attribute.DescribeFilter() + ". Check the filter against the categories, tags, severities and expectations in the file.");
            return;
        }

        foreach (var promptCase in cases)
        {
            if (seen.Add(attribute.Path + "\0" + promptCase.Id))
            {
                results.Add(new SafetyTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, options, attribute.Path, promptCase));
            }
        }
    }

    private void AddDataRows(ITestMethod testMethod, IAttributeInfo dataAttribute, SafetyRunOptions options, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, List<IXunitTestCase> results, List<string> problems)
    {
        string name = (dataAttribute as IReflectionAttributeInfo)?.Attribute.GetType().Name ?? "a data attribute";
        try
        {
            var discovererAttribute = dataAttribute.GetCustomAttributes(typeof(DataDiscovererAttribute)).FirstOrDefault();
            var discoverer = discovererAttribute is null ? null : ExtensibilityPointFactory.GetDataDiscoverer(_diagnosticMessageSink, discovererAttribute);
            if (discoverer is null || !discoverer.SupportsDiscoveryEnumeration(dataAttribute, testMethod.Method))
            {
                problems.Add(name + " cannot be enumerated when tests are discovered; [SafetyTheory] needs data known at discovery, such as [PromptCases] or [InlineData].");
                return;
            }

            var rows = discoverer.GetData(dataAttribute, testMethod.Method);
            if (rows is null)
            {
                problems.Add(name + " returned no data (null).");
                return;
            }

            foreach (var row in rows)
            {
                if (!SerializationHelper.IsSerializable(row))
                {
                    problems.Add(name + " returned a row that xUnit cannot serialize; [SafetyTheory] rows must be serializable (strings, numbers, enums) so each is its own test. Use [PromptCases] for prompt cases.");
                    return;
                }

                results.Add(new SafetyTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, options, row));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add(name + " failed while enumerating its data: " + ex.GetType().Name + ": " + ex.Message);
        }
    }
}
