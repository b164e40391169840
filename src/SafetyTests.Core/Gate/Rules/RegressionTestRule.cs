using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SafetyTests.Comparisons;
using SafetyTests.Metrics;

namespace SafetyTests.Gate.Rules;

/// <summary>
/// SAFE010 and SAFE024: the pre-registered regression test. Every slice's cases in both runs get the paired,
/// severity-weighted difference D with its test (<see cref="PairedDifference"/>: the exact sign-flip test over cases
/// at tolerance 0). The aggregate test and the per-category tests form the gate's one blocking family, adjusted by
/// weighted Holm (aggregate weight ½, the categories sharing the other ½ equally), so the chance that an unchanged
/// model fails the build through any of them is at most α. Categories too small to ever reach their share leave the
/// family first (Tarone 1990); without categories left the aggregate test has all of α.
/// </summary>
internal sealed class RegressionTestRule : IGateRule
{
    /// <summary>The aggregate test's share of α in the blocking family when the suite has two or more categories.</summary>
    public const double AggregateWeight = 0.5;

    /// <inheritdoc />
    [MethodImpl(Optimization.Hot)]
    public void Apply(GateDecision decision, IReadOnlyList<CaseComparison> common, DiagnosticSink sink)
    {
        GateOptions options = decision.Options;
        Dictionary<SliceKey, List<PairedObservation>> bySlice = Observations(decision, common);
        PairedDifferenceResult overall = PairedDifference.Compute(bySlice.TryGetValue(SliceKey.Overall, out List<PairedObservation>? all) ? all : new List<PairedObservation>(), options.Tolerance);
        var categories = new List<SliceComparison>();
        foreach (KeyValuePair<SliceKey, List<PairedObservation>> slice in bySlice)
        {
            if (!decision.Slices.TryGetValue(slice.Key, out SliceComparison? comparison))
            {
                continue;
            }

            comparison.Paired = slice.Key.Kind == SliceKind.Overall ? overall : PairedDifference.Compute(slice.Value, options.Tolerance);
            if (slice.Key.Kind == SliceKind.Category && comparison.Paired.IsTestable)
            {
                categories.Add(comparison);
            }
        }

        // With one category its test is the aggregate test again: the family is the aggregate alone.
        if (categories.Count < 2)
        {
            categories.Clear();
        }

        // Tarone (1990): a category whose sign-flip p cannot go below its share of α (2^-K with K cases moved) can
        // never be rejected, so it leaves the family instead of diluting the others' shares; repeated until stable.
        int before;
        do
        {
            before = categories.Count;
            double share = options.Alpha * (1 - AggregateWeight) / Math.Max(1, categories.Count);
            categories.RemoveAll(c => MinimumP(c.Paired!) > share);
        }
        while (categories.Count != before && categories.Count > 0);

        if (!overall.IsTestable)
        {
            var none = new AggregateTest
            {
                Method = "none",
                Difference = overall,
                Explanation = $"Aggregate test not made: {Format.Plural(overall.Count, "case")} in both runs with samples to compare.",
            };
            decision.Aggregate = none;
            sink.Add(new GateDiagnostic(DiagnosticCodes.AggregateRegression, DiagnosticSeverity.Message, none.Explanation, null, null, "overall"));
            return;
        }

        var pValues = new List<double>(categories.Count + 1) { overall.PValue };
        var weights = new List<double>(categories.Count + 1) { categories.Count == 0 ? 1 : AggregateWeight };
        foreach (SliceComparison category in categories)
        {
            pValues.Add(category.Paired!.PValue);
            weights.Add((1 - AggregateWeight) / categories.Count);
        }

        double[] adjusted = MultipleTesting.WeightedHolm(pValues, weights);
        string family = categories.Count == 0
            ? ""
            : $"; in the gate's family with {Format.Plural(categories.Count, "category", "categories")} (weighted Holm, aggregate weight ½) adjusted p = {Format.P(adjusted[0])}";
        bool regressed = adjusted[0] <= options.Alpha && overall.Difference > options.Tolerance;
        var test = new AggregateTest
        {
            Method = overall.Method,
            Difference = overall,
            PValue = overall.PValue,
            AdjustedPValue = adjusted[0],
            CategoriesInFamily = categories.Count,
            Regressed = regressed,
            Explanation = $"{Rates(overall)}; {TestText(overall)}, one-sided p = {Format.P(overall.PValue)}{family} {(regressed ? "≤" : ">")} α = {Format.Number(options.Alpha)}.",
        };
        decision.Aggregate = test;
        sink.Add(regressed
            ? new GateDiagnostic(DiagnosticCodes.AggregateRegression, DiagnosticSeverity.Error, $"Safety regressed: {test.Explanation} Fix the regressed cases listed in the summary; if the change is intended, accept a new baseline ({GateEvaluator.AcceptHint(options)}).", null, null, "overall")
            : new GateDiagnostic(DiagnosticCodes.AggregateRegression, DiagnosticSeverity.Message, "No significant regression: " + test.Explanation, null, null, "overall"));

        for (int i = 0; i < categories.Count; i++)
        {
            SliceComparison slice = categories[i];
            PairedDifferenceResult p = slice.Paired!;
            slice.AdjustedPValue = adjusted[i + 1];
            slice.Regressed = adjusted[i + 1] <= options.Alpha && p.Difference > options.Tolerance;
            if (slice.Regressed)
            {
                sink.Add(new GateDiagnostic(
                    DiagnosticCodes.CategoryRegressed,
                    DiagnosticSeverity.Error,
                    $"Category '{slice.Slice.Value}' regressed: {Rates(p)}; {TestText(p)}, one-sided p = {Format.P(p.PValue)}, adjusted in the gate's family (weighted Holm over the aggregate and {Format.Plural(categories.Count, "category", "categories")}) p = {Format.P(adjusted[i + 1])} ≤ α = {Format.Number(options.Alpha)}. Fix the regressed cases of this category listed in the summary; if the change is intended, accept a new baseline ({GateEvaluator.AcceptHint(options)}).",
                    null,
                    null,
                    slice.Slice.Name));
            }
        }
    }

