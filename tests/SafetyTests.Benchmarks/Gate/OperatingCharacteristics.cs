using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using SafetyTests.Baselines;
using SafetyTests.Gate;
using SafetyTests.Records;
using SafetyTests.Statistics;

namespace SafetyTests.Benchmarks.Gate;

/// <summary>
/// The operating characteristics of the gate's regression test, by simulation:
/// <c>dotnet run -c Release --project tests/SafetyTests.Benchmarks -- oc [--seed 20261206] [--null 2000] [--power 500] [--max-failure-rate 0.05]</c>.
/// For every suite shape (cases 5/24/100/1,000 × categories 1/3/10 × baseline unsafe rate 0/2/10 %), both runs are
/// sampled afresh with the real sequential design of the cases (its exact stopping distribution), and the real gate
/// (<see cref="GateEvaluator"/>) decides; the test the gate used before is computed on the same runs. Prints a
/// Markdown table: false-alarm rate on an unchanged model, power against rises of 5 and 10 points, and the smallest
/// rise detected with probability ≥ 0.9. Seeded: the same arguments print the same table.
/// </summary>
public static class OperatingCharacteristics
{
    private static readonly int[] CaseCounts = { 5, 24, 100, 1000 };
    private static readonly int[] CategoryCounts = { 1, 3, 10 };
    private static readonly double[] BaselineRates = { 0, 0.02, 0.10 };
    private static readonly double[] Rises = { 0.01, 0.02, 0.03, 0.05, 0.075, 0.10, 0.15, 0.20, 0.30, 0.40, 0.50 };
    private static readonly Severity[] SeverityCycle = { Severity.Medium, Severity.High, Severity.Low, Severity.Medium, Severity.Critical, Severity.High };

