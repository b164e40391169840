using System.Globalization;

namespace SafetyTests;

/// <summary>Usage added up over a run or over one case (a snapshot).</summary>
public sealed class UsageTotals
{
    internal UsageTotals(long calls, long replayedCalls, long failedCalls, long inputTokens, long outputTokens, decimal? estimatedCost)
    {
        Calls = calls;
        ReplayedCalls = replayedCalls;
        FailedCalls = failedCalls;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        EstimatedCost = estimatedCost;
    }

    /// <summary>Model calls that returned a response (replayed ones included).</summary>
    public long Calls { get; }

    /// <summary>Of <see cref="Calls"/>, those answered from replay files (no cost).</summary>
    public long ReplayedCalls { get; }

    /// <summary>Model calls that ended in an exception.</summary>
    public long FailedCalls { get; }

    /// <summary>Input tokens (replayed calls included).</summary>
    public long InputTokens { get; }

    /// <summary>Output tokens (replayed calls included).</summary>
    public long OutputTokens { get; }

    /// <summary>Input plus output tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>The estimated cost of the calls that were not replayed, when a <see cref="PriceTable"/> priced them.</summary>
    public decimal? EstimatedCost { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        Calls.ToString(CultureInfo.InvariantCulture) + " calls (" + ReplayedCalls.ToString(CultureInfo.InvariantCulture) + " replayed, " +
        FailedCalls.ToString(CultureInfo.InvariantCulture) + " failed), " + InputTokens.ToString(CultureInfo.InvariantCulture) + " input + " +
        OutputTokens.ToString(CultureInfo.InvariantCulture) + " output tokens" +
        (EstimatedCost is decimal c ? ", estimated cost " + c.ToString("0.######", CultureInfo.InvariantCulture) : string.Empty);
}
