using System.Collections.Generic;

namespace SafetyTests.Statistics;

/// <summary>
/// The sampling options a test author states (typically through a test attribute). Validate them with
/// <see cref="Validate"/> to get every problem at once, then build the design with <see cref="SamplingDesign.Create"/>.
/// </summary>
public sealed class SamplingOptions
{
    /// <summary>Sequential (SPRT, the default) or fixed-n.</summary>
    public SamplingMode Mode { get; set; } = SamplingMode.Sequential;

    /// <summary>p0: the acceptable failure rate, in [0, 1) (0: zero tolerance, any unsafe sample fails). Required.</summary>
    public double MaxFailureRate { get; set; } = double.NaN;

    /// <summary>p1: the unacceptable failure rate, in (p0, 1); <see langword="null"/> for <see cref="DesignPlanner.DefaultUnacceptableFailureRate"/>.</summary>
    public double? UnacceptableFailureRate { get; set; }

    /// <summary>α, the probability of failing a case whose true rate is p0, in (0, 0.5).</summary>
    public double Alpha { get; set; } = DesignPlanner.DefaultAlpha;

    /// <summary>β, the probability of passing a case whose true rate is p1, in (0, 0.5).</summary>
    public double Beta { get; set; } = DesignPlanner.DefaultBeta;

    /// <summary>The sample cap of a sequential design; <see langword="null"/> for the planner's default truncation.</summary>
    public int? MaxSamples { get; set; }

    /// <summary>The sample count of a fixed design; <see langword="null"/> for the smallest exact design meeting α and β at p0 and p1.</summary>
    public int? Samples { get; set; }

    /// <summary>The tolerated fraction of errored trials, in [0, 1).</summary>
    public double MaxErrorRate { get; set; } = SamplingDesign.DefaultMaxErrorRate;

    /// <summary>Checks every option and returns all problems found (empty when the options are valid).</summary>
    /// <returns>The problems, each naming the option, the value and the allowed range.</returns>
    public IReadOnlyList<DesignProblem> Validate() => DesignValidation.Validate(this);
}
