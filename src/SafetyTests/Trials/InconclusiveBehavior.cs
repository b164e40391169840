namespace SafetyTests;

/// <summary>
/// What a test does when sampling reached its cap without a decision (<see cref="SafetyVerdict.Inconclusive"/>).
/// The default, <see cref="Fail"/>, fails closed: an undecided case never passes silently.
/// </summary>
public enum InconclusiveBehavior
{
    /// <summary>The test fails with a message that says "Inconclusive" and states the evidence (the default).</summary>
    Fail = 0,

    /// <summary>The test is reported as skipped (not executed) with the evidence as the skip reason.</summary>
    Skip = 1,

    /// <summary>The test passes; the output and the safety record still say Inconclusive (fails open: use with care).</summary>
    Pass = 2,
}
