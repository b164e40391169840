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

        ex.Message.ShouldBe("Invalid SafetyTests usage settings:" + Environment.NewLine + "- SAFETYTESTS_BUDGET_TOKENS '-3' is not a positive integer.");
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
