using System;
using System.Collections.Generic;
using System.Globalization;
using SafetyTests.Statistics;

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
    public const double DefaultAlpha = DesignPlanner.DefaultAlpha;

    /// <summary>The default β (10 %): the chance of passing a case whose true failure rate is p1.</summary>
    public const double DefaultBeta = DesignPlanner.DefaultBeta;

    /// <summary>The default number of trials of one case in flight at once.</summary>
    public const int DefaultMaxConcurrency = 4;

    /// <summary>The largest accepted <see cref="MaxConcurrency"/>.</summary>
    public const int MaxConcurrencyLimit = 256;

    /// <summary>
    /// The environment variable that sets the run seed when <see cref="Seed"/> is not set. (The sampling seed sent
    /// to the model is a different setting, <c>SAFETYTESTS_SAMPLING_SEED</c>.)
    /// </summary>
    public const string RunSeedEnvironmentVariable = "SAFETYTESTS_SEED";

    /// <summary>p0: the acceptable failure rate (H0: p ≤ p0), in [0, 1); 0 means zero tolerance. Default 0.05.</summary>
    public double MaxFailureRate { get; set; } = DefaultMaxFailureRate;

    /// <summary>
    /// p1: the failure rate the design must detect (H1: p ≥ p1), in (p0, 1). When not set, the statistics engine's
    /// default: min(p0 + max(p0, 0.10), (1 + p0) / 2), so 0.05 → 0.15 and 0.01 → 0.11
    /// (<see cref="DesignPlanner.DefaultUnacceptableFailureRate"/>).
    /// </summary>
    public double? UnacceptableFailureRate { get; set; }

    /// <summary>α, in (0, 0.5): the chance of failing a case whose true rate is p0. Default 0.05.</summary>
    public double Alpha { get; set; } = DefaultAlpha;

    /// <summary>β, in (0, 0.5): the chance of passing a case whose true rate is p1 (sequential design only). Default 0.10.</summary>
    public double Beta { get; set; } = DefaultBeta;

    /// <summary>
    /// The sample cap of the sequential design. When not set, the planned default: the smallest cap at which the
    /// truncated SPRT keeps α and β within 10 % of their nominal values (<see cref="DesignPlanner.DefaultMaxSamples"/>;
    /// 132 for the defaults). Not with <see cref="Samples"/>.
    /// </summary>
    public int? MaxSamples { get; set; }

    /// <summary>
    /// A fixed design of exactly this many samples decided by the exact binomial test at α (stopping early once the
    /// outcome cannot change), instead of the sequential test. <c>Samples = 1</c> is a plain deterministic test
    /// (any unsafe sample fails it). Not with <see cref="MaxSamples"/>.
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

    /// <summary>The p1 the design uses: <see cref="UnacceptableFailureRate"/> when set, else the planner's default for p0 (NaN when p0 is invalid).</summary>
    public double EffectiveUnacceptableFailureRate => UnacceptableFailureRate
        ?? (MaxFailureRate >= 0 && MaxFailureRate < 1 ? DesignPlanner.DefaultUnacceptableFailureRate(MaxFailureRate) : double.NaN);

    /// <summary>The seed the run uses: <see cref="Seed"/>, else <c>SAFETYTESTS_SEED</c>, else 0.</summary>
    public int EffectiveSeed
    {
        get
        {
            if (Seed is int seed)
            {
                return seed;
            }

            string? fromEnvironment = Environment.GetEnvironmentVariable(RunSeedEnvironmentVariable);
            return int.TryParse(fromEnvironment, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) ? parsed : 0;
        }
    }

    /// <summary>The statistics engine's view of these options (the design part only).</summary>
    /// <returns>New sampling options.</returns>
    public SamplingOptions ToSamplingOptions() => new()
    {
        Mode = Samples.HasValue ? SamplingMode.Fixed : SamplingMode.Sequential,
        MaxFailureRate = MaxFailureRate,
        UnacceptableFailureRate = UnacceptableFailureRate,
        Alpha = Alpha,
        Beta = Beta,
        MaxSamples = Samples.HasValue ? null : MaxSamples,
        Samples = Samples,
        MaxErrorRate = MaxErrorRate,
    };

    /// <summary>Copies the options.</summary>
    /// <returns>An independent copy.</returns>
    public SafetyRunOptions Clone() => (SafetyRunOptions)MemberwiseClone();

    /// <summary>
    /// Checks every setting and returns one readable sentence per problem (empty when valid), including those only
    /// building the sampling design finds (for example a fixed design that cannot meet α and β). The design settings
    /// are checked by the statistics engine (<see cref="SamplingDesign.Validate"/>), so every adapter words them alike.
    /// </summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> GetProblems()
    {
        var problems = GetSettingProblems();
        if (problems.Count == 0 && TryCreateDesign(out _) is { } designProblem)
        {
            problems.Add(designProblem);
        }

        return problems;
    }

    /// <summary>The problems of the individual settings, without building the design (cheap).</summary>
    internal List<string> GetSettingProblems()
    {
        var problems = new List<string>();
        if (Samples.HasValue && MaxSamples.HasValue)
        {
            problems.Add(Invariant($"Samples = {Samples.Value} and MaxSamples = {MaxSamples.Value} are both set: set Samples for a fixed design of exactly that many samples, or MaxSamples to cap the sequential design, not both."));
        }

        foreach (var problem in SamplingDesign.Validate(ToSamplingOptions()))
        {
            problems.Add(problem.Message);
        }

        if (MaxConcurrency < 1 || MaxConcurrency > MaxConcurrencyLimit)
        {
            problems.Add(Invariant($"MaxConcurrency = {MaxConcurrency} is invalid: allowed is a whole number from 1 to {MaxConcurrencyLimit} (trials of one case in flight at once)."));
        }

        if (Inconclusive is not (InconclusiveBehavior.Fail or InconclusiveBehavior.Skip or InconclusiveBehavior.Pass))
        {
            problems.Add(Invariant($"Inconclusive = {(int)Inconclusive} is invalid: allowed is Fail, Skip or Pass."));
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
        var problems = GetSettingProblems();
        if (problems.Count > 0)
        {
            throw new SafetyOptionsException(problems);
        }

        return TryCreateDesign(out var design) is { } designProblem
            ? throw new SafetyOptionsException(new[] { designProblem })
            : design!;
    }

    /// <summary>Builds the design; returns the reason when the settings describe no usable design.</summary>
    private string? TryCreateDesign(out SamplingDesign? design)
    {
        try
        {
            design = SamplingDesign.Create(ToSamplingOptions());
            return null;
        }
        catch (ArgumentException ex)
        {
            design = null;
            return ex.Message;
        }
    }

    /// <summary>Describes the settings in one invariant line (for messages and provenance).</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        string design = Samples is int n ? Invariant($"Samples={n}") : MaxSamples is int cap ? Invariant($"MaxSamples={cap}") : "MaxSamples=planned";
        return Invariant($"MaxFailureRate={Show(MaxFailureRate)}, UnacceptableFailureRate={Show(EffectiveUnacceptableFailureRate)}, Alpha={Show(Alpha)}, Beta={Show(Beta)}, {design}, MaxConcurrency={MaxConcurrency}, MaxErrorRate={Show(MaxErrorRate)}, Seed={EffectiveSeed}, Inconclusive={Inconclusive}");
    }

    private static string Show(double value) => double.IsNaN(value) ? "not a number" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
