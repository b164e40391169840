using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SafetyTests.Statistics;
using SafetyTests.Tool.CommandLine;
using SafetyTests.Tool.Commands;

namespace SafetyTests.Tool.Tests.Commands;

public class PlanCommandTests
{
    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await new PlanCommand().RunAsync(arguments, new CommandConsole(output, error), CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task RunAsync_OnlyP0_UsesPlannerDefaults()
    {
        var (exitCode, output, _) = await RunAsync("--max-failure-rate", "0.05", "--format", "json");

        exitCode.ShouldBe(0);
        var expected = DesignPlanner.Summarize(DesignPlanner.Plan(0.05));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.GetProperty("unacceptableFailureRate").GetDouble().ShouldBe(0.15);
        root.GetProperty("unacceptableFailureRateIsDefault").GetBoolean().ShouldBeTrue();
        root.GetProperty("maxSamples").GetInt32().ShouldBe(expected.MaxSamples);
        root.GetProperty("maxSamplesIsDefault").GetBoolean().ShouldBeTrue();
        root.GetProperty("alpha").GetDouble().ShouldBe(expected.ActualAlpha);
        root.GetProperty("beta").GetDouble().ShouldBe(expected.ActualBeta);
        root.GetProperty("nominalAlpha").GetDouble().ShouldBe(0.05);
        root.GetProperty("nominalBeta").GetDouble().ShouldBe(0.10);
        root.GetProperty("expectedSamplesAtP0").GetDouble().ShouldBe(expected.AtMaxFailureRate.ExpectedSamples);
        root.GetProperty("fixedN").GetInt32().ShouldBe(77);
        root.GetProperty("maxTrials").GetInt32().ShouldBe(expected.MaxTrials);
        root.GetProperty("operatingCharacteristic").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task RunAsync_ExplicitCapAndErrorRates_AreUsed()
    {
        var (exitCode, output, _) = await RunAsync("--max-failure-rate=0.05", "--unacceptable-rate=0.2", "--alpha=0.1", "--beta=0.2", "--max-samples=40", "--format=json");

        exitCode.ShouldBe(0);
        var expected = DesignPlanner.Summarize(DesignPlanner.Plan(0.05, 0.2, 0.1, 0.2, 40));
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("maxSamples").GetInt32().ShouldBe(40);
        json.RootElement.GetProperty("maxSamplesIsDefault").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("alpha").GetDouble().ShouldBe(expected.ActualAlpha);
        json.RootElement.GetProperty("nominalAlpha").GetDouble().ShouldBe(0.1);
    }

    [Fact]
    public async Task RunAsync_MissingRequiredAndBadValues_ReportsEveryProblem()
    {
        var (exitCode, output, error) = await RunAsync("--alpha", "abc", "--max-samples", "0", "--format", "xml", "--unacceptable-rate", "2");

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("safety plan: --alpha 'abc' is not a number");
        error.ShouldContain("safety plan: --format 'xml' is not allowed; allowed: text, json");
        error.ShouldContain("safety plan: --max-failure-rate is required: the acceptable unsafe rate p0, a number in (0, 1)");
        error.ShouldContain("safety plan: --unacceptable-rate = 2 is invalid: allowed is a number in (0, 1).");
        error.ShouldContain("safety plan: --max-samples = 0 is invalid: allowed is a whole number from 1 to 100000.");
        error.ShouldContain("Run 'safety plan --help'");
    }

    [Fact]
    public async Task RunAsync_UnknownOptionAndMissingValue_ExitTwo()
    {
        var (exitCode, _, error) = await RunAsync("--max-failure-rate", "0.05", "--maxsamples", "10", "--beta");

        exitCode.ShouldBe(2);
        error.ShouldContain("unknown option '--maxsamples'; known options: --max-failure-rate, --unacceptable-rate");
        error.ShouldContain("option '--beta' needs a value (B)");
        error.ShouldNotContain("unexpected argument");
    }

    [Fact]
    public async Task RunAsync_CapTooSmallToPass_NamesTheFewestSamples()
    {
        var (exitCode, _, error) = await RunAsync("--max-failure-rate", "0.01", "--unacceptable-rate", "0.1", "--max-samples", "10");

        exitCode.ShouldBe(2);
        error.ShouldContain("--max-samples = 10 is invalid: allowed is at least 24 (the fewest samples with which this sequential design can pass");
    }

    [Fact]
    public async Task RunAsync_Help_PrintsOptionsAndExitsZero()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        exitCode.ShouldBe(0);
        output.ShouldContain("--max-failure-rate P0");
        output.ShouldContain("--format text|json");
    }

    [Fact]
    public async Task RunAsync_Text_ShowsOperatingCharacteristicAndMatchedFixedDesign()
    {
        var (exitCode, output, _) = await RunAsync("--max-failure-rate", "0.05", "--unacceptable-rate", "0.2");

        exitCode.ShouldBe(0);
        output.ShouldContain("H0: unsafe rate ≤ 0.05 (acceptable)   H1: unsafe rate ≥ 0.2 (given)");
        output.ShouldContain("0.05 (p0)");
        output.ShouldContain("0.2 (p1)");
        output.ShouldContain("Matched fixed-n design: 38 samples, fail when x ≥ 5");
        output.ShouldContain("SPRT expected samples as a share of it: 37% at p = 0");
    }
}
