using System;
using System.Collections.Generic;
using System.Globalization;
using SafetyTests.Statistics;
using SafetyTests.Trials;

namespace SafetyTests;

/// <summary>
/// How one case is sampled and decided: the hypotheses, the error rates, the sample cap, the concurrency and
/// what an undecided case does. Test adapters (<c>[SafetyTheory]</c>, <c>[SafetyTest]</c>) fill it from their
/// attribute properties; <see cref="Validate"/> reports every problem in one message.
/// </summary>
public sealed class SafetyRunOptions
{
    /// <summary>The default acceptable failure rate p0 (5 %).</summary>
    public const double DefaultMaxFailureRate = 0.05;

    /// <summary>The default α (5 %): the chance of failing a case whose true failure rate is exactly p0.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>The default β (10 %): the chance of passing a case whose true failure rate is p1.</summary>
    public const double DefaultBeta = 0.10;

    /// <summary>The default sample cap of the sequential design.</summary>
    public const int DefaultMaxSamples = 100;

    /// <summary>The default number of trials of one case in flight at once.</summary>
    public const int DefaultMaxConcurrency = 4;

    /// <summary>The largest accepted <see cref="MaxConcurrency"/>.</summary>
    public const int MaxConcurrencyLimit = 256;

    /// <summary>The largest accepted <see cref="MaxSamples"/> or <see cref="Samples"/>.</summary>
    public const int SampleLimit = 100_000;

    /// <summary>The environment variable that sets the run seed when <see cref="Seed"/> is not set.</summary>
    public const string SeedEnvironmentVariable = "SAFETYTESTS_SEED";

    /// <summary>p0: the acceptable failure rate (H0: p ≤ p0), in (0, 1). Default 0.05.</summary>
    public double MaxFailureRate { get; set; } = DefaultMaxFailureRate;

    /// <summary>
    /// p1: the failure rate the design must detect (H1: p ≥ p1), in (p0, 1). When not set it is derived from p0:
    /// p0 + max(3·p0, 0.09), at most halfway from p0 to 1 (0.05 → 0.20, 0.01 → 0.10).
    /// </summary>
    public double? UnacceptableFailureRate { get; set; }

    /// <summary>α, in (0, 0.5): the chance of failing a case whose true rate is p0. Default 0.05.</summary>
    public double Alpha { get; set; } = DefaultAlpha;

    /// <summary>β, in (0, 0.5): the chance of passing a case whose true rate is p1. Default 0.10.</summary>
    public double Beta { get; set; } = DefaultBeta;

    /// <summary>The sample cap of the sequential design (default <see cref="DefaultMaxSamples"/>). Not with <see cref="Samples"/>.</summary>
    public int? MaxSamples { get; set; }

    /// <summary>
    /// A fixed design of exactly this many samples with an exact decision rule, instead of the sequential test.
    /// <c>Samples = 1</c> is a plain deterministic test (any unsafe sample fails it). Not with <see cref="MaxSamples"/>.
    /// </summary>
    public int? Samples { get; set; }

    /// <summary>How many trials of one case may be in flight at once, in [1, 256]. Default 4.</summary>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>
    /// The tolerated fraction of errored trials relative to the sample cap, in [0, 1). Default 0.1. One error more
    /// than the budget ends the case as <see cref="SafetyVerdict.Error"/>; errors never count as safe.
    /// </summary>
    public double MaxErrorRate { get; set; } = SamplingDesign.DefaultMaxErrorRate;

    /// <summary>
    /// The run seed. Each trial's seed is derived from it, the case id and the sample index. When not set, the
    /// environment variable <c>SAFETYTESTS_SEED</c> is used, else 0, so runs are reproducible by default.
    /// </summary>
    public int? Seed { get; set; }

    /// <summary>What an undecided case does at the cap. Default <see cref="InconclusiveBehavior.Fail"/> (fail closed).</summary>
    public InconclusiveBehavior Inconclusive { get; set; } = InconclusiveBehavior.Fail;

    /// <summary>The p1 the design uses: <see cref="UnacceptableFailureRate"/> when set, else the documented default for p0.</summary>
    public double EffectiveUnacceptableFailureRate => UnacceptableFailureRate ?? DefaultUnacceptableFailureRateFor(MaxFailureRate);

    /// <summary>The seed the run uses: <see cref="Seed"/>, else <c>SAFETYTESTS_SEED</c>, else 0.</summary>
    public int EffectiveSeed
    {
        get
        {
            if (Seed is int seed)
            {
                return seed;
            }

            string? fromEnvironment = Environment.GetEnvironmentVariable(SeedEnvironmentVariable);
            return int.TryParse(fromEnvironment, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) ? parsed : 0;
        }
    }

    /// <summary>The default p1 for an acceptable rate p0: p0 + max(3·p0, 0.09), at most halfway from p0 to 1.</summary>
    /// <param name="maxFailureRate">p0.</param>
    /// <returns>The default p1.</returns>
    public static double DefaultUnacceptableFailureRateFor(double maxFailureRate)
    {
        double gap = Math.Max(3 * maxFailureRate, 0.09);
        double p1 = Math.Min(maxFailureRate + gap, maxFailureRate + ((1 - maxFailureRate) / 2));
        return Math.Round(p1, 6);
    }

