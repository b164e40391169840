using System;
using System.Security.Cryptography;
using System.Text;

namespace SafetyTests.Trials;

/// <summary>Hashes what a case asks (messages, expectation, severity) so edited cases are noticed by the gate.</summary>
internal static class CaseHashing
{
    public static string Compute(PromptCase promptCase)
    {
        var text = new StringBuilder();
        text.Append("expect=").Append((int)promptCase.Expect).Append('\n');
        foreach (var message in promptCase.Messages)
        {
            text.Append((int)message.Role).Append(':').Append(message.Content.Length).Append(':').Append(message.Content).Append('\n');
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "sha256:" + Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }
}
