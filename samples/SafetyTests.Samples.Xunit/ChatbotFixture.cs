using System;
using Microsoft.Extensions.AI;
using SafetyTests;
using SafetyTests.Targets;

namespace SafetyTests.Samples.Xunit;

/// <summary>
/// The chat client under test, shared by the tests of a class. With no configuration it is the embedded,
/// seeded <see cref="SimulatedAssistant"/> (SAFETYTESTS_SIMULATE_REGRESSION=1 makes it regress). With
/// SAFETYTESTS_ENDPOINT and SAFETYTESTS_MODEL (and SAFETYTESTS_API_KEY) it is that OpenAI-compatible model,
/// wrapped in SafetyTests' middleware: retries honouring Retry-After, rate limits, usage and model provenance.
/// </summary>
public sealed class ChatbotFixture : IDisposable
{
    public ChatbotFixture()
    {
        Target = SafetyTarget.FromEnvironment(fallback: () => new SimulatedAssistant(SimulatedAssistantOptions.FromEnvironment()));
        var pipeline = new SafetyPipelineOptions();
        if (Target.Kind == SafetyTargetKind.Fallback)
        {
            // A local simulation needs no retries or rate limits; its transport errors are part of the demonstration.
            pipeline.Resilience = null;
        }

        Client = Target.CreatePipeline(pipeline);
    }

    /// <summary>What the tests talk to (shown in the test output).</summary>
    public SafetyTarget Target { get; }

    /// <summary>The client the tests call.</summary>
    public IChatClient Client { get; }

    public void Dispose() => Client.Dispose();
}
