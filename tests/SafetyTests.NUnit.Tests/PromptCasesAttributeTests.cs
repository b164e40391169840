using System;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using SafetyTests.NUnit.Tests.Support;

namespace SafetyTests.NUnit.Tests;

/// <summary>
/// <see cref="PromptCasesAttribute"/> is an ordinary NUnit parameter data source: without <see cref="SafetyTestAttribute"/>
/// it gives NUnit's own combinatorial tests (one plain run per case), and its errors are readable failing tests.
/// </summary>
public class PromptCasesAttributeTests
{
    private const string Cases = "cases/acceptance.yaml";

    [Fact]
    public void WithPlainTest_OneDeterministicRunPerCaseWithNUnitDefaultNames()
    {
        PlainTest.Calls = 0;
        var report = NUnitInProcess.Run(typeof(PlainTest));

        report.Results.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ShouldBe(new[] { "Plain(acc-001)", "Plain(acc-002)", "Plain(ctl-001)" });
        report.Results.ShouldAllBe(r => r.State == ResultState.Success);
        PlainTest.Calls.ShouldBe(3);
        report.Results.ShouldAllBe(r => !r.Output.Contains("##safetytests-record"));
    }

    [Fact]
    public void WithPlainTest_MissingFileIsAReadableFailingTest()
    {
        var report = NUnitInProcess.Run(typeof(PlainTestMissingFile));

        var result = report.Results.ShouldHaveSingleItem();
        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldStartWith("Case file cases/nope.yaml: file not found: resolved to ");
    }

    [Fact]
    public void WithPlainTest_CombinesWithOtherParameterSources()
    {
        var report = NUnitInProcess.Run(typeof(PlainCombined));

        report.Results.Count.ShouldBe(2 * 2);
        report.Results.Select(r => r.Name).ShouldContain("Combined(acc-001,\"en\")");
    }

    public sealed class PlainTest
    {
        public static int Calls;

        [Test]
        public void Plain([PromptCases(Cases)] PromptCase c)
        {
            global::NUnit.Framework.Assert.That(SafetyTrial.Current, Is.Null);
            Interlocked.Increment(ref Calls);
        }
    }

    public sealed class PlainTestMissingFile
    {
        [Test]
        public void Plain([PromptCases("cases/nope.yaml")] PromptCase c)
        {
        }
    }

    public sealed class PlainCombined
    {
        [Test]
        public void Combined([PromptCases(Cases, Category = "jailbreak")] PromptCase c, [Values("en", "fr")] string language)
        {
        }
    }
}
