using System;

namespace SafetyTests.NUnit.Execution;

/// <summary>
/// A trial ended without throwing but NUnit recorded a result that is neither a pass nor an assertion failure (for
/// example "Test completed with 1 active assertion scope(s)"): an errored trial, never safe.
/// </summary>
internal sealed class TrialResultException : Exception
{
    public TrialResultException(string message)
        : base(message)
    {
    }
}
