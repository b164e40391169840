using System;
using System.Collections.Generic;
using System.Threading;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using SafetyTests.Trials;

namespace SafetyTests.NUnit.Building;

/// <summary>
/// Builds the tests of a <see cref="SafetyTestAttribute"/> method: one per prompt case (named by its id, with the
/// case's category and properties), or one per combination of other parameter data, or one scenario without
/// parameters. Misuse (invalid settings, a generic method, parameters without data) becomes one not-runnable test
/// whose message names the problem and the fix; NUnit reports it as a failed test.
/// </summary>
internal static class SafetyTestBuilder
{
    /// <summary>The property that marks safety tests (for <c>--where "SafetyTest == true"</c>).</summary>
    public const string SafetyTestProperty = "SafetyTest";

    /// <summary>The property holding the case's severity (<c>low</c> … <c>critical</c>).</summary>
    public const string SeverityProperty = "Severity";

    /// <summary>The property holding the case's expectation (<c>refuse</c>, <c>comply</c>, …).</summary>
    public const string ExpectProperty = "Expect";

    /// <summary>The property holding the case's tags (one value per tag).</summary>
    public const string TagProperty = "Tag";

    /// <summary>The property holding the case file as given in <see cref="PromptCasesAttribute.Path"/>.</summary>
    public const string CaseFileProperty = "CaseFile";

    private static readonly NUnitTestCaseBuilder Builder = new();

    public static IEnumerable<TestMethod> BuildCases(IMethodInfo method, Test? suite, SafetyAttributeSettings settings, Func<IEnumerable<TestMethod>> combine)
    {
        var parameters = method.GetParameters();
        if (parameters.Length == 0)
        {
            // NUnit then asks ISimpleTestBuilder for the single scenario (BuildScenario).
            return Array.Empty<TestMethod>();
        }

        string where = Where(method);
        if (SettingsProblem(where, settings) is { } settingsProblem)
        {
            return new[] { Problem(method, suite, settingsProblem) };
        }

        if (method.IsGenericMethodDefinition)
        {
            return new[] { Problem(method, suite, where + ": safety test methods cannot be generic.") };
        }

        int supplied = parameters.Length;
        if (parameters[^1].ParameterType == typeof(CancellationToken))
        {
            supplied--;
        }

        for (int i = 0; i < supplied; i++)
        {
            if (!parameters[i].IsDefined<IParameterDataSource>(false))
            {
                if (HasOtherTestBuilders(method))
                {
                    // [TestCase]/[TestCaseSource] rows: their builders make the tests, our wrapper samples them.
                    return Array.Empty<TestMethod>();
                }

                return new[]
                {
                    Problem(method, suite, where + " has no test data for parameter '" + parameters[i].ParameterInfo.Name + "'. Add [PromptCases(\"cases/your-cases.yaml\")] to a PromptCase parameter, for example "
                        + method.Name + "([PromptCases(\"cases/your-cases.yaml\")] PromptCase c), to run one test per prompt case; or remove the parameters for a single scenario."),
                };
            }
        }

        var tests = new List<TestMethod>(combine());
        Name(method, suite, supplied, tests);
        return tests;
    }

    public static TestMethod BuildScenario(IMethodInfo method, Test? suite, SafetyAttributeSettings settings)
    {
        if (SettingsProblem(Where(method), settings) is { } problem)
        {
            return Problem(method, suite, problem);
        }

        return Builder.BuildTestMethod(method, suite, null);
    }

    /// <summary>"[SafetyTest] on Namespace.Class.Method".</summary>
    public static string Where(IMethodInfo method) => "[SafetyTest] on " + method.TypeInfo.FullName + "." + method.Name;

    private static string? SettingsProblem(string where, SafetyAttributeSettings settings)
    {
        var problems = settings.GetProblems();
        return problems.Count == 0 ? null : where + ": " + new SafetyOptionsException(problems).Message;
    }

    private static TestMethod Problem(IMethodInfo method, Test? suite, string message)
    {
        var parms = new TestCaseParameters { RunState = RunState.NotRunnable };
        parms.Properties.Set(PropertyNames.SkipReason, message);
        return Builder.BuildTestMethod(method, suite, parms);
    }

    private static bool HasOtherTestBuilders(IMethodInfo method)
    {
        foreach (var builder in method.GetCustomAttributes<ITestBuilder>(false))
        {
            if (builder is not SafetyTestAttribute)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Names each runnable case by its id (display name) and <c>Class.Method(id)</c> (full name, unique per method), and
    /// gives it the case's category and properties. An id found in two case files is qualified by its file.
    /// </summary>
    private static void Name(IMethodInfo method, Test? suite, int supplied, List<TestMethod> tests)
    {
        var idCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            if (supplied == 1 && OnlyCase(test) is { } promptCase)
            {
                idCounts[promptCase.Id] = idCounts.TryGetValue(promptCase.Id, out int n) ? n + 1 : 1;
            }
        }

        string prefix = suite?.FullName ?? method.TypeInfo.FullName;
        foreach (var test in tests)
        {
            PromptCase? promptCase = null;
            foreach (var argument in test.Arguments)
            {
                if (argument is PromptCase found)
                {
                    promptCase = found;
                    break;
                }
            }

            if (promptCase is null)
            {
                continue;
            }

            ApplyProperties(test, promptCase);
            if (supplied == 1 && test.RunState == RunState.Runnable)
            {
                bool unique = idCounts.TryGetValue(promptCase.Id, out int count) && count == 1;
                test.Name = unique ? promptCase.Id : promptCase.Id + " (" + promptCase.Source.File + ")";
                test.FullName = prefix + "." + method.Name + "(" + test.Name + ")";
            }
        }
    }

    private static PromptCase? OnlyCase(TestMethod test)
        => test.Arguments.Length >= 1 ? test.Arguments[0] as PromptCase : null;

    private static void ApplyProperties(TestMethod test, PromptCase promptCase)
    {
        test.Properties.Add(PropertyNames.Category, promptCase.Category);
        test.Properties.Set(SeverityProperty, CaseVocabulary.ToText(promptCase.Severity));
        test.Properties.Set(ExpectProperty, CaseVocabulary.ToText(promptCase.Expect));
        test.Properties.Set(CaseFileProperty, promptCase.Source.File);
        foreach (string tag in promptCase.Tags)
        {
            test.Properties.Add(TagProperty, tag);
        }
    }
}
