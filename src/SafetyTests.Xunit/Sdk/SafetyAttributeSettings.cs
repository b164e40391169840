using System;
using System.Collections.Generic;
using SafetyTests.Statistics;

namespace SafetyTests.Xunit.Sdk;

/// <summary>
/// The settings shared by <see cref="SafetyTheoryAttribute"/> and <see cref="SafetyFactAttribute"/>. Remembers which
/// properties were set so unset ones take the engine's defaults (attribute properties cannot be nullable).
/// </summary>
internal sealed class SafetyAttributeSettings
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

    public double MaxFailureRate
    {
        get => _maxFailureRate ?? SafetyRunOptions.DefaultMaxFailureRate;
        set => _maxFailureRate = value;
    }

    public double UnacceptableFailureRate
    {
        get => _unacceptableFailureRate ?? ToOptions().EffectiveUnacceptableFailureRate;
        set => _unacceptableFailureRate = value;
    }

    public double Alpha
    {
        get => _alpha ?? SafetyRunOptions.DefaultAlpha;
        set => _alpha = value;
    }

    public double Beta
    {
        get => _beta ?? SafetyRunOptions.DefaultBeta;
        set => _beta = value;
    }

    public int MaxSamples
    {
        get => _maxSamples ?? PlannedMaxSamples();
        set => _maxSamples = value;
    }

    public int Samples
    {
        get => _samples ?? 0;
        set => _samples = value;
    }

    public int MaxConcurrency
    {
        get => _maxConcurrency ?? SafetyRunOptions.DefaultMaxConcurrency;
        set => _maxConcurrency = value;
    }

    public double MaxErrorRate
    {
        get => _maxErrorRate ?? Statistics.SamplingDesign.DefaultMaxErrorRate;
        set => _maxErrorRate = value;
    }

    public int Seed
    {
        get => _seed ?? 0;
        set => _seed = value;
    }

    public InconclusiveBehavior Inconclusive
    {
        get => _inconclusive ?? InconclusiveBehavior.Fail;
        set => _inconclusive = value;
    }

    /// <summary>The cap the planner picks for these settings (0 for a fixed design or invalid settings).</summary>
    private int PlannedMaxSamples()
    {
        var options = ToOptions();
        if (_samples.HasValue || options.GetProblems().Count > 0)
        {
            return 0;
        }

        return DesignPlanner.DefaultMaxSamples(options.MaxFailureRate, options.EffectiveUnacceptableFailureRate, options.Alpha, options.Beta);
    }

    /// <summary>Builds engine options: explicit values as given, the rest as engine defaults.</summary>
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

    /// <summary>Names of the properties that were set (for diagnostics).</summary>
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
