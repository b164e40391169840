using System;

namespace SafetyTests.Trials;

/// <summary>What one run of the trial engine is about: the case (if any), its id, and the test that runs it.</summary>
public sealed class SafetyRunContext
{
    /// <summary>Creates a context for a scenario without a prompt case (for example a <c>[SafetyFact]</c>).</summary>
    /// <param name="caseId">The id recorded for the scenario (for example the test method name).</param>
    public SafetyRunContext(string caseId)
    {
        if (string.IsNullOrWhiteSpace(caseId))
        {
            throw new ArgumentException("A case id is required.", nameof(caseId));
        }

        CaseId = caseId;
    }

    /// <summary>Creates a context for a prompt case; the case id is the case's id.</summary>
    /// <param name="promptCase">The case sampled by every trial.</param>
    public SafetyRunContext(PromptCase promptCase)
        : this((promptCase ?? throw new ArgumentNullException(nameof(promptCase))).Id)
    {
        Case = promptCase;
    }

    /// <summary>The case sampled by every trial, or <see langword="null"/> for a scenario without cases.</summary>
    public PromptCase? Case { get; }

    /// <summary>The id recorded for the case.</summary>
    public string CaseId { get; }

    /// <summary>The fully qualified test method (<c>Namespace.Class.Method</c>) that runs the case.</summary>
    public string? TestName { get; init; }

    /// <summary>The test framework (<c>xunit</c>, <c>nunit</c>), recorded as provenance.</summary>
    public string? Framework { get; init; }
}
