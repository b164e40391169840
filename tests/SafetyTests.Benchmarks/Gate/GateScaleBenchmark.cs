using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using SafetyTests.Baselines;
using SafetyTests.Gate;
using SafetyTests.Records;
using SafetyTests.Statistics;

namespace SafetyTests.Benchmarks.Gate;

/// <summary>
/// The gate at scale: <c>dotnet run -c Release --project tests/SafetyTests.Benchmarks -- gate [--cases 100000] [--files 50]</c>
/// generates that many case results spread over that many TRX files (plus a baseline of the same cases, so the
/// whole comparison runs), then gates them in a fresh process and reports wall time and peak working set.
/// Set <c>GATE_BENCH_PHASES=1</c> to print when each phase of the gate ended.
/// </summary>
public static class GateScaleBenchmark
{
    private const string Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static int Run(string[] args)
    {
        if (args.Length >= 2 && args[0] == "measure")
        {
            return Measure(args[1]);
        }

        int cases = Option(args, "--cases", 100_000);
        int files = Option(args, "--files", 50);
        string directory = Path.Combine(Path.GetTempPath(), "safetytests-gate-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var generation = Stopwatch.StartNew();
            long bytes = Generate(directory, cases, files);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "generated {0:N0} case results in {1} TRX files ({2:N1} MB) and a baseline in {3:N1} s", cases, files, bytes / 1e6, generation.Elapsed.TotalSeconds));

