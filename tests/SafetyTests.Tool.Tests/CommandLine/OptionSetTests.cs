using SafetyTests.Tool.CommandLine;

namespace SafetyTests.Tool.Tests.CommandLine;

public class OptionSetTests
{
    private static OptionSet Options() => new OptionSet()
        .Add("--rate", "R", "a rate")
        .Add("--count", "N", "a count")
        .AddFlag("--verbose", "more output");

    [Fact]
    public void Parse_SpaceAndEqualsForms_ReadValues()
    {
        var parsed = Options().Parse(new[] { "--rate", "0.5", "--count=7", "--verbose", "file.txt" });

        parsed.Errors.ShouldBeEmpty();
        parsed.GetDouble("--rate").ShouldBe(0.5);
        parsed.GetInt32("--count").ShouldBe(7);
        parsed.Has("--verbose").ShouldBeTrue();
        parsed.Positionals.ShouldBe(new[] { "file.txt" });
    }

    [Fact]
    public void Parse_NegativeNumberValue_IsAValueNotAnOption()
    {
        var parsed = Options().Parse(new[] { "--rate", "-0.25" });

        parsed.Errors.ShouldBeEmpty();
        parsed.GetDouble("--rate").ShouldBe(-0.25);
    }

    [Fact]
    public void Parse_RepeatedOptionAndFlagWithValue_AreErrors()
    {
        var parsed = Options().Parse(new[] { "--rate", "1", "--rate", "2", "--verbose=yes" });

        parsed.Errors.ShouldBe(new[] { "option '--rate' is given more than once", "option '--verbose' takes no value" });
    }

    [Fact]
    public void GetDouble_CommaDecimal_IsRejectedInvariantly()
    {
        var parsed = Options().Parse(new[] { "--rate", "0,5" });

        parsed.GetDouble("--rate").ShouldBeNull();
        parsed.Errors.ShouldBe(new[] { "--rate '0,5' is not a number (write it like 0.05)" });
    }

    [Fact]
    public void GetInt32_Fraction_IsAnError()
    {
        var parsed = Options().Parse(new[] { "--count", "2.5" });

        parsed.GetInt32("--count").ShouldBeNull();
        parsed.Errors.ShouldBe(new[] { "--count '2.5' is not a whole number" });
    }

    [Fact]
    public void GetChoice_IsCaseInsensitiveAndReportsAllowedValues()
    {
        Options().Add("--format", "F", "format").Parse(new[] { "--format", "JSON" }).GetChoice("--format", "text", "text", "json").ShouldBe("json");
        var parsed = new OptionSet().Add("--format", "F", "format").Parse(new[] { "--format", "yaml" });
        parsed.GetChoice("--format", "text", "text", "json").ShouldBe("text");
        parsed.Errors.ShouldBe(new[] { "--format 'yaml' is not allowed; allowed: text, json" });
    }
}