    public static int Run(string[] args)
    {
        int seed = Option(args, "--seed", 20261206);
        int nullReplicates = Option(args, "--null", 2000);
        int powerReplicates = Option(args, "--power", 500);
        double p0 = double.Parse(Text(args, "--max-failure-rate") ?? "0.05", CultureInfo.InvariantCulture);
        string? only = Text(args, "--cases");
        SamplingDesign design = DesignPlanner.Plan(p0);
        var record = new DesignRecord { Mode = SamplingMode.Sequential, MaxFailureRate = design.MaxFailureRate, UnacceptableFailureRate = design.UnacceptableFailureRate, Alpha = design.Alpha, Beta = design.Beta, MaxSamples = design.MaxSamples, ErrorBudget = design.ErrorBudget };
        var clock = Stopwatch.StartNew();
        var output = new StringBuilder();
        output.AppendLine(string.Format(CultureInfo.InvariantCulture, "Design of every case: SPRT p0 = {0}, p1 = {1}, α = {2}, β = {3}, at most {4} samples. Seed {5}; {6} replicates per null cell, {7} per power cell; gate α = 0.05.", design.MaxFailureRate, design.UnacceptableFailureRate, design.Alpha, design.Beta, design.MaxSamples, seed, nullReplicates, powerReplicates));
        output.AppendLine();
        output.AppendLine("| cases | categories | baseline | mean samples | false alarm: old test | old gate | new test | new gate | power +5 pt: old / new | power +10 pt: old / new | smallest rise (power ≥ 0.9): old / new |");
        output.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.Write(output.ToString());
        foreach (int cases in CaseCounts.Where(c => only is null || only.Split(',').Contains(c.ToString(CultureInfo.InvariantCulture))))
        {
            foreach (int categories in CategoryCounts)
            {
                foreach (double rate in BaselineRates)
                {
                    var shape = new Shape(cases, categories, rate, design, record);
                    var random = new Random(HashCode(seed, cases, categories, (int)Math.Round(rate * 1000)));
                    Cell none = shape.Simulate(random, 0, nullReplicates);
                    Cell five = shape.Simulate(random, 0.05, powerReplicates);
                    Cell ten = shape.Simulate(random, 0.10, powerReplicates);
                    string smallestOld = Smallest(shape, random, powerReplicates, c => c.OldGate);
                    string smallestNew = Smallest(shape, random, powerReplicates, c => c.NewGate);
                    string line = string.Format(
                        CultureInfo.InvariantCulture,
                        "| {0:N0} | {1} | {2:0}% | {3:0.0} | {4:0.000} | {5:0.000} | {6:0.000} | {7:0.000} | {8:0.00} / {9:0.00} | {10:0.00} / {11:0.00} | {12} / {13} |",
                        cases, categories, rate * 100, none.MeanSamples, none.OldAggregate, none.OldGate, none.NewAggregate, none.NewGate, five.OldGate, five.NewGate, ten.OldGate, ten.NewGate, smallestOld, smallestNew);
                    Console.WriteLine(line);
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Monte-Carlo standard error of a false-alarm rate near 0.05: {0:0.0000} ({1} replicates). Ran in {2:0} s.", Math.Sqrt(0.05 * 0.95 / nullReplicates), nullReplicates, clock.Elapsed.TotalSeconds));
        return 0;
    }

    private static string Smallest(Shape shape, Random random, int replicates, Func<Cell, double> power)
    {
        foreach (double rise in Rises)
        {
            if (shape.BaselineRate + rise > 1)
            {
                break;
            }

            if (power(shape.Simulate(random, rise, replicates)) >= 0.9)
            {
                return string.Format(CultureInfo.InvariantCulture, "{0:0.#} pt", rise * 100);
            }
        }

        return "> 50 pt";
    }

    private static int HashCode(int seed, int cases, int categories, int rate) => unchecked((((seed * 31) + cases) * 31 + categories) * 31 + rate);

    private static int Option(string[] args, string name, int fallback) =>
        Text(args, name) is string s ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Rejection rates in one cell.</summary>
    private readonly record struct Cell(double OldAggregate, double OldGate, double NewAggregate, double NewGate, double MeanSamples);

    /// <summary>One suite shape and the exact stopping distribution of its design at a given rate.</summary>
    private sealed class Shape
    {
        private readonly Dictionary<double, Stopping> _stopping = new();
        private readonly SamplingDesign _design;
        private readonly DesignRecord _record;

        public Shape(int cases, int categories, double baselineRate, SamplingDesign design, DesignRecord record)
        {
            Cases = cases;
            Categories = categories;
            BaselineRate = baselineRate;
            _design = design;
            _record = record;
        }

        public int Cases { get; }

        public int Categories { get; }

        public double BaselineRate { get; }

        public Cell Simulate(Random random, double rise, int replicates)
        {
            Stopping before = StoppingAt(BaselineRate);
            Stopping after = StoppingAt(Math.Min(1, BaselineRate + rise));
            var options = new GateOptions();
            int oldAggregate = 0;
            int oldGate = 0;
            int newAggregate = 0;
            int newGate = 0;
            long samples = 0;
            var legacy = new List<LegacyClusteredTest.Case>(Cases);
            for (int r = 0; r < replicates; r++)
            {
                var baseline = new List<CaseResult>(Cases);
                var candidate = new List<CaseResult>(Cases);
                legacy.Clear();
                for (int i = 0; i < Cases; i++)
                {
                    (int bn, int bx, SafetyVerdict bv) = before.Draw(random);
                    (int kn, int kx, SafetyVerdict kv) = after.Draw(random);
                    samples += bn;
                    Severity severity = SeverityCycle[i % SeverityCycle.Length];
                    int category = i % Categories;
                    baseline.Add(Result(i, category, severity, bn, bx, bv));
                    candidate.Add(Result(i, category, severity, kn, kx, kv));
                    legacy.Add(new LegacyClusteredTest.Case(options.Weights[severity], bx, bn, kx, kn, category));
                }

                var decision = new GateDecision(options);
                GateEvaluator.Evaluate(decision, candidate, new Baseline { Cases = baseline });
                if (decision.Aggregate?.Regressed == true)
                {
                    newAggregate++;
                }

                if (decision.ErrorCount > 0)
                {
                    newGate++;
                }

                // The old gate failed on its aggregate test, a category (Holm) or a critical case (Holm, unchanged).
                (bool aggregate, bool gate) = LegacyClusteredTest.Decide(legacy, options.Alpha);
                bool critical = LegacyClusteredTest.CriticalCaseRegressed(legacy, candidate.Select(c => c.Severity == Severity.Critical).ToList(), options.Alpha);
                oldAggregate += aggregate ? 1 : 0;
                oldGate += gate || critical ? 1 : 0;
            }

            double n = replicates;
            return new Cell(oldAggregate / n, oldGate / n, newAggregate / n, newGate / n, samples / (n * Cases));
        }

        private CaseResult Result(int i, int category, Severity severity, int samples, int unsafeCount, SafetyVerdict verdict) => new()
        {
            CaseId = "case" + i.ToString("0000", CultureInfo.InvariantCulture),
            Test = "Suite.Refuses",
            SourceFile = "cases.yaml",
            SourceLine = i + 1,
            CaseHash = "h" + i.ToString(CultureInfo.InvariantCulture),
            Category = "cat" + category.ToString(CultureInfo.InvariantCulture),
            Severity = severity,
            Expectation = Expectation.Refuse,
            Verdict = verdict,
            Samples = samples,
            Unsafe = unsafeCount,
            ModelId = "model",
            Provider = "sim",
            Judges = new[] { "refusal@1" },
            Design = _record,
        };

        private Stopping StoppingAt(double rate)
        {
            if (!_stopping.TryGetValue(rate, out Stopping? s))
            {
                s = new Stopping(_design, rate);
                _stopping[rate] = s;
            }

            return s;
        }
    }

    /// <summary>The exact law of where one case's sequential decision stops (samples, unsafe count, verdict) at a true rate, by dynamic programming.</summary>
    private sealed class Stopping
    {
        private readonly List<(double Cumulative, int Samples, int Unsafe, SafetyVerdict Verdict)> _outcomes = new();

        public Stopping(SamplingDesign design, double rate)
        {
            int max = design.MaxSamples;
            var live = new double[max + 2];
            live[0] = 1;
            double cumulative = 0;
            for (int n = 1; n <= max; n++)
            {
                var next = new double[max + 2];
                for (int x = 0; x < n; x++)
                {
                    if (live[x] == 0)
                    {
                        continue;
                    }

                    next[x] += live[x] * (1 - rate);
                    next[x + 1] += live[x] * rate;
                }

                for (int x = 0; x <= n; x++)
                {
                    if (next[x] == 0)
                    {
                        continue;
                    }

                    SafetyVerdict? verdict = x <= design.PassBoundary(n) ? SafetyVerdict.Pass
                        : x >= design.FailBoundary(n) ? SafetyVerdict.Fail
                        : n == max ? SafetyVerdict.Inconclusive
                        : null;
                    if (verdict is SafetyVerdict v)
                    {
                        cumulative += next[x];
                        _outcomes.Add((cumulative, n, x, v));
                        next[x] = 0;
                    }
                }

                live = next;
            }
        }

        public (int Samples, int Unsafe, SafetyVerdict Verdict) Draw(Random random)
        {
            double u = random.NextDouble() * _outcomes[_outcomes.Count - 1].Cumulative;
            int low = 0;
            int high = _outcomes.Count - 1;
            while (low < high)
            {
                int mid = (low + high) / 2;
                if (_outcomes[mid].Cumulative < u)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            (double _, int samples, int unsafeCount, SafetyVerdict verdict) = _outcomes[low];
            return (samples, unsafeCount, verdict);
        }
    }
}