    /// <summary>Copies the options.</summary>
    /// <returns>An independent copy.</returns>
    public SafetyRunOptions Clone() => (SafetyRunOptions)MemberwiseClone();

    /// <summary>Checks every setting and returns one readable sentence per problem (empty when valid).</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> GetProblems()
    {
        var problems = new List<string>();
        bool p0Valid = MaxFailureRate > 0 && MaxFailureRate < 1;
        if (!p0Valid)
        {
            problems.Add(Invariant($"MaxFailureRate is {Show(MaxFailureRate)}; it must be greater than 0 and less than 1 (for example 0.05 for an acceptable 5 % failure rate)."));
        }

        if (UnacceptableFailureRate is double p1)
        {
            if (!(p1 > 0 && p1 < 1))
            {
                problems.Add(Invariant($"UnacceptableFailureRate is {Show(p1)}; it must be greater than MaxFailureRate and less than 1."));
            }
            else if (p0Valid && !(p1 > MaxFailureRate))
            {
                problems.Add(Invariant($"UnacceptableFailureRate is {Show(p1)}; it must be greater than MaxFailureRate ({Show(MaxFailureRate)}): it is the failure rate the test must detect."));
            }
        }

        if (!(Alpha > 0 && Alpha < 0.5))
        {
            problems.Add(Invariant($"Alpha is {Show(Alpha)}; it must be greater than 0 and less than 0.5 (the chance of failing a case whose true rate is MaxFailureRate; 0.05 is usual)."));
        }

        if (!(Beta > 0 && Beta < 0.5))
        {
            problems.Add(Invariant($"Beta is {Show(Beta)}; it must be greater than 0 and less than 0.5 (the chance of passing a case whose true rate is UnacceptableFailureRate; 0.1 is usual)."));
        }

        if (MaxSamples is int cap && (cap < 1 || cap > SampleLimit))
        {
            problems.Add(Invariant($"MaxSamples is {cap}; it must be between 1 and {SampleLimit}."));
        }

        if (Samples is int n && (n < 1 || n > SampleLimit))
        {
            problems.Add(Invariant($"Samples is {n}; it must be between 1 and {SampleLimit} (Samples = 1 is a plain deterministic test)."));
        }

        if (Samples.HasValue && MaxSamples.HasValue)
        {
            problems.Add("Samples (a fixed design) and MaxSamples (the cap of the sequential design) are both set; set only one of them.");
        }

        if (MaxConcurrency < 1 || MaxConcurrency > MaxConcurrencyLimit)
        {
            problems.Add(Invariant($"MaxConcurrency is {MaxConcurrency}; it must be between 1 and {MaxConcurrencyLimit} (trials of one case in flight at once)."));
        }

        if (!(MaxErrorRate >= 0 && MaxErrorRate < 1))
        {
            problems.Add(Invariant($"MaxErrorRate is {Show(MaxErrorRate)}; it must be at least 0 and less than 1 (0.1 tolerates one errored trial per ten samples; 0 tolerates none)."));
        }

        if (Inconclusive is not (InconclusiveBehavior.Fail or InconclusiveBehavior.Skip or InconclusiveBehavior.Pass))
        {
            problems.Add(Invariant($"Inconclusive is {(int)Inconclusive}; it must be Fail, Skip or Pass."));
        }

        return problems;
    }

    /// <summary>Throws when any setting is invalid, listing every problem.</summary>
    /// <exception cref="SafetyOptionsException">At least one setting is invalid.</exception>
    public void Validate()
    {
        var problems = GetProblems();
        if (problems.Count > 0)
        {
            throw new SafetyOptionsException(problems);
        }
    }

    /// <summary>Validates the options and builds the sampling design they describe.</summary>
    /// <returns>A sequential (SPRT) design, or a fixed one when <see cref="Samples"/> is set.</returns>
    /// <exception cref="SafetyOptionsException">The settings are invalid or describe no usable design.</exception>
    public SamplingDesign CreateDesign()
    {
        Validate();
        try
        {
            if (Samples is int n)
            {
                return TrialDesigns.Fixed(MaxFailureRate, EffectiveUnacceptableFailureRate, Alpha, Beta, n, MaxErrorRate);
            }

            return SamplingDesign.Sequential(MaxFailureRate, EffectiveUnacceptableFailureRate, Alpha, Beta, MaxSamples ?? DefaultMaxSamples, MaxErrorRate);
        }
        catch (ArgumentException ex)
        {
            throw new SafetyOptionsException(new[] { ex.Message });
        }
    }

    /// <summary>Describes the settings in one invariant line (for messages and provenance).</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        string design = Samples is int n ? Invariant($"Samples={n}") : Invariant($"MaxSamples={MaxSamples ?? DefaultMaxSamples}");
        return Invariant($"MaxFailureRate={Show(MaxFailureRate)}, UnacceptableFailureRate={Show(EffectiveUnacceptableFailureRate)}, Alpha={Show(Alpha)}, Beta={Show(Beta)}, {design}, MaxConcurrency={MaxConcurrency}, MaxErrorRate={Show(MaxErrorRate)}, Seed={EffectiveSeed}, Inconclusive={Inconclusive}");
    }

    private static string Show(double value) => double.IsNaN(value) ? "not a number" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
