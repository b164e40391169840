using Xunit.Abstractions;
using Xunit.Sdk;

namespace SafetyTests.Xunit.Sdk;

/// <summary>
/// The message bus given to each trial's invoker. A trial is not a test of its own, so its lifecycle messages
/// (class construction, before/after attributes, disposal) are dropped; the case reports one result.
/// </summary>
internal sealed class TrialMessageBus : IMessageBus
{
    public static readonly TrialMessageBus Instance = new();

    public bool QueueMessage(IMessageSinkMessage message) => true;

    public void Dispose()
    {
    }
}
