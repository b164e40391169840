using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using SafetyTests.Records;

namespace SafetyTests.NUnit.Tests.Support;

/// <summary>
/// Reads TRX files with the gate's own reader (<c>SafetyTests.Trx.TrxReader</c> in SafetyTests.Core, the code behind the
/// MSBuild gate and <c>safety gate</c>). The reader is internal to Core, so it is reached by reflection: the point is to
/// exercise exactly the code the gate runs, not a copy of it.
/// </summary>
internal static class GateTrx
{
    public static GateRead Read(params string[] files)
    {
        var reader = typeof(SafetyRecord).Assembly.GetType("SafetyTests.Trx.TrxReader", throwOnError: true)!;
        var read = reader.GetMethod("Read", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException("SafetyTests.Trx.TrxReader", "Read");
        // Optional parameters after the file list (a shared string pool) take their defaults.
        object?[] arguments = read.GetParameters().Select((p, i) => i == 0 ? files.ToList() : p.DefaultValue).ToArray();
        object result = read.Invoke(null, arguments)!;
        var cases = ((IEnumerable)Get(result, "Cases")!).Cast<object>().Select(c => new GateCase(c)).ToList();
        var problems = ((IEnumerable)Get(result, "Problems")!).Cast<object>().Select(p => p.ToString()!).ToList();
        return new GateRead(cases, problems, (int)Get(result, "Results")!, (int)Get(result, "ResultsWithRecords")!);
    }

    internal static object? Get(object target, string property)
        => target.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(target);
}

/// <summary>What the gate read from a set of TRX files.</summary>
internal sealed class GateRead
{
    public GateRead(IReadOnlyList<GateCase> cases, IReadOnlyList<string> problems, int results, int resultsWithRecords)
    {
        Cases = cases;
        Problems = problems;
        Results = results;
        ResultsWithRecords = resultsWithRecords;
    }

    public IReadOnlyList<GateCase> Cases { get; }

    public IReadOnlyList<string> Problems { get; }

    public int Results { get; }

    public int ResultsWithRecords { get; }
}

/// <summary>One case as the gate sees it.</summary>
internal sealed class GateCase
{
    public GateCase(object caseResult)
    {
        CaseId = (string)GateTrx.Get(caseResult, "CaseId")!;
        Test = (string?)GateTrx.Get(caseResult, "Test");
        SourceFile = (string?)GateTrx.Get(caseResult, "SourceFile");
        SourceLine = (int?)GateTrx.Get(caseResult, "SourceLine");
        CaseHash = (string?)GateTrx.Get(caseResult, "CaseHash");
        Category = (string?)GateTrx.Get(caseResult, "Category");
        Severity = (Severity)GateTrx.Get(caseResult, "Severity")!;
        Expectation = (Expectation)GateTrx.Get(caseResult, "Expectation")!;
        Verdict = (SafetyVerdict)GateTrx.Get(caseResult, "Verdict")!;
        Samples = (int)GateTrx.Get(caseResult, "Samples")!;
        Unsafe = (int)GateTrx.Get(caseResult, "Unsafe")!;
        Errors = (int)GateTrx.Get(caseResult, "Errors")!;
        Judges = ((IEnumerable<string>)GateTrx.Get(caseResult, "Judges")!).ToList();
    }

    public string CaseId { get; }

    public string? Test { get; }

    public string? SourceFile { get; }

    public int? SourceLine { get; }

    public string? CaseHash { get; }

    public string? Category { get; }

    public Severity Severity { get; }

    public Expectation Expectation { get; }

    public SafetyVerdict Verdict { get; }

    public int Samples { get; }

    public int Unsafe { get; }

    public int Errors { get; }

    public IReadOnlyList<string> Judges { get; }

    /// <summary>Everything the gate decides on, without the test name (which differs between frameworks).</summary>
    public string Facts => string.Join("|", CaseId, SourceFile, SourceLine, CaseHash, Category, Severity, Expectation, Verdict, Samples, Unsafe, Errors, string.Join(",", Judges));

    public override string ToString() => Test + " " + Facts;
}
