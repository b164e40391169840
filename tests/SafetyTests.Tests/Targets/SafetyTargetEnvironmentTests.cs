using System;

namespace SafetyTests.Tests.Targets;

/// <summary>Changes process environment variables, so it runs alone.</summary>
[Collection(nameof(EnvironmentCollection))]
public sealed class SafetyTargetEnvironmentTests
{
    [Fact]
    public void FromEnvironment_Variables_ConfigureTheTarget()
    {
        using var scope = new EnvironmentScope(
            ("SAFETYTESTS_ENDPOINT", "http://127.0.0.1:9/v1"),
            ("SAFETYTESTS_MODEL", "gpt-from-env"),
            ("SAFETYTESTS_API_KEY", "sk-env-abcdefghijkl"),
            ("SAFETYTESTS_SAMPLING_SEED", "17"),
            ("SAFETYTESTS_REPLAY", "auto"),
            ("SAFETYTESTS_BUDGET_CALLS", "500"),
            ("SAFETYTESTS_MAX_CONCURRENCY", "2"));

        var target = SafetyTarget.FromEnvironment(fallback: () => throw new InvalidOperationException("not used"));
        var options = new SafetyPipelineOptions();

        target.Kind.ShouldBe(SafetyTargetKind.OpenAICompatible);
        target.ModelId.ShouldBe("gpt-from-env");
        target.Sampling.Seed.ShouldBe(17);
        options.Replay.Mode.ShouldBe(ReplayMode.Auto);
        options.Usage.MaxCalls.ShouldBe(500);
        options.Resilience!.MaxConcurrency.ShouldBe(2);
    }

    [Fact]
    public void FromEnvironment_InvalidPipelineVariables_Throw()
    {
        using var scope = new EnvironmentScope(("SAFETYTESTS_BUDGET_TOKENS", "-3"));

        var ex = Should.Throw<InvalidOperationException>(() => UsageOptions.FromEnvironment());

        ex.Message.ShouldBe("Invalid SafetyTests environment variable:" + Environment.NewLine + "- SAFETYTESTS_BUDGET_TOKENS '-3' is not a positive integer (a whole number of 1 or more).");
    }

    private static readonly string AllThreeProblems = string.Join(Environment.NewLine,
        "Invalid SafetyTests environment variables (3 problems):",
        "- SAFETYTESTS_TEMPERATURE '0,7' is not a number (use invariant culture, for example 0.7).",
        "- SAFETYTESTS_REPLAY 'bogus' is not a replay mode; allowed values: off, record, replay, auto.",
        "- SAFETYTESTS_MAX_CONCURRENCY '0' is not a positive integer (a whole number of 1 or more).");

    [Fact]
    public void FromEnvironment_SeveralInvalidVariables_ReportsThemAllInOneMessage()
    {
        using var scope = new EnvironmentScope(
            ("SAFETYTESTS_TEMPERATURE", "0,7"),
            ("SAFETYTESTS_REPLAY", "bogus"),
            ("SAFETYTESTS_MAX_CONCURRENCY", "0"));

        // The way a suite reads them: the target first, then the pipeline's options.
        var ex = Should.Throw<InvalidOperationException>(() => SafetyTarget.FromEnvironment(fallback: () => new SafetyTests.Targets.SimulatedAssistant()).CreatePipeline());

        ex.Message.ShouldBe(AllThreeProblems);
    }

    [Fact]
    public void SafetyPipelineOptions_SeveralInvalidVariables_ReportsThemAllWhicheverIsReadFirst()
    {
        using var scope = new EnvironmentScope(
            ("SAFETYTESTS_TEMPERATURE", "0,7"),
            ("SAFETYTESTS_REPLAY", "bogus"),
            ("SAFETYTESTS_MAX_CONCURRENCY", "0"));

        Should.Throw<InvalidOperationException>(() => new SafetyPipelineOptions()).Message.ShouldBe(AllThreeProblems);
        Should.Throw<InvalidOperationException>(() => ResilienceOptions.FromEnvironment()).Message.ShouldBe(AllThreeProblems);
        Should.Throw<InvalidOperationException>(() => UsageOptions.FromEnvironment()).Message.ShouldBe(AllThreeProblems);
    }

    [Fact]
    public void FromEnvironment_EveryVariableInvalid_ListsEachWithItsAllowedForm()
    {
        using var scope = new EnvironmentScope(
            ("SAFETYTESTS_ENDPOINT", "not a uri"),
            ("SAFETYTESTS_TOP_P", "high"),
            ("SAFETYTESTS_MAX_OUTPUT_TOKENS", "lots"),
            ("SAFETYTESTS_SAMPLING_SEED", "random"),
            ("SAFETYTESTS_REQUESTS_PER_MINUTE", "-1"),
            ("SAFETYTESTS_BUDGET_CALLS", "many"),
            ("SAFETYTESTS_SEED", "x1"));

        var ex = Should.Throw<InvalidOperationException>(() => SafetyTarget.FromEnvironment());

        ex.Message.ShouldBe(string.Join(Environment.NewLine,
            "Invalid SafetyTests environment variables (7 problems):",
            "- SAFETYTESTS_ENDPOINT 'not a uri' is not an absolute URI (for example https://api.openai.com/v1).",
            "- SAFETYTESTS_TOP_P 'high' is not a number (use invariant culture, for example 0.7).",
            "- SAFETYTESTS_MAX_OUTPUT_TOKENS 'lots' is not an integer (a number of tokens, for example 1024).",
            "- SAFETYTESTS_SAMPLING_SEED 'random' is neither an integer (for example 42) nor 'trial'.",
            "- SAFETYTESTS_REQUESTS_PER_MINUTE '-1' is not a positive integer (a whole number of 1 or more).",
            "- SAFETYTESTS_BUDGET_CALLS 'many' is not a positive integer (a whole number of 1 or more).",
            "- SAFETYTESTS_SEED 'x1' is not an integer (the run seed, for example 42)."));
    }

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly (string Name, string? Previous)[] _previous;

        public EnvironmentScope(params (string Name, string Value)[] values)
        {
            _previous = Array.ConvertAll(values, v => (v.Name, Environment.GetEnvironmentVariable(v.Name)));
            foreach (var (name, value) in values)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, previous) in _previous)
            {
                Environment.SetEnvironmentVariable(name, previous);
            }
        }
    }
}

[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection
{
}
