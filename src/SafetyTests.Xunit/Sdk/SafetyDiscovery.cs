using System;
using System.Collections.Generic;
using System.Globalization;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SafetyTests.Xunit.Sdk;

/// <summary>What the safety discoverers share: reading the attribute's settings and wording misuse.</summary>
internal static class SafetyDiscovery
{
    /// <summary>Reads the settings of <c>[SafetyTheory]</c>/<c>[SafetyFact]</c> into engine options.</summary>
    public static SafetyRunOptions ReadOptions(IAttributeInfo factAttribute)
    {
        var settings = (factAttribute as IReflectionAttributeInfo)?.Attribute switch
        {
            SafetyTheoryAttribute theory => theory.Settings,
            SafetyFactAttribute fact => fact.Settings,
            _ => null,
        };
        return settings?.ToOptions() ?? new SafetyRunOptions();
    }

    /// <summary>"[SafetyTheory] on Class.Method".</summary>
    public static string Where(string attribute, ITestMethod testMethod)
        => string.Format(CultureInfo.InvariantCulture, "[{0}] on {1}.{2}", attribute, testMethod.TestClass.Class.Name, testMethod.Method.Name);

    /// <summary>A test that fails with the message instead of running.</summary>
    public static IXunitTestCase Problem(IMessageSink sink, ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, string message)
        => new SafetyTestCase(sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, message);

    /// <summary>The settings problem message: where, then every problem.</summary>
    public static string SettingsMessage(string where, IReadOnlyList<string> problems)
        => where + ": " + new SafetyOptionsException(problems).Message;
}
