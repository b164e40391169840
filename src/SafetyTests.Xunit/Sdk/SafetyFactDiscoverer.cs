using System.Collections.Generic;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SafetyTests.Xunit.Sdk;

/// <summary>Discovers the single safety test of a <see cref="SafetyFactAttribute"/> method, or a readable failing test for misuse.</summary>
internal sealed class SafetyFactDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnosticMessageSink;

    public SafetyFactDiscoverer(IMessageSink diagnosticMessageSink)
    {
        _diagnosticMessageSink = diagnosticMessageSink;
    }

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        string where = SafetyDiscovery.Where("SafetyFact", testMethod);
        var options = SafetyDiscovery.ReadOptions(factAttribute);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (factAttribute.GetNamedArgument<string>("Skip") is not null)
        {
            return new[] { new SafetyTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, options, dataRow: null) };
        }

        string? problem = null;
        if (testMethod.Method.GetParameters().GetEnumerator().MoveNext())
        {
            problem = where + ": [SafetyFact] methods take no parameters. To run one test per prompt case, use [SafetyTheory] with [PromptCases(\"cases/your-cases.yaml\")].";
        }
        else if (testMethod.Method.IsGenericMethodDefinition)
        {
            problem = where + ": safety test methods cannot be generic.";
        }
        else if (options.GetProblems() is { Count: > 0 } problems)
        {
            problem = SafetyDiscovery.SettingsMessage(where, problems);
        }

        return new[]
        {
            problem is null
                ? new SafetyTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, options, dataRow: null)
                : SafetyDiscovery.Problem(_diagnosticMessageSink, discoveryOptions, testMethod, problem),
        };
    }
}