    /// <summary>The smallest p-value the slice's test could give for the cases that moved: 2^-K for the sign-flip test.</summary>
    private static double MinimumP(PairedDifferenceResult p) =>
        p.Method == PairedDifference.SignFlip && p.InformativeCases < 64 ? Math.Pow(2, -p.InformativeCases) : 0;

    /// <summary>The rates and the difference, with its interval when there are two or more cases.</summary>
    private static string Rates(PairedDifferenceResult p)
    {
        string interval = double.IsNaN(p.Lower) ? "" : $", 95% CI {Format.PointsInterval(p.Lower, p.Upper)}";
        return $"severity-weighted failure rate {Format.Percent(p.BaselineRate)} → {Format.Percent(p.CandidateRate)} over {Format.Plural(p.Count, "case")} in both runs (D = {Format.Points(p.Difference)}{interval})";
    }

    /// <summary>Which test decided, in words.</summary>
    private static string TestText(PairedDifferenceResult p)
    {
        if (p.Method == PairedDifference.CaseT)
        {
            string floor = p.SamplingFloorApplied ? ", raised to the within-case sampling error" : "";
            return $"SE {Format.Points(p.StandardError).TrimStart('+', '±')} with cases as units{floor}; tolerance {Format.Points(p.Tolerance).TrimStart('+', '±')}, t = {Format.Number(p.Statistic, "0.00")} with {p.DegreesOfFreedom} df";
        }

        string how = p.SignFlipMethod switch
        {
            SignFlipMethod.NoInformativeCases => "no case's failure rate moved, so the sign-flip test has nothing to weigh",
            SignFlipMethod.ExactBinomial => $"exact sign-flip test over the {Format.Plural(p.InformativeCases, "case")} whose rate moved (equal weights: binomial)",
            SignFlipMethod.ExactEnumeration => $"exact sign-flip test over the {Format.Plural(p.InformativeCases, "case")} whose rate moved (all 2^{p.InformativeCases} sign vectors)",
            _ => $"sign-flip test over the {Format.Plural(p.InformativeCases, "case")} whose rate moved (the {SignFlipTest.EnumeratedLargest} largest exact, the rest normal)",
        };
        return p.SignFlipMethod == SignFlipMethod.NoInformativeCases ? how : $"{how}, z = {Format.Number(p.Statistic, "0.00")}";
    }

    /// <summary>The paired observations of every slice (overall, category, severity, expectation), in case order.</summary>
    [MethodImpl(Optimization.Hot)]
    private static Dictionary<SliceKey, List<PairedObservation>> Observations(GateDecision decision, IReadOnlyList<CaseComparison> common)
    {
        GateOptions options = decision.Options;
        CountingPolicy policy = options.Policy;
        var bySlice = new Dictionary<SliceKey, List<PairedObservation>>();
        var keys = new SliceKey[4];
        foreach (CaseComparison c in common)
        {
            CaseResult b = c.Baseline!;
            CaseResult k = c.Candidate!;
            if (b.FailureRate(policy) is null || k.FailureRate(policy) is null)
            {
                continue;
            }

            var observation = new PairedObservation(options.Weights[k.Severity], b.Failures(policy), b.Trials(policy), k.Failures(policy), k.Trials(policy));
            keys[0] = SliceKey.Overall;
            keys[1] = SliceKey.ForCategory(k.CategoryName);
            keys[2] = SliceKey.ForSeverity(k.Severity);
            keys[3] = SliceKey.ForExpectation(k.Expectation);
            foreach (SliceKey key in keys)
            {
                if (!bySlice.TryGetValue(key, out List<PairedObservation>? list))
                {
                    list = new List<PairedObservation>(key.Kind == SliceKind.Overall ? common.Count : 16);
                    bySlice[key] = list;
                }

                list.Add(observation);
            }
        }

        return bySlice;
    }
}