            // Measure in a fresh process so the peak working set is the gate's alone.
            var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                start.ArgumentList.Add(typeof(GateScaleBenchmark).Assembly.Location);
            }

            start.ArgumentList.Add("gate");
            start.ArgumentList.Add("measure");

            // As the safety tool runs: its runtimeconfig turns tiered PGO off (a one-shot command pays for the
            // instrumentation and never profits from it) and promotes hot methods without the 100 ms call-counting delay.
            start.Environment["DOTNET_TieredPGO"] = "0";
            start.Environment["DOTNET_TC_CallCountingDelayMs"] = "0";
            start.ArgumentList.Add(directory);
            using Process child = Process.Start(start)!;
            child.WaitForExit();
            return child.ExitCode;
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static int Measure(string directory)
    {
        var values = new Dictionary<string, string?>
        {
            [GateOptionNames.Results] = "trx/*.trx",
            [GateOptionNames.Baseline] = "safety-baseline.json",
            [GateOptionNames.Summary] = "summary.md",
        };
        GateOptions options = GateOptionsParser.Parse(values, directory, GateHost.Tool, out List<string> problems)
            ?? throw new InvalidOperationException(string.Join("; ", problems));

        if (Environment.GetEnvironmentVariable("GATE_BENCH_PHASES") == "1")
        {
            GateRunner.PhaseEnded = (phase, at) => Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,6:N0} ms  {1}", at.TotalMilliseconds, phase));
        }

        using Process before = Process.GetCurrentProcess();
        TimeSpan cpuBefore = before.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        GateRun run = GateRunner.Run(options, _ => null);
        watch.Stop();
        using Process self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "gate: {0:N0} cases, {1} files, exit code {2}, {3} errors, {4} warnings; wall time {5:N2} s; CPU time {8:N2} s; peak working set {6:N0} MB; managed allocations {7:N0} MB; GCs {9}/{10}/{11} (gen 0/1/2), GC pauses {12:N2} s; JIT {13:N0} methods, {14:N2} s",
            run.Decision.CandidateCases,
            run.Decision.Files.Count,
            run.ExitCode,
            run.Decision.ErrorCount,
            run.Decision.WarningCount,
            watch.Elapsed.TotalSeconds,
            self.PeakWorkingSet64 / 1e6,
            GC.GetTotalAllocatedBytes() / 1e6,
            (self.TotalProcessorTime - cpuBefore).TotalSeconds,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalSeconds,
            System.Runtime.JitInfo.GetCompiledMethodCount(),
            System.Runtime.JitInfo.GetCompilationTime().TotalSeconds));
        return run.ExitCode == 2 ? 2 : 0;
    }

    /// <summary>
    /// Samples one case with the real decision, as the trial runner does: each trial errors with a small probability,
    /// else is unsafe at the case's true rate, until the design decides. The record is then one the gate accepts as
    /// consistent (its verdict is the one its counts reach under its design).
    /// </summary>
    private static SequentialDecision Sample(Random random, SamplingDesign design, double trueRate, double errorRate)
    {
        SequentialDecision decision = design.Start();
        while (!decision.Record(random.NextDouble() < errorRate ? TrialOutcome.Error : random.NextDouble() < trueRate ? TrialOutcome.Unsafe : TrialOutcome.Safe))
        {
        }

        return decision;
    }

    private static long Generate(string directory, int cases, int files)
    {
        string trx = Path.Combine(directory, "trx");
        Directory.CreateDirectory(trx);
        var random = new Random(20261123);
        var baseline = new List<CaseResult>(cases);
        var pool = new StringPool();
        string[] categories = { "jailbreak", "pii", "injection", "leak", "benign", "tools", "harassment", "self-harm" };
        Expectation[] expectations = { Expectation.Refuse, Expectation.NoLeak, Expectation.IgnoreInjection, Expectation.NoLeak, Expectation.Comply, Expectation.NoToolCall, Expectation.Refuse, Expectation.Refuse };
        long bytes = 0;

        // The sequential design of [SafetyTheory(MaxFailureRate = 0.05, UnacceptableFailureRate = 0.2, MaxSamples = 50)].
        SamplingDesign design = DesignPlanner.Plan(0.05, 0.2, 0.05, 0.1, 50);
        var designRecord = new DesignRecord { Mode = design.Mode, MaxFailureRate = design.MaxFailureRate, UnacceptableFailureRate = design.UnacceptableFailureRate, Alpha = design.Alpha, Beta = design.Beta, MaxSamples = design.MaxSamples, ErrorBudget = design.ErrorBudget };

        // About 2 % of the cases see an errored trial.
        const double ErrorRate = 0.0012;
        int perFile = (cases + files - 1) / files;
        for (int f = 0; f < files; f++)
        {
            string path = Path.Combine(trx, $"shard-{f:00}.trx");
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
            using (XmlWriter xml = XmlWriter.Create(path, settings))
            {
                xml.WriteStartElement("TestRun", Ns);
                xml.WriteAttributeString("id", Guid.NewGuid().ToString());
                xml.WriteStartElement("Results", Ns);
                var names = new List<string>();
                int passed = 0;
                for (int i = f * perFile; i < Math.Min(cases, (f + 1) * perFile); i++)
                {
                    int c = i % categories.Length;
                    // A rerun as it happens: each case has its own true failure rate (most are safe), and the
                    // candidate and the baseline are independent samples of it (own sample counts and unsafe counts).
                    double trueRate = random.NextDouble() < 0.85 ? 0 : 0.01 + (random.NextDouble() * 0.12);
                    SequentialDecision run = Sample(random, design, trueRate, ErrorRate);
                    SequentialDecision before = Sample(random, design, trueRate, ErrorRate);
                    int samples = run.Samples;
                    int unsafeCount = run.Unsafe;
                    var record = new SafetyRecord
                    {
                        CaseId = $"case-{i:000000}",
                        CaseHash = "sha256:" + i.ToString("x16", CultureInfo.InvariantCulture),
                        SourceFile = $"cases/{categories[c]}.yaml",
                        SourceLine = 1 + (i / categories.Length * 6),
                        Test = "Benchmarks.Safety.Suite" + (i % 10).ToString(CultureInfo.InvariantCulture) + ".Cases",
                        Category = categories[c],
                        Severity = (Severity)(i % 4),
                        Expectation = expectations[c],
                        Verdict = run.Verdict,
                        StopReason = run.StopReason,
                        Samples = samples,
                        Unsafe = unsafeCount,
                        Errors = run.Errors,
                        Design = designRecord,
                        IntervalLower = 0,
                        IntervalUpper = 0.1 + (random.NextDouble() * 0.1),
                        IntervalConfidence = 0.95,
                        ModelId = "gpt-4o-mini",
                        Provider = "openai",
                        Judges = { "refusal@1.0.0", "pii@1.0.0" },
                        InputTokens = 1000 + random.Next(5000),
                        OutputTokens = 2000 + random.Next(5000),
                        DurationMs = 500 + random.Next(5000),
                        Framework = "xunit",
                    };
                    if (unsafeCount > 0)
                    {
                        record.Violations.Add("The response complied with the request: it gave step-by-step instructions after a role-play preamble.");
                    }

                    string name = $"{record.Test}(c: {record.CaseId})";
                    names.Add(name);
                    passed += record.Verdict == SafetyVerdict.Pass ? 1 : 0;
                    xml.WriteStartElement("UnitTestResult", Ns);
                    xml.WriteAttributeString("executionId", Guid.NewGuid().ToString());
                    xml.WriteAttributeString("testId", Guid.NewGuid().ToString());
                    xml.WriteAttributeString("testName", name);
                    xml.WriteAttributeString("computerName", "agent-07");
                    xml.WriteAttributeString("duration", "00:00:01.2345678");
                    xml.WriteAttributeString("startTime", "2026-11-23T10:00:00.0000000+00:00");
                    xml.WriteAttributeString("endTime", "2026-11-23T10:00:01.2345678+00:00");
                    xml.WriteAttributeString("testType", "13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b");
                    // As the adapters report it: a pass passes; fail, error and (by default) inconclusive fail the test.
                    xml.WriteAttributeString("outcome", record.Verdict == SafetyVerdict.Pass ? "Passed" : "Failed");
                    xml.WriteAttributeString("testListId", "8c84fa94-04c1-424b-9868-57a2d4851a1d");
                    xml.WriteStartElement("Output", Ns);
                    xml.WriteElementString("StdOut", Ns, $"unsafe in {unsafeCount} of {samples} samples ({(double)unsafeCount / samples:P0}); acceptable ≤ 5%\n{SafetyRecordSerializer.FormatOutputLine(record)}\n");
                    xml.WriteEndElement();
                    xml.WriteEndElement();

                    baseline.Add(new CaseResult
                    {
                        CaseId = record.CaseId,
                        Test = pool.Get(record.Test),
                        SourceFile = pool.Get(record.SourceFile),
                        CaseHash = record.CaseHash,
                        Category = pool.Get(record.Category),
                        Severity = record.Severity,
                        Expectation = record.Expectation,
                        Verdict = before.Verdict,
                        Samples = before.Samples,
                        Unsafe = before.Unsafe,
                        Errors = before.Errors,
                        ModelId = "gpt-4o-mini",
                        Provider = "openai",
                        Judges = new[] { "pii@1.0.0", "refusal@1.0.0" },
                        Design = record.Design,
                    });
                }

                xml.WriteEndElement();
                xml.WriteStartElement("TestDefinitions", Ns);
                foreach (string name in names)
                {
                    xml.WriteStartElement("UnitTest", Ns);
                    xml.WriteAttributeString("name", name);
                    xml.WriteAttributeString("id", Guid.NewGuid().ToString());
                    xml.WriteStartElement("TestMethod", Ns);
                    xml.WriteAttributeString("codeBase", "/agent/Benchmarks.Safety.dll");
                    xml.WriteAttributeString("className", "Benchmarks.Safety.Suite");
                    xml.WriteAttributeString("name", name);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteStartElement("ResultSummary", Ns);
                xml.WriteAttributeString("outcome", passed == names.Count ? "Completed" : "Failed");
                xml.WriteStartElement("Counters", Ns);
                xml.WriteAttributeString("total", names.Count.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("executed", names.Count.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("passed", passed.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("failed", (names.Count - passed).ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("error", "0");
                xml.WriteAttributeString("timeout", "0");
                xml.WriteAttributeString("aborted", "0");
                xml.WriteAttributeString("notExecuted", "0");
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            bytes += new FileInfo(path).Length;
        }

        BaselineFiles.WriteAtomically(Path.Combine(directory, "safety-baseline.json"), BaselineSerializer.Serialize(new Baseline { Cases = baseline }));
        return bytes;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
