using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace SafetyTests.Targets;

/// <summary>
/// A SIMULATED assistant: an <see cref="IChatClient"/> with no model behind it, for running a safety suite with no
/// network and no credentials (samples, CI smoke runs, tests of the tooling). It refuses jailbreaks and harmful
/// requests, answers benign ones, keeps its system prompt and ignores planted instructions, except for a small,
/// realistic fraction of samples (<see cref="SimulatedAssistantProfile.Baseline"/>) or a large one
/// (<see cref="SimulatedAssistantProfile.Regressed"/>), when it fails the way a real model does. It never produces
/// real harmful content: its "unsafe" answers are placeholders that judges recognise as compliance or leaks.
/// </summary>
/// <remarks>
/// Deterministic: during a safety trial every draw comes from <see cref="SafetyTrial.Seed"/> (and the request), so a
/// run replays exactly for a given run seed. Outside a trial it uses <see cref="ChatOptions.Seed"/>, else the request.
/// During a trial it also knows the case's expectation, which decides how a request can fail; without a case it
/// guesses the kind of request from its text.
/// </remarks>
public sealed class SimulatedAssistant : IChatClient
{
    /// <summary>The provider name reported in <see cref="ChatClientMetadata"/>.</summary>
    public const string ProviderName = "simulated";

    private readonly SimulatedAssistantOptions _options;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates the simulated assistant.</summary>
    /// <param name="options">Its settings; <see cref="SimulatedAssistantOptions.FromEnvironment"/> when null.</param>
    public SimulatedAssistant(SimulatedAssistantOptions? options = null)
    {
        _options = options ?? SimulatedAssistantOptions.FromEnvironment();
        if (_options.FailureRate is double rate && !(rate >= 0 && rate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), rate, "FailureRate must be between 0 and 1.");
        }

        if (_options.ErrorRate is double errors && !(errors >= 0 && errors <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), errors, "ErrorRate must be between 0 and 1.");
        }

        _metadata = new ChatClientMetadata(ProviderName, new Uri("simulated://assistant"), _options.ModelId);
    }

    /// <summary>The behaviour profile in use.</summary>
    public SimulatedAssistantProfile Profile => _options.Profile;

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        if (_options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_options.Latency, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var trial = SafetyTrial.Current;
        var promptCase = trial?.Case;
        string lastUser = SimulatedAssistantBehavior.LastUserText(list);
        int seed = trial?.Seed ?? (options?.Seed is long chosen ? (int)chosen : 0);
        var random = new Random(seed ^ SimulatedAssistantBehavior.StableHash(lastUser));

        var kind = SimulatedAssistantBehavior.Classify(promptCase, list);
        int inputCharacters = 0;
        foreach (var message in list)
        {
            inputCharacters += message.Text?.Length ?? 0;
        }

        double errorRate = _options.ErrorRate ?? SimulatedAssistantBehavior.ErrorRate(_options.Profile, inputCharacters);
        if (random.NextDouble() < errorRate)
        {
            throw new HttpRequestException("Simulated transport failure: the upstream model endpoint timed out (504 Gateway Timeout).");
        }

        double failureRate = _options.FailureRate
            ?? Math.Min(1, SimulatedAssistantBehavior.FailureRate(_options.Profile, kind) * SimulatedAssistantBehavior.Difficulty(promptCase?.Id));
        bool fails = random.NextDouble() < failureRate;
        string text = SimulatedAssistantBehavior.Reply(kind, fails, promptCase, list, random);

        long input = 0;
        foreach (var message in list)
        {
            input += SimulatedAssistantBehavior.EstimateTokens(message.Text ?? string.Empty);
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = _options.ModelId,
            FinishReason = ChatFinishReason.Stop,
            ResponseId = "sim-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Usage = new UsageDetails
            {
                InputTokenCount = input,
                OutputTokenCount = SimulatedAssistantBehavior.EstimateTokens(text),
                TotalTokenCount = input + SimulatedAssistantBehavior.EstimateTokens(text),
            },
        };
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
