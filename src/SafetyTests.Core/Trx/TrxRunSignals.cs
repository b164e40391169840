using System;
using System.Collections.Generic;
using System.Globalization;
using SafetyTests.Gate;

namespace SafetyTests.Trx;

/// <summary>
/// What a TRX file says about whether its test run completed: the <c>ResultSummary</c> outcome, its
/// <c>Counters</c>, the run-level errors in <c>RunInfos</c>, the number of <c>TestDefinitions</c> and the
/// results actually present. A run whose test host crashed, was aborted or timed out leaves only some of its
/// results; <see cref="Describe"/> names every signal that shows it, so such a file is rejected instead of gated
/// (and never accepted as a baseline).
/// </summary>
/// <remarks>
/// A normal run with failing tests has <c>ResultSummary outcome="Failed"</c> and, with xUnit, one run-level error
/// per failed test (<c>[xUnit.net …] Name [FAIL]</c>): neither is a sign of an incomplete run. Only run-level errors
/// that report an abort, a crash, a timeout or a cancellation are, together with the outcomes and counters below.
/// </remarks>
internal sealed class TrxRunSignals
{
    /// <summary>Run outcomes the TRX logger writes for a run that did not complete.</summary>
    private static readonly HashSet<string> IncompleteOutcomes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Aborted", "Error", "Timeout", "Disconnected", "NotRunnable", "PassedButRunAborted", "InProgress", "Pending",
    };

    /// <summary>Counters that are above zero only when tests were aborted, errored, timed out or never finished.</summary>
    private static readonly string[] BrokenCounters = { "error", "timeout", "aborted", "disconnected", "notRunnable", "passedButRunAborted", "inProgress", "pending" };

    /// <summary>Phrases of the test platform's run-level messages for a run that ended early (matched case-insensitively).</summary>
    private static readonly string[] AbortPhrases =
    {
        "test run was aborted", "test run aborted", "test host process crashed", "testhost process crashed",
        "host process exited", "testhost process exited", "process exited with error", "test run timeout",
        "test run was canceled", "test run was cancelled", "test run canceled", "test run cancelled", "canceling test run",
        "cancelling test run", "inactivity time", "hang dump",
    };

    private readonly List<string> _abortMessages = new();
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);

    /// <summary>The <c>ResultSummary/@outcome</c>, or null when the file has no <c>ResultSummary</c> or no outcome.</summary>
    public string? Outcome { get; set; }

    /// <summary>Whether the file has a <c>ResultSummary</c> element at all (the TRX logger always writes one when the run ends).</summary>
    public bool HasSummary { get; set; }

    /// <summary>The line of the <c>ResultSummary</c> element.</summary>
    public int SummaryLine { get; set; }

    /// <summary>Whether the summary carries a <c>Counters</c> element.</summary>
    public bool HasCounters { get; private set; }

    /// <summary>All <c>UnitTestResult</c> elements, inner results included.</summary>
    public int Results { get; set; }

    /// <summary>Results whose outcome is <c>NotExecuted</c> (skipped tests).</summary>
    public int NotExecutedResults { get; set; }

    /// <summary>The <c>UnitTest</c> elements of <c>TestDefinitions</c>.</summary>
    public int Definitions { get; set; }

    /// <summary>Records one attribute of <c>Counters</c>; values that are not whole numbers are ignored.</summary>
    public void Counter(string name, string? value)
    {
        HasCounters = true;
        if (value is not null && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
        {
            _counters[name] = number;
        }
    }

    /// <summary>Records the text of a <c>RunInfo</c> whose outcome is <c>Error</c>; keeps it when it reports an early end of the run.</summary>
    public void RunError(string text)
    {
        if (IsPerTestNotice(text))
        {
            return;
        }

        foreach (string phrase in AbortPhrases)
        {
            if (text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                _abortMessages.Add(FirstLine(text));
                return;
            }
        }
    }

    /// <summary>Describes every signal of an incomplete run, or returns null when the run completed.</summary>
    /// <param name="path">The TRX file, for the message.</param>
    /// <returns>The message (what shows it, and what to do), or null.</returns>
    public string? Describe(string path)
    {
        var signals = new List<string>();
        if (!HasSummary)
        {
            signals.Add("it has no ResultSummary (the TRX logger writes one when the run ends)");
        }
        else if (Outcome is null)
        {
            signals.Add("its ResultSummary has no outcome");
        }
        else if (IncompleteOutcomes.Contains(Outcome))
        {
            signals.Add($"ResultSummary outcome=\"{Outcome}\"");
        }

        foreach (string message in _abortMessages)
        {
            signals.Add($"a run-level error: \"{message}\"");
        }

        foreach (string name in BrokenCounters)
        {
            if (_counters.TryGetValue(name, out long count) && count > 0)
            {
                signals.Add(string.Format(CultureInfo.InvariantCulture, "Counters {0}=\"{1}\"", name, count));
            }
        }

        if (_counters.TryGetValue("total", out long total) && total > Results)
        {
            signals.Add(string.Format(CultureInfo.InvariantCulture, "Counters total=\"{0}\" but the file holds {1}", total, Format.Plural(Results, "result")));
        }

        if (_counters.TryGetValue("executed", out long executed) && executed > Results)
        {
            signals.Add(string.Format(CultureInfo.InvariantCulture, "Counters executed=\"{0}\" but the file holds {1}", executed, Format.Plural(Results, "result")));
        }

        if (_counters.TryGetValue("notExecuted", out long notExecuted) && notExecuted > NotExecutedResults)
        {
            signals.Add(string.Format(CultureInfo.InvariantCulture, "Counters notExecuted=\"{0}\" but the file holds {1} with outcome NotExecuted", notExecuted, Format.Plural(NotExecutedResults, "result")));
        }

        if (Definitions > Results)
        {
            signals.Add(string.Format(CultureInfo.InvariantCulture, "TestDefinitions defines {0} but the file holds {1}", Format.Plural(Definitions, "test"), Format.Plural(Results, "result")));
        }

        if (signals.Count == 0)
        {
            return null;
        }

        return string.Format(
            CultureInfo.InvariantCulture,
            "The test run in {0} did not complete: {1}. Its {2} are only part of the run, so it is neither gated nor accepted as a baseline. Find out why the run ended early (a crashed or killed test host, an abort, a timeout: see the dotnet test output, or rerun with --blame), fix it and run the tests again to write a complete TRX file.",
            path,
            string.Join("; ", signals),
            Format.Plural(Results, "result"));
    }

    /// <summary>Whether the text is xUnit's run-level notice of one failed test (<c>[xUnit.net 00:00:01.23]     Ns.Class.Method [FAIL]</c>).</summary>
    private static bool IsPerTestNotice(string text)
    {
        string trimmed = text.Trim();
        return trimmed.StartsWith("[xUnit.net ", StringComparison.Ordinal)
            && trimmed.EndsWith("[FAIL]", StringComparison.Ordinal)
            && trimmed.IndexOf('\n') < 0;
    }

    private static string FirstLine(string text)
    {
        string trimmed = text.Trim();
        int end = trimmed.IndexOfAny(new[] { '\r', '\n' });
        string line = end < 0 ? trimmed : trimmed.Substring(0, end).TrimEnd();
        return line.Length <= 300 ? line : line.Substring(0, 300) + "…";
    }
}
