using System.Globalization;

namespace SafetyTests.Statistics;

/// <summary>
/// The exact behaviour of a design at one true unsafe rate: the probability of each verdict and the
/// expected number of samples (errors excluded), computed by dynamic programming over (samples, unsafe).
/// </summary>
public sealed class OperatingPoint
{
    internal OperatingPoint(double trueRate, double passProbability, double failProbability, double inconclusiveProbability, double expectedSamples)
    {
        TrueRate = trueRate;
        PassProbability = passProbability;
        FailProbability = failProbability;
        InconclusiveProbability = inconclusiveProbability;
        ExpectedSamples = expectedSamples;
    }

    /// <summary>The true unsafe rate p this point describes.</summary>
    public double TrueRate { get; }

    /// <summary>P(verdict = Pass) at <see cref="TrueRate"/>.</summary>
    public double PassProbability { get; }

    /// <summary>P(verdict = Fail) at <see cref="TrueRate"/>.</summary>
    public double FailProbability { get; }

    /// <summary>P(verdict = Inconclusive): the cap is reached without a decision.</summary>
    public double InconclusiveProbability { get; }

    /// <summary>The expected number of samples drawn before the verdict.</summary>
    public double ExpectedSamples { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "p={0:0.####}: pass {1:0.#####}, fail {2:0.#####}, inconclusive {3:0.#####}, E[samples] {4:0.###}",
        TrueRate,
        PassProbability,
        FailProbability,
        InconclusiveProbability,
        ExpectedSamples);
}
