using System;
using System.Collections.Concurrent;
using System.Globalization;
using SafetyTests.Statistics;

namespace SafetyTests.Records;

/// <summary>
/// Rebuilds the sampling designs that records name, once per distinct set of parameters, for
/// <see cref="VerdictReplay"/>. Thread-safe: the TRX files of a gate are read on several threads and share one
/// instance. A 100,000-case run usually names a handful of designs, so rebuilding costs nothing measurable.
/// </summary>
internal sealed class RecordDesigns
{
    /// <summary>Beyond this many distinct designs, further ones are rebuilt per record instead of kept (bounds the memory a hostile file can claim).</summary>
    internal const int MaxCached = 1024;

    // The last lookup of this thread (records are read one file per thread).
    [ThreadStatic]
    private static RecordDesigns? _lastOwner;

    [ThreadStatic]
    private static DesignRecord? _lastRecord;

    [ThreadStatic]
    private static Rebuilt? _lastRebuilt;

    private readonly ConcurrentDictionary<Key, Rebuilt> _designs = new();

    /// <summary>The design <paramref name="record"/> describes, rebuilt as the trial runner builds it, or why it cannot be.</summary>
    /// <param name="record">The design as recorded.</param>
    /// <returns>The design, or the reason it cannot be rebuilt.</returns>
    public Rebuilt Get(DesignRecord record)
    {
        // The record reader hands out one design object for equal design texts in a row (and never changes it once
        // read): most lookups end here.
        if (ReferenceEquals(_lastOwner, this) && ReferenceEquals(_lastRecord, record))
        {
            return _lastRebuilt!;
        }

        Rebuilt rebuilt = Lookup(record);
        _lastOwner = this;
        _lastRecord = record;
        _lastRebuilt = rebuilt;
        return rebuilt;
    }

    private Rebuilt Lookup(DesignRecord record)
    {
        var key = new Key(record.Mode, record.MaxFailureRate, record.UnacceptableFailureRate, record.Alpha, record.Beta, record.MaxSamples);
        if (_designs.TryGetValue(key, out Rebuilt? found))
        {
            return found;
        }

        Rebuilt built = Rebuild(record);
        return _designs.Count < MaxCached ? _designs.GetOrAdd(key, built) : built;
    }

    /// <summary>
    /// Builds the design with the same code the trial runner uses (<see cref="SamplingDesign.Create"/>): Wald's SPRT
    /// truncated at the recorded cap, or the exact fixed design of the recorded sample count. The error budget is
    /// not part of it: the record carries it as a count.
    /// </summary>
    internal static Rebuilt Rebuild(DesignRecord record)
    {
        if (record.MaxSamples == 0)
        {
            return new Rebuilt(null, "it carries no sampling design (no 'design' object, or one without 'maxSamples'), as records of older SafetyTests versions may");
        }

        var options = record.Mode == SamplingMode.Fixed
            ? new SamplingOptions { Mode = SamplingMode.Fixed, Samples = record.MaxSamples, MaxFailureRate = record.MaxFailureRate, Alpha = record.Alpha, Beta = record.Beta, MaxErrorRate = 0 }
            : new SamplingOptions { Mode = SamplingMode.Sequential, MaxSamples = record.MaxSamples, MaxFailureRate = record.MaxFailureRate, UnacceptableFailureRate = record.UnacceptableFailureRate, Alpha = record.Alpha, Beta = record.Beta, MaxErrorRate = 0 };
        var problems = DesignValidation.Validate(options);
        if (problems.Count > 0)
        {
            var text = new string[problems.Count];
            for (int i = 0; i < problems.Count; i++)
            {
                text[i] = problems[i].Message;
            }

            return new Rebuilt(null, "its design is not one SafetyTests builds: " + string.Join(" ", text));
        }

        SamplingDesign design = record.Mode == SamplingMode.Fixed
            ? SamplingDesign.FixedUnchecked(record.MaxSamples, SamplingDesign.ComputeFixedFailThreshold(record.MaxSamples, record.MaxFailureRate, record.Alpha), record.MaxFailureRate, record.Alpha, record.Beta, 0)
            : SamplingDesign.SequentialUnchecked(record.MaxFailureRate, record.UnacceptableFailureRate, record.Alpha, record.Beta, record.MaxSamples, 0);
        return new Rebuilt(design, null);
    }

    /// <summary>Describes a recorded design in one line for messages.</summary>
    internal static string Describe(DesignRecord d) => d.Mode == SamplingMode.Fixed
        ? string.Format(CultureInfo.InvariantCulture, "fixed, {0} samples, H0 p ≤ {1}, α={2}, error budget {3}", d.MaxSamples, Show(d.MaxFailureRate), Show(d.Alpha), d.ErrorBudget)
        : string.Format(CultureInfo.InvariantCulture, "sequential, H0 p ≤ {0} vs H1 p ≥ {1}, α={2}, β={3}, at most {4} samples, error budget {5}", Show(d.MaxFailureRate), Show(d.UnacceptableFailureRate), Show(d.Alpha), Show(d.Beta), d.MaxSamples, d.ErrorBudget);

    private static string Show(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    /// <summary>A rebuilt design, or why the record's design cannot be rebuilt.</summary>
    internal sealed class Rebuilt
    {
        public Rebuilt(SamplingDesign? design, string? problem)
        {
            Design = design;
            Problem = problem;
        }

        /// <summary>The design, or null when <see cref="Problem"/> says why there is none.</summary>
        public SamplingDesign? Design { get; }

        /// <summary>Why the design cannot be rebuilt, or null.</summary>
        public string? Problem { get; }
    }

    /// <summary>The parameters that decide a design's boundaries (the seed and the error budget do not).</summary>
    private readonly struct Key : IEquatable<Key>
    {
        private readonly SamplingMode _mode;
        private readonly double _p0;
        private readonly double _p1;
        private readonly double _alpha;
        private readonly double _beta;
        private readonly int _maxSamples;

        public Key(SamplingMode mode, double p0, double p1, double alpha, double beta, int maxSamples)
        {
            _mode = mode;
            _p0 = p0;
            _p1 = p1;
            _alpha = alpha;
            _beta = beta;
            _maxSamples = maxSamples;
        }

        public bool Equals(Key other) => _mode == other._mode
            && _p0.Equals(other._p0)
            && _p1.Equals(other._p1)
            && _alpha.Equals(other._alpha)
            && _beta.Equals(other._beta)
            && _maxSamples == other._maxSamples;

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = (int)_mode;
                hash = (hash * 397) ^ _p0.GetHashCode();
                hash = (hash * 397) ^ _p1.GetHashCode();
                hash = (hash * 397) ^ _alpha.GetHashCode();
                hash = (hash * 397) ^ _beta.GetHashCode();
                return (hash * 397) ^ _maxSamples;
            }
        }
    }
}
