using System;
using System.Collections.Generic;

namespace SafetyTests;

/// <summary>
/// Usage of a run, in total and per case, and the state of the run budget. Thread-safe. All pipelines of a
/// test process share <see cref="Shared"/> unless given their own.
/// </summary>
public sealed class UsageLedger
{
    private const string NoCase = "";
    private readonly object _gate = new();
    private readonly Dictionary<string, Counter> _cases = new(StringComparer.Ordinal);
    private readonly Counter _total = new();
    private long _billableCalls;
    private long _billableTokens;

    /// <summary>The ledger shared by every pipeline of this process (one run).</summary>
    public static UsageLedger Shared { get; } = new();

    /// <summary>The usage of the whole run so far.</summary>
    public UsageTotals Total
    {
        get
        {
            lock (_gate)
            {
                return _total.Snapshot();
            }
        }
    }

    /// <summary>Calls counted against <see cref="UsageOptions.MaxCalls"/>: every call that reached the budget middleware (replayed ones never do), failed ones included.</summary>
    public long BillableCalls
    {
        get
        {
            lock (_gate)
            {
                return _billableCalls;
            }
        }
    }

    /// <summary>Tokens counted against <see cref="UsageOptions.MaxTokens"/>: those of calls that reached the model.</summary>
    public long BillableTokens
    {
        get
        {
            lock (_gate)
            {
                return _billableTokens;
            }
        }
    }

    /// <summary>The usage of one case so far (zero when the case made no call).</summary>
    /// <param name="caseId">The case id; an empty string for calls made outside a case.</param>
    /// <returns>A snapshot.</returns>
    public UsageTotals GetCase(string caseId)
    {
        if (caseId is null)
        {
            throw new ArgumentNullException(nameof(caseId));
        }

        lock (_gate)
        {
            return _cases.TryGetValue(caseId, out var counter) ? counter.Snapshot() : new Counter().Snapshot();
        }
    }

    /// <summary>Forgets all usage and resets the budget.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _cases.Clear();
            _total.Clear();
            _billableCalls = 0;
            _billableTokens = 0;
        }
    }

    /// <summary>Reserves one billable call, or throws when the budget is exhausted.</summary>
    internal void Reserve(long? maxCalls, long? maxTokens)
    {
        lock (_gate)
        {
            if (maxTokens is long tokenLimit && _billableTokens >= tokenLimit)
            {
                throw new SafetyBudgetExceededException(SafetyBudgetKind.Tokens, tokenLimit, _billableTokens);
            }

            if (maxCalls is long callLimit && _billableCalls >= callLimit)
            {
                throw new SafetyBudgetExceededException(SafetyBudgetKind.Calls, callLimit, _billableCalls);
            }

            _billableCalls++;
        }
    }

    /// <summary>Adds the tokens of a call that reached the model to the budget.</summary>
    internal void Billed(long inputTokens, long outputTokens)
    {
        lock (_gate)
        {
            _billableTokens += inputTokens + outputTokens;
        }
    }

    internal void Completed(string? caseId, long inputTokens, long outputTokens, decimal? cost, bool replayed)
    {
        lock (_gate)
        {
            decimal? billedCost = replayed ? null : cost;
            _total.Add(inputTokens, outputTokens, billedCost, replayed);
            CaseCounter(caseId).Add(inputTokens, outputTokens, billedCost, replayed);
        }
    }

    internal void Failed(string? caseId)
    {
        lock (_gate)
        {
            _total.FailedCalls++;
            CaseCounter(caseId).FailedCalls++;
        }
    }

    private Counter CaseCounter(string? caseId)
    {
        string key = caseId ?? NoCase;
        if (!_cases.TryGetValue(key, out var counter))
        {
            counter = new Counter();
            _cases.Add(key, counter);
        }

        return counter;
    }

    private sealed class Counter
    {
        public long Calls;
        public long ReplayedCalls;
        public long FailedCalls;
        public long InputTokens;
        public long OutputTokens;
        public decimal? Cost;

        public void Add(long input, long output, decimal? cost, bool replayed)
        {
            Calls++;
            ReplayedCalls += replayed ? 1 : 0;
            InputTokens += input;
            OutputTokens += output;
            if (cost is decimal c)
            {
                Cost = (Cost ?? 0m) + c;
            }
        }

        public void Clear()
        {
            Calls = ReplayedCalls = FailedCalls = InputTokens = OutputTokens = 0;
            Cost = null;
        }

        public UsageTotals Snapshot() => new(Calls, ReplayedCalls, FailedCalls, InputTokens, OutputTokens, Cost);
    }
}
