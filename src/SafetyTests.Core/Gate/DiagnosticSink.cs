using System;
using System.Collections.Generic;
using System.Linq;

namespace SafetyTests.Gate;

/// <summary>Collects diagnostics; per-case ones are capped per code and summed up, so a lost shard does not print 10,000 lines.</summary>
internal sealed class DiagnosticSink
{
    private readonly List<GateDiagnostic> _target;
    private readonly Dictionary<string, (int Count, DiagnosticSeverity Severity)> _overflow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perCode = new(StringComparer.Ordinal);

    public DiagnosticSink(List<GateDiagnostic> target) => _target = target;

    public void Add(GateDiagnostic diagnostic) => _target.Add(diagnostic);

    public void AddCase(GateDiagnostic diagnostic)
    {
        _perCode.TryGetValue(diagnostic.Code, out int n);
        _perCode[diagnostic.Code] = n + 1;
        if (n < GateEvaluator.MaxCaseDiagnosticsPerCode)
        {
            _target.Add(diagnostic);
            return;
        }

        _overflow.TryGetValue(diagnostic.Code, out (int Count, DiagnosticSeverity Severity) o);
        _overflow[diagnostic.Code] = (o.Count + 1, o.Count == 0 || diagnostic.Severity > o.Severity ? diagnostic.Severity : o.Severity);
    }

    public void Flush()
    {
        foreach (KeyValuePair<string, (int Count, DiagnosticSeverity Severity)> o in _overflow.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            _target.Add(new GateDiagnostic(o.Key, o.Value.Severity, $"… and {Format.Plural(o.Value.Count, "more case")} with {o.Key}; every case is listed in the summary file."));
        }

        _overflow.Clear();
    }
}
