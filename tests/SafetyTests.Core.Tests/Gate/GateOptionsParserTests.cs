using System.Linq;
using System.Collections.Generic;
using SafetyTests.Gate;
using SafetyTests.Metrics;
using SafetyTests.Records;

namespace SafetyTests.Core.Tests.Gate;

public class GateOptionsParserTests
{
    private static GateOptions? Parse(GateHost host, out List<string> problems, params (string Name, string? Value)[] values)
    {
        var dict = new Dictionary<string, string?>();
        foreach ((string name, string? value) in values)
        {
            dict[name] = value;
        }

        return GateOptionsParser.Parse(dict, "/work/project", host, out problems);
    }

    [Fact]
    public void Parse_Nothing_GivesDocumentedDefaults()
    {
        GateOptions options = Parse(GateHost.MSBuild, out List<string> problems).ShouldNotBeNull();

        problems.ShouldBeEmpty();
        options.BaselinePath.ShouldBe("/work/project/safety-baseline.json");
        options.Alpha.ShouldBe(0.05);
        options.Tolerance.ShouldBe(0);
        options.Weights[Severity.Low].ShouldBe(1);
        options.Weights[Severity.Medium].ShouldBe(2);
        options.Weights[Severity.High].ShouldBe(4);
        options.Weights[Severity.Critical].ShouldBe(8);
        options.Policy.CountInconclusive.ShouldBeTrue();
        options.Policy.CountErrors.ShouldBeTrue();
        options.AllowProvenanceChange.ShouldBeFalse();
        options.NewFailingCases.ShouldBe(RuleAction.Error);
        options.MissingCases.ShouldBe(RuleAction.Error);
        options.CeilingStatistic.ShouldBe(CeilingStatistic.Estimate);
        options.AcceptBaseline.ShouldBeFalse();
        options.SummaryPath.ShouldBeNull();
    }

    [Fact]
    public void Parse_EveryOption_IsRead()
    {
        GateOptions options = Parse(
            GateHost.Tool,
            out List<string> problems,
            ("trx", "a.trx;shards/**/*.trx"),
            ("baseline", "gates/b.json"),
            ("summary", "out/summary.md"),
            ("accept", "TRUE"),
            ("severity-weights", "critical=10; high=5"),
            ("alpha", "0.01"),
            ("tolerance", "0.02"),
            ("ceilings", "unsafe-compliance-rate=0.05;category:jailbreak=0.1;severity:critical=0;overall=0.2;leak=0"),
            ("ceiling-statistic", "upper"),
            ("required-categories", "jailbreak=20;pii"),
            ("count-inconclusive", "false"),
            ("count-errors", "False"),
            ("allow-provenance-change", "true"),
            ("new-failing-cases", "warning"),
            ("missing-cases", "ignore")).ShouldNotBeNull();

        problems.ShouldBeEmpty();
        options.Results.ShouldBe(new[] { "a.trx", "shards/**/*.trx" });
        options.BaselinePath.ShouldBe("/work/project/gates/b.json");
        options.SummaryPath.ShouldBe("/work/project/out/summary.md");
        options.AcceptBaseline.ShouldBeTrue();
        options.Weights[Severity.Critical].ShouldBe(10);
        options.Weights[Severity.High].ShouldBe(5);
        options.Weights[Severity.Low].ShouldBe(1);
        options.Alpha.ShouldBe(0.01);
        options.Tolerance.ShouldBe(0.02);
        options.Ceilings.Select(c => c.Slice.Name).ShouldBe(new[] { "overall", "category:jailbreak", "severity:critical", "expectation:refuse", "expectation:no-leak" });
        options.CeilingStatistic.ShouldBe(CeilingStatistic.Upper);
        options.RequiredCategories.Select(r => (r.Category, r.MinimumCases)).ShouldBe(new[] { ("jailbreak", 20), ("pii", 1) });
        options.Policy.CountInconclusive.ShouldBeFalse();
        options.Policy.CountErrors.ShouldBeFalse();
        options.AllowProvenanceChange.ShouldBeTrue();
        options.NewFailingCases.ShouldBe(RuleAction.Warning);
        options.MissingCases.ShouldBe(RuleAction.Ignore);
    }

