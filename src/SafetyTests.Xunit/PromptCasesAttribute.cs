using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Xunit.Sdk;

namespace SafetyTests.Xunit;

/// <summary>
/// Supplies one <see cref="PromptCase"/> per case of a case file (YAML, JSON, JSONL or CSV) as test data. With
/// <see cref="SafetyTheoryAttribute"/> every case becomes its own test (display name = case id, its own result in
/// Test Explorer and TRX, re-runnable alone) with the traits <c>category</c>, <c>severity</c>, <c>expect</c> and
/// <c>tag</c>. Relative paths resolve against the test output directory: copy case files there with
/// <c>&lt;None Include="cases/**" CopyToOutputDirectory="PreserveNewest" /&gt;</c>.
/// </summary>
/// <remarks>Filters take lists separated by <c>,</c>, <c>;</c> or <c>|</c>; values ignore case.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class PromptCasesAttribute : DataAttribute
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

    /// <summary>Loads, filters and returns the cases, one row each.</summary>
    /// <param name="testMethod">The test method.</param>
    /// <returns>One row per case: <c>new object[] { promptCase }</c>.</returns>
    /// <exception cref="PromptCaseFileException">The case file is missing or invalid (the message says where and how to fix it).</exception>
    /// <exception cref="ArgumentException">A filter names an unknown severity or expectation.</exception>
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        string? baseDirectory = testMethod.DeclaringType is { } type ? System.IO.Path.GetDirectoryName(type.Assembly.Location) : null;
        foreach (var promptCase in LoadCases(baseDirectory))
        {
            yield return new object[] { promptCase };
        }
    }

    /// <summary>The file and filters as the shared source.</summary>
    internal PromptCaseSource Source => new(Path) { Category = Category, Tag = Tag, Severity = Severity, Expect = Expect };

    /// <summary>Describes the filters for messages ("Category=jailbreak, Severity=high+"), or "no filter".</summary>
    internal string DescribeFilter() => Source.DescribeFilter();

    /// <summary>Loads the file and applies the filters.</summary>
    internal IReadOnlyList<PromptCase> LoadCases(string? baseDirectory) => Source.Load(baseDirectory);
}
