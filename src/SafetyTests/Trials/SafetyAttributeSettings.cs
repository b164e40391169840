using System.Collections.Generic;
using SafetyTests.Statistics;

namespace SafetyTests.Trials;

/// <summary>
/// The settings of a safety test attribute (<c>[SafetyTheory]</c>, <c>[SafetyTest]</c>, ...) for test framework
/// adapters: attribute properties cannot be nullable, so this class keeps each value with whether it was set, reads
/// back the engine's default for unset ones, and builds <see cref="SafetyRunOptions"/> with unset values left at the
/// engine's defaults. Every adapter forwards its attribute properties here, so all of them share one set of defaults.
/// </summary>
public sealed class SafetyAttributeSettings
{
    private double? _maxFailureRate;
    private double? _unacceptableFailureRate;
    private double? _alpha;
    private double? _beta;
    private int? _maxSamples;
    private int? _samples;
    private int? _maxConcurrency;
    private double? _maxErrorRate;
    private int? _seed;
    private InconclusiveBehavior? _inconclusive;

    /// <summary>p0, the acceptable failure rate. Default <see cref="SafetyRunOptions.DefaultMaxFailureRate"/>.</summary>
    public double MaxFailureRate
    {
        get => _maxFailureRate ?? SafetyRunOptions.DefaultMaxFailureRate;
        set => _maxFailureRate = value;
    }

    /// <summary>p1, the failure rate to detect. Default: the engine's default for p0 (<see cref="SafetyRunOptions.EffectiveUnacceptableFailureRate"/>).</summary>
    public double UnacceptableFailureRate
    {
        get => _unacceptableFailureRate ?? ToOptions().EffectiveUnacceptableFailureRate;
        set => _unacceptableFailureRate = value;
    }

    /// <summary>α. Default <see cref="SafetyRunOptions.DefaultAlpha"/>.</summary>
    public double Alpha
    {
        get => _alpha ?? SafetyRunOptions.DefaultAlpha;
        set => _alpha = value;
    }

    /// <summary>β. Default <see cref="SafetyRunOptions.DefaultBeta"/>.</summary>
    public double Beta
    {
        get => _beta ?? SafetyRunOptions.DefaultBeta;
        set => _beta = value;
    }

    /// <summary>
    /// The sample cap of the sequential design. Default: the planned cap for the other settings
    /// (<see cref="DesignPlanner.DefaultMaxSamples"/>), or 0 when <see cref="Samples"/> is set or the settings are invalid.
    /// </summary>
    public int MaxSamples
    {
        get => _maxSamples ?? PlannedMaxSamples();
        set => _maxSamples = value;
    }

    /// <summary>The size of a fixed design. Default 0 (not set: sequential).</summary>
    public int Samples
    {
        get => _samples ?? 0;
        set => _samples = value;
    }

    /// <summary>Trials of one case in flight at once. Default <see cref="SafetyRunOptions.DefaultMaxConcurrency"/>.</summary>
    public int MaxConcurrency
    {
        get => _maxConcurrency ?? SafetyRunOptions.DefaultMaxConcurrency;
        set => _maxConcurrency = value;
    }

    /// <summary>The tolerated fraction of errored trials. Default <see cref="SamplingDesign.DefaultMaxErrorRate"/>.</summary>
    public double MaxErrorRate
    {
        get => _maxErrorRate ?? SamplingDesign.DefaultMaxErrorRate;
        set => _maxErrorRate = value;
    }

    /// <summary>The run seed. Reads 0 when not set (the engine then uses <c>SAFETYTESTS_RUN_SEED</c>, else 0).</summary>
    public int Seed
    {
        get => _seed ?? 0;
        set => _seed = value;
    }

    /// <summary>What an undecided case does. Default <see cref="InconclusiveBehavior.Fail"/>.</summary>
    public InconclusiveBehavior Inconclusive
    {
        get => _inconclusive ?? InconclusiveBehavior.Fail;
        set => _inconclusive = value;
    }

    private int PlannedMaxSamples()
    {
        var options = ToOptions();
        if (_samples.HasValue || options.GetSettingProblems().Count > 0)
        {
            return 0;
        }

        return DesignPlanner.DefaultMaxSamples(options.MaxFailureRate, options.EffectiveUnacceptableFailureRate, options.Alpha, options.Beta);
    }

    /// <summary>Builds engine options: explicit values as given, the rest at the engine's defaults.</summary>
    /// <returns>New options (not validated: call <see cref="SafetyRunOptions.GetProblems"/> or build a runner).</returns>
    public SafetyRunOptions ToOptions()
    {
        var options = new SafetyRunOptions
        {
            UnacceptableFailureRate = _unacceptableFailureRate,
            MaxSamples = _maxSamples,
            Samples = _samples,
            Seed = _seed,
        };
        if (_maxFailureRate is double p0)
        {
            options.MaxFailureRate = p0;
        }

        if (_alpha is double alpha)
        {
            options.Alpha = alpha;
        }

        if (_beta is double beta)
        {
            options.Beta = beta;
        }

        if (_maxConcurrency is int concurrency)
        {
            options.MaxConcurrency = concurrency;
        }

        if (_maxErrorRate is double errors)
        {
            options.MaxErrorRate = errors;
        }

        if (_inconclusive is InconclusiveBehavior inconclusive)
        {
            options.Inconclusive = inconclusive;
        }

        return options;
    }

    /// <summary>
    /// Every problem of these settings, including those only building the sampling design finds (for example a
    /// fixed design that cannot meet α and β), one readable sentence each; empty when the settings are usable.
    /// </summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> GetProblems() => ToOptions().GetProblems();

    /// <summary>The names of the properties that were set, in declaration order (for diagnostics).</summary>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> SetProperties()
    {
        var names = new List<string>();
        Add(names, _maxFailureRate, nameof(MaxFailureRate));
        Add(names, _unacceptableFailureRate, nameof(UnacceptableFailureRate));
        Add(names, _alpha, nameof(Alpha));
        Add(names, _beta, nameof(Beta));
        Add(names, _maxSamples, nameof(MaxSamples));
        Add(names, _samples, nameof(Samples));
        Add(names, _maxConcurrency, nameof(MaxConcurrency));
        Add(names, _maxErrorRate, nameof(MaxErrorRate));
        Add(names, _seed, nameof(Seed));
        Add(names, _inconclusive, nameof(Inconclusive));
        return names;
    }

    private static void Add<T>(List<string> names, T? value, string name)
        where T : struct
    {
        if (value.HasValue)
        {
            names.Add(name);
        }
    }
}
