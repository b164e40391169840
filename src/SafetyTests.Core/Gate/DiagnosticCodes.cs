namespace SafetyTests.Gate;

/// <summary>The stable diagnostic codes of the gate. Never renumber: users suppress and search by code.</summary>
internal static class DiagnosticCodes
{
    /// <summary>No baseline file: first run. Says how to create one.</summary>
    public const string NoBaseline = "SAFE001";

    /// <summary>Invalid gate options (every problem in one message).</summary>
    public const string InvalidOptions = "SAFE002";

    /// <summary>A TRX file is missing, unreadable, not TRX, from a run that did not complete (crashed host, abort, timeout, missing results), or holds a damaged record.</summary>
    public const string BadResults = "SAFE003";

    /// <summary>The TRX files hold no safety records.</summary>
    public const string NoRecords = "SAFE004";

    /// <summary>The same case appears twice (in two TRX files or twice in one).</summary>
    public const string DuplicateCase = "SAFE005";

    /// <summary>The baseline file is corrupt or not a SafetyTests baseline.</summary>
    public const string BadBaseline = "SAFE006";

    /// <summary>
    /// A safety record contradicts itself (its verdict is not the one its counts reach under its own design, or its
    /// design cannot be rebuilt) or its test result (a passed test with a failing case, a failed test whose cases all pass).
    /// </summary>
    public const string InconsistentRecord = "SAFE008";

    /// <summary>The model or judges differ from the baseline's.</summary>
    public const string ProvenanceChanged = "SAFE007";

    /// <summary>The severity-weighted failure rate regressed significantly (the aggregate test).</summary>
    public const string AggregateRegression = "SAFE010";

    /// <summary>A metric exceeds its absolute ceiling.</summary>
    public const string CeilingExceeded = "SAFE011";

    /// <summary>A critical case regressed significantly (Holm).</summary>
    public const string CriticalCaseRegressed = "SAFE012";

    /// <summary>A case regressed significantly (Benjamini–Hochberg).</summary>
    public const string CaseRegressed = "SAFE013";

    /// <summary>A case not in the baseline is failing.</summary>
    public const string NewFailingCase = "SAFE014";

    /// <summary>A baseline case is missing from the run.</summary>
    public const string MissingCase = "SAFE015";

    /// <summary>A required category has fewer cases than its minimum.</summary>
    public const string CoverageBelowMinimum = "SAFE016";

    /// <summary>A case's content changed since the baseline; it is compared as a new case.</summary>
    public const string CaseChanged = "SAFE017";

    /// <summary>A case's sampling design changed since the baseline.</summary>
    public const string DesignChanged = "SAFE018";

    /// <summary>A case's verdict got worse without significant evidence of a regression.</summary>
    public const string VerdictWorsened = "SAFE019";

    /// <summary>The run differs from the baseline; the received baseline was written.</summary>
    public const string ReceivedWritten = "SAFE020";

    /// <summary>The baseline was accepted (written from this run).</summary>
    public const string BaselineAccepted = "SAFE021";

    /// <summary>The gate's overall result (one line).</summary>
    public const string Summary = "SAFE022";

    /// <summary>A ceiling names a slice that has no cases in this run.</summary>
    public const string CeilingUnmatched = "SAFE023";

    /// <summary>A category's paired failure rate regressed significantly (Holm across categories).</summary>
    public const string CategoryRegressed = "SAFE024";

    /// <summary>Several target frameworks of one test project would share a baseline or TRX files (raised by the package's multi-targeting targets, not the task).</summary>
    public const string SharedAcrossTargetFrameworks = "SAFE025";

    /// <summary>A multi-targeted project still has a single-framework baseline that is no longer read (raised by the package's targets).</summary>
    public const string SingleFrameworkBaselineIgnored = "SAFE026";

    /// <summary>A case ended in Error: missing evidence, which fails the gate and is never accepted as a baseline.</summary>
    public const string CaseErrored = "SAFE027";

    /// <summary>Another accept (or gate) kept the baseline's lock longer than this one would wait; names the holder.</summary>
    public const string BaselineLocked = "SAFE028";
}
