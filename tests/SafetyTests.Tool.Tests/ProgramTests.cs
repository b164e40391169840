using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SafetyTests.Tool.CommandLine;

namespace SafetyTests.Tool.Tests;

public class ProgramTests
{
    [Fact]
    public async Task Main_PlanJson_PrintsOneObjectWithRequiredFields()
    {
        var (exitCode, output, error) = await ToolProcess.RunAsync("plan", "--max-failure-rate", "0.01", "--unacceptable-rate", "0.10", "--format", "json");

        exitCode.ShouldBe(0, error);
        error.ShouldBeEmpty();
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.ValueKind.ShouldBe(JsonValueKind.Object);
        root.GetProperty("alpha").GetDouble().ShouldBeLessThanOrEqualTo(0.055);
        root.GetProperty("beta").GetDouble().ShouldBeLessThanOrEqualTo(0.11);
        root.GetProperty("maxSamples").GetInt32().ShouldBe(82);
        root.GetProperty("expectedSamplesAtZero").GetDouble().ShouldBe(24, 1e-9);
        root.GetProperty("expectedSamplesAtP0").GetDouble().ShouldBeInRange(29, 30.3);
        root.GetProperty("expectedSamplesAtP1").GetDouble().ShouldBeInRange(21, 22.4);
        root.GetProperty("fixedN").GetInt32().ShouldBe(52);
        root.GetProperty("fixedFailThreshold").GetInt32().ShouldBe(3);
        root.GetProperty("boundaries").GetProperty("pass")[0].GetProperty("fromSamples").GetInt32().ShouldBe(24);
    }

    [Fact]
    public async Task Main_PlanText_PrintsBoundariesAndErrorRates()
    {
        var (exitCode, output, error) = await ToolProcess.RunAsync("plan", "--max-failure-rate", "0.01", "--unacceptable-rate", "0.1");

        exitCode.ShouldBe(0, error);
        output.ShouldContain("fail when x ≥ 2 for n 2–19; x ≥ 3 for n 20–45; x ≥ 4 for n 46–70");
        output.ShouldContain("pass when x ≤ 0 for n 24–48; x ≤ 1 for n 49–73");
        output.ShouldContain("actual α = ");
        output.ShouldContain("Matched fixed-n design: 52 samples, fail when x ≥ 3");
    }

    [Fact]
    public async Task Main_InvalidInput_ExitsTwoAndNamesEveryOptionWithItsRange()
    {
        var (exitCode, output, error) = await ToolProcess.RunAsync("plan", "--max-failure-rate", "0.2", "--unacceptable-rate", "0.1", "--alpha", "0.5", "--beta", "0");

        exitCode.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("--unacceptable-rate = 0.1 is invalid: allowed is a number greater than --max-failure-rate (0.2) and less than 1.");
        error.ShouldContain("--alpha = 0.5 is invalid: allowed is a number in (0, 0.5).");
        error.ShouldContain("--beta = 0 is invalid: allowed is a number in (0, 0.5).");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-0.1")]
    public async Task Main_AcceptableRateOutsideOpenUnitInterval_ExitsTwo(string rate)
    {
        var (exitCode, _, error) = await ToolProcess.RunAsync("plan", "--max-failure-rate", rate);

        exitCode.ShouldBe(2);
        error.ShouldContain($"--max-failure-rate = {rate} is invalid: allowed is a number in (0, 1).");
    }

    [Fact]
    public async Task Main_UnknownVerb_ExitsTwo()
    {
        var (exitCode, _, error) = await ToolProcess.RunAsync("frobnicate");

        exitCode.ShouldBe(2);
        error.ShouldContain("unknown verb 'frobnicate'");
        error.ShouldContain("plan");
    }

    [Fact]
    public async Task Main_NumbersUnderCommaCulture_ParseInvariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var console = new CommandConsole(new StringWriter(), new StringWriter());
            int exitCode = await Program.RunAsync(new[] { "plan", "--max-failure-rate", "0.05", "--format", "json" }, console, CancellationToken.None);

            exitCode.ShouldBe(0, console.Error.ToString());
            using var json = JsonDocument.Parse(console.Out.ToString()!);
            json.RootElement.GetProperty("maxFailureRate").GetDouble().ShouldBe(0.05);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task RunAsync_NoArguments_PrintsUsageAndExitsTwo()
    {
        var console = new CommandConsole(new StringWriter(), new StringWriter());
        int exitCode = await Program.RunAsync(System.Array.Empty<string>(), console, CancellationToken.None);

        exitCode.ShouldBe(2);
        console.Error.ToString()!.ShouldContain("usage: safety <verb>");
    }

    [Fact]
    public async Task RunAsync_Help_ListsVerbsAndExitsZero()
    {
        var console = new CommandConsole(new StringWriter(), new StringWriter());
        int exitCode = await Program.RunAsync(new[] { "--help" }, console, CancellationToken.None);

        exitCode.ShouldBe(0);
        console.Out.ToString()!.ShouldContain("  plan  ");
    }
}
