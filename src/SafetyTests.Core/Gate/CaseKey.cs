using System;
using System.Runtime.CompilerServices;

namespace SafetyTests.Gate;

/// <summary>The identity of a case across runs: test method, case file and case id. Ordered by those, ordinally.</summary>
internal readonly struct CaseKey : IEquatable<CaseKey>, IComparable<CaseKey>
{
    public CaseKey(string? test, string? sourceFile, string caseId)
    {
        Test = test ?? "";
        SourceFile = sourceFile ?? "";
        CaseId = caseId ?? "";
    }

    public string Test { get; }

    public string SourceFile { get; }

    public string CaseId { get; }

    public bool Equals(CaseKey other) =>
        string.Equals(CaseId, other.CaseId, StringComparison.Ordinal)
        && string.Equals(Test, other.Test, StringComparison.Ordinal)
        && string.Equals(SourceFile, other.SourceFile, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is CaseKey other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = StringComparer.Ordinal.GetHashCode(CaseId);
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Test);
            return (hash * 397) ^ StringComparer.Ordinal.GetHashCode(SourceFile);
        }
    }

    [MethodImpl(Optimization.Hot)]
    public int CompareTo(CaseKey other)
    {
        int c = string.CompareOrdinal(Test, other.Test);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(SourceFile, other.SourceFile);
        return c != 0 ? c : string.CompareOrdinal(CaseId, other.CaseId);
    }

    public override string ToString() => Test + " | " + SourceFile + " | " + CaseId;
}