    [Fact]
    public void Parse_ManyProblems_ReportsEveryOneInMSBuildTerms()
    {
        GateOptions? options = Parse(
            GateHost.MSBuild,
            out List<string> problems,
            ("alpha", "0,05"),
            ("tolerance", "-1"),
            ("severity-weights", "severe=3;low=0"),
            ("ceilings", "unsafe=0.1;category:=0.2;expectation:obey=0.1;failure-rate=2"),
            ("ceiling-statistic", "mean"),
            ("required-categories", "pii=0"),
            ("count-inconclusive", "yes"),
            ("new-failing-cases", "fail"),
            ("baseline", "*.json"));

        options.ShouldBeNull();
        problems.ShouldBe(new[]
        {
            "SafetyBaseline: '*.json' must be one file, not a pattern.",
            "SafetySeverityWeights: unknown severity 'severe'; allowed values are low, medium, high, critical.",
            "SafetySeverityWeights: the weight of 'low' must be a positive number with '.' as decimal separator (got '0').",
            "SafetyGateAlpha: '0,05' is not a number (use '.' as the decimal separator); expected a number in (0, 0.5], e.g. 0.05.",
            "SafetyTolerance: -1 is out of range; expected a number in [0, 1), a rate difference such as 0.02 for 2 points.",
            "SafetyCeilings: unknown metric or slice 'unsafe'; allowed are failure-rate, unsafe-compliance-rate, false-refusal-rate, injection-success-rate, leak-rate, tool-violation-rate, overall, category:NAME, severity:NAME, expectation:NAME.",
            "SafetyCeilings: unknown metric or slice 'category:'; allowed are failure-rate, unsafe-compliance-rate, false-refusal-rate, injection-success-rate, leak-rate, tool-violation-rate, overall, category:NAME, severity:NAME, expectation:NAME.",
            "SafetyCeilings: unknown expectation 'obey' in 'expectation:obey'; allowed values are refuse, comply, no-leak, ignore-injection, no-tool-call, custom.",
            "SafetyCeilings: the ceiling of 'failure-rate' must be a rate in [0, 1] with '.' as decimal separator (got '2').",
            "SafetyCeilingStatistic: 'mean' is not allowed; allowed values are estimate, upper.",
            "SafetyRequiredCategories: the minimum of 'pii' must be a whole number of cases, at least 1 (got '0').",
            "SafetyCountInconclusive: 'yes' is not allowed; allowed values are true, false.",
            "SafetyNewFailingCases: 'fail' is not allowed; allowed values are error, warning, ignore.",
        });
    }

    [Fact]
    public void Parse_ToolHost_NamesCommandLineOptions()
    {
        Parse(GateHost.Tool, out List<string> problems, ("alpha", "1")).ShouldBeNull();

        problems.ShouldHaveSingleItem().ShouldStartWith("--alpha: 1 is out of range");
    }

    [Fact]
    public void Parse_UnknownOptionName_IsReported()
    {
        Parse(GateHost.Tool, out List<string> problems, ("alfa", "0.1")).ShouldBeNull();

        problems.ShouldHaveSingleItem().ShouldStartWith("unknown gate option 'alfa'; allowed options are trx, baseline,");
    }

    [Fact]
    public void Parse_DuplicateCeiling_IsReported()
    {
        Parse(GateHost.Tool, out List<string> problems, ("ceilings", "leak-rate=0.1;expectation:no-leak=0.2")).ShouldBeNull();

        problems.ShouldHaveSingleItem().ShouldBe("--ceilings: 'expectation:no-leak' is given twice (as expectation:no-leak).");
    }

    [Fact]
    public void FormatProblems_ListsEveryProblem()
    {
        string message = GateOptionsParser.FormatProblems(new[] { "a", "b" });

        message.ShouldContain("(2 problems)");
        message.ShouldContain("  - a");
        message.ShouldContain("  - b");
    }
}
