using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SafetyTests.Statistics;

/// <summary>Checks sampling options and collects every problem with the option name and the allowed range.</summary>
internal static class DesignValidation
{
    /// <summary>The largest sample count a design may use (keeps tables and dynamic programming bounded).</summary>
    public const int SampleLimit = 100_000;

    public static IReadOnlyList<DesignProblem> Validate(SamplingOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var problems = new List<DesignProblem>();
        bool p0Valid = options.MaxFailureRate >= 0 && options.MaxFailureRate < 1;
        if (!p0Valid)
        {
            problems.Add(new DesignProblem(nameof(SamplingOptions.MaxFailureRate), Format(options.MaxFailureRate), "a number in [0, 1)"));
        }

        bool p1Valid = true;
        if (options.UnacceptableFailureRate is double p1)
        {
            if (p0Valid)
            {
                if (!(p1 > options.MaxFailureRate && p1 < 1))
                {
                    problems.Add(new DesignProblem(
                        nameof(SamplingOptions.UnacceptableFailureRate),
                        Format(p1),
                        string.Format(CultureInfo.InvariantCulture, "a number greater than {{{0}}} ({1}) and less than 1", nameof(SamplingOptions.MaxFailureRate), Format(options.MaxFailureRate))));
                    p1Valid = false;
                }
            }
            else
            {
                p1Valid = CheckOpen(problems, nameof(SamplingOptions.UnacceptableFailureRate), p1, 0, 1);
            }
        }

        bool alphaValid = CheckOpen(problems, nameof(SamplingOptions.Alpha), options.Alpha, 0, 0.5);
        bool betaValid = CheckOpen(problems, nameof(SamplingOptions.Beta), options.Beta, 0, 0.5);
        if (!(options.MaxErrorRate >= 0 && options.MaxErrorRate < 1))
        {
            problems.Add(new DesignProblem(nameof(SamplingOptions.MaxErrorRate), Format(options.MaxErrorRate), "a number in [0, 1)"));
        }

        bool maxSamplesValid = options.MaxSamples is null || CheckCount(problems, nameof(SamplingOptions.MaxSamples), options.MaxSamples.Value);
        bool samplesValid = options.Samples is null || CheckCount(problems, nameof(SamplingOptions.Samples), options.Samples.Value);
        bool ratesValid = p0Valid && p1Valid && alphaValid && betaValid;

        if (options.Mode == SamplingMode.Sequential)
        {
            if (options.Samples is int samples)
            {
                problems.Add(new DesignProblem(
                    nameof(SamplingOptions.Samples),
                    samples.ToString(CultureInfo.InvariantCulture),
                    string.Format(CultureInfo.InvariantCulture, "only with {{{0}}} = {1} (a sequential design is capped with {{{2}}})", nameof(SamplingOptions.Mode), nameof(SamplingMode.Fixed), nameof(SamplingOptions.MaxSamples))));
            }

            if (ratesValid && maxSamplesValid && options.MaxSamples is int cap)
            {
                double p1Value = options.UnacceptableFailureRate ?? DesignPlanner.DefaultUnacceptableFailureRate(options.MaxFailureRate);
                int fewest = SamplingDesign.FewestSamplesToPass(options.MaxFailureRate, p1Value, options.Alpha, options.Beta);
                if (cap < fewest)
                {
                    problems.Add(new DesignProblem(
                        nameof(SamplingOptions.MaxSamples),
                        cap.ToString(CultureInfo.InvariantCulture),
                        string.Format(CultureInfo.InvariantCulture, "at least {0} (the fewest samples with which this sequential design can pass; fewer would end every safe case Inconclusive)", fewest)));
                }
            }
        }
        else if (options.Mode == SamplingMode.Fixed)
        {
            if (options.MaxSamples is int cap)
            {
                problems.Add(new DesignProblem(
                    nameof(SamplingOptions.MaxSamples),
                    cap.ToString(CultureInfo.InvariantCulture),
                    string.Format(CultureInfo.InvariantCulture, "only with {{{0}}} = {1} (a fixed design takes exactly {{{2}}} samples)", nameof(SamplingOptions.Mode), nameof(SamplingMode.Sequential), nameof(SamplingOptions.Samples))));
            }

            if (options.Samples is int n && samplesValid && p0Valid && alphaValid && n > 1)
            {
                int cut = SamplingDesign.ComputeFixedFailThreshold(n, options.MaxFailureRate, options.Alpha);
                if (cut > n)
                {
                    int needed = SamplingDesign.FewestFixedSamples(options.MaxFailureRate, options.Alpha);
                    problems.Add(new DesignProblem(
                        nameof(SamplingOptions.Samples),
                        n.ToString(CultureInfo.InvariantCulture),
                        string.Format(
                            CultureInfo.InvariantCulture,
                            "1 (a single deterministic check) or at least {0}: with fewer samples no count of unsafe samples is significant at {{{1}}} = {2} and {{{3}}} = {4}, so the case could never fail",
                            needed,
                            nameof(SamplingOptions.MaxFailureRate),
                            Format(options.MaxFailureRate),
                            nameof(SamplingOptions.Alpha),
                            Format(options.Alpha))));
                }
            }
        }
        else
        {
            problems.Add(new DesignProblem(
                nameof(SamplingOptions.Mode),
                ((int)options.Mode).ToString(CultureInfo.InvariantCulture),
                string.Join(" or ", Enum.GetNames(typeof(SamplingMode)).ToArray())));
        }

        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem, if there are any.</summary>
    public static void ThrowIfInvalid(IReadOnlyList<DesignProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        throw new ArgumentException("Invalid sampling options: " + string.Join(" ", problems.Select(p => p.Message).ToArray()));
    }

    public static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    private static bool CheckOpen(List<DesignProblem> problems, string option, double value, double low, double high)
    {
        if (value > low && value < high)
        {
            return true;
        }

        problems.Add(new DesignProblem(option, Format(value), string.Format(CultureInfo.InvariantCulture, "a number in ({0}, {1})", Format(low), Format(high))));
        return false;
    }

    private static bool CheckCount(List<DesignProblem> problems, string option, int value)
    {
        if (value >= 1 && value <= SampleLimit)
        {
            return true;
        }

        problems.Add(new DesignProblem(option, value.ToString(CultureInfo.InvariantCulture), string.Format(CultureInfo.InvariantCulture, "a whole number from 1 to {0}", SampleLimit)));
        return false;
    }
}
