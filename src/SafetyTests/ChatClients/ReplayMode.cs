namespace SafetyTests;

/// <summary>What the replay middleware does with each request.</summary>
public enum ReplayMode
{
    /// <summary>Pass every request through; read and write nothing.</summary>
    Off = 0,

    /// <summary>Call the model for every request and (over)write its entry.</summary>
    Record = 1,

    /// <summary>Answer from recorded entries only; a missing entry is an error, never a call to the model.</summary>
    Replay = 2,

    /// <summary>Answer from recorded entries when present; call the model and record the rest.</summary>
    Auto = 3,
}
