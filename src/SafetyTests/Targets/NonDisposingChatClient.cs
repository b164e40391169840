using Microsoft.Extensions.AI;

namespace SafetyTests;

/// <summary>Passes everything through but leaves the target client alive when a pipeline is disposed.</summary>
internal sealed class NonDisposingChatClient : DelegatingChatClient
{
    public NonDisposingChatClient(IChatClient innerClient)
        : base(innerClient)
    {
    }

    protected override void Dispose(bool disposing)
    {
        // The target owns its client; pipelines are cheap and come and go.
    }
}
