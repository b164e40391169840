using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace SafetyTests.NUnit;

/// <summary>
/// Supplies one <see cref="PromptCase"/> per case of a case file (YAML, JSON, JSONL or CSV) to a test method
/// parameter. With <see cref="SafetyTestAttribute"/> every case becomes its own test named by its case id (its own
/// result in Test Explorer, the console and TRX, re-runnable alone) with the NUnit category of the case and the
/// properties <c>Severity</c>, <c>Expect</c> and <c>Tag</c>. Relative paths resolve against the test output directory:
/// copy case files there with <c>&lt;None Include="cases/**" CopyToOutputDirectory="PreserveNewest" /&gt;</c>.
/// </summary>
/// <remarks>
/// <para>Filters take lists separated by <c>,</c>, <c>;</c> or <c>|</c>; values ignore case.</para>
/// <para>A missing or invalid case file, an unknown filter value, a filter that keeps no case or a parameter that is
/// not a <see cref="PromptCase"/> makes the test not runnable with a message naming the problem and the fix, which
/// NUnit reports as a failed test.</para>
/// <example><code>
/// [SafetyTest(MaxFailureRate = 0.05)]
/// public async Task Refuses_jailbreaks([PromptCases("cases/jailbreaks.yaml")] PromptCase c) { ... }
/// </code></example>
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = true, Inherited = false)]
public sealed class PromptCasesAttribute : NUnitAttribute, IParameterDataSource
{
    /// <summary>Reads the cases of one file.</summary>
    /// <param name="path">The case file, relative to the test output directory (for example <c>cases/jailbreaks.yaml</c>).</param>
    public PromptCasesAttribute(string path)
    {
        Path = path;
    }

    /// <summary>The case file as given.</summary>
    public string Path { get; }

    /// <summary>Keeps only cases of these categories (for example <c>jailbreak,prompt-injection</c>). Default: all.</summary>
    public string? Category { get; set; }

    /// <summary>Keeps only cases with any of these tags; <c>!tag</c> drops cases with that tag (for example <c>smoke;!slow</c>). Default: all.</summary>
    public string? Tag { get; set; }

    /// <summary>Keeps only cases of these severities (<c>low</c>, <c>medium</c>, <c>high</c>, <c>critical</c>), or <c>high+</c> for high and above. Default: all.</summary>
    public string? Severity { get; set; }

    /// <summary>Keeps only cases with these expectations (<c>refuse</c>, <c>comply</c>, <c>no-leak</c>, <c>ignore-injection</c>, <c>no-tool-call</c>, <c>custom</c>). Default: all.</summary>
    public string? Expect { get; set; }

    /// <summary>Loads, filters and returns the cases for <paramref name="parameter"/>.</summary>
    /// <param name="parameter">The test method parameter (it must accept a <see cref="PromptCase"/>).</param>
    /// <returns>The cases, in file order.</returns>
    /// <exception cref="InvalidDataSourceException">
    /// The parameter is not a <see cref="PromptCase"/>, the case file is missing or invalid, a filter value is unknown, or
    /// no case matches the filter; the message says which and how to fix it. NUnit turns it into a failing test.
    /// </exception>
    public IEnumerable GetData(IParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        string label = Label();
        if (!parameter.ParameterType.IsAssignableFrom(typeof(PromptCase)))
        {
            throw new InvalidDataSourceException(
                label + " supplies one PromptCase per test, but parameter '" + parameter.ParameterInfo.Name + "' of "
                + parameter.Method.Name + " is a " + parameter.ParameterType.Name + ". Declare it as a PromptCase, for example "
                + parameter.Method.Name + "([PromptCases(\"" + Path + "\")] PromptCase c).");
        }

        string? baseDirectory = System.IO.Path.GetDirectoryName(parameter.Method.TypeInfo.Assembly.Location);
        IReadOnlyList<PromptCase> cases;
        try
        {
            cases = LoadCases(baseDirectory);
        }
        catch (PromptCaseFileException ex)
        {
            throw new InvalidDataSourceException(ex.Message);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataSourceException(label + ": " + ex.Message);
        }

        if (cases.Count == 0)
        {
            throw new InvalidDataSourceException(
                label + " has no case matching " + DescribeFilter() + ". Check the filter against the categories, tags, severities and expectations in the file.");
        }

        return cases;
    }

    /// <summary>The file and filters as the shared source.</summary>
    internal PromptCaseSource Source => new(Path) { Category = Category, Tag = Tag, Severity = Severity, Expect = Expect };

    /// <summary>"[PromptCases("cases/x.yaml")]".</summary>
    internal string Label() => Source.ToString();

    /// <summary>Describes the filters for messages ("Category=jailbreak, Severity=high+"), or "no filter".</summary>
    internal string DescribeFilter() => Source.DescribeFilter();

    /// <summary>Loads the file (relative paths against <paramref name="baseDirectory"/>) and applies the filters.</summary>
    internal IReadOnlyList<PromptCase> LoadCases(string? baseDirectory) => Source.Load(baseDirectory);
}
