using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SafetyTests.Statistics;
using SafetyTests.Tool.CommandLine;

namespace SafetyTests.Tool.Commands;

/// <summary>
/// <c>safety plan</c>: prints the sequential design the runners would use for a failure-rate requirement, with the
/// exact operating characteristic of the truncated design and the matched fixed-n design.
/// </summary>
internal sealed class PlanCommand : OptionCommand
{
    private const string MaxFailureRate = "--max-failure-rate";
    private const string UnacceptableRate = "--unacceptable-rate";
    private const string Alpha = "--alpha";
    private const string Beta = "--beta";
    private const string MaxSamples = "--max-samples";
    private const string MaxErrorRate = "--max-error-rate";
    private const string Format = "--format";
    private const int MaxCap = 100_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly OptionSet OptionSet = new OptionSet()
        .Add(MaxFailureRate, "P0", "required: the acceptable unsafe rate p0, in (0, 1)")
        .Add(UnacceptableRate, "P1", "the unsafe rate to detect, in (p0, 1); default min(p0 + max(p0, 0.10), (1 + p0)/2)")
        .Add(Alpha, "A", "false-alarm rate α (failing a case at p0), in (0, 0.5); default 0.05")
        .Add(Beta, "B", "miss rate β (passing a case at p1), in (0, 0.5); default 0.10")
        .Add(MaxSamples, "N", "sample cap; default: the smallest cap keeping actual α, β within 10% of nominal")
        .Add(MaxErrorRate, "E", "tolerated fraction of errored trials, in [0, 1); default 0.1")
        .Add(Format, "text|json", "output format; default text")
        .AddFlag(Help, "show this help");

    /// <inheritdoc />
    public override string Name => "plan";

    /// <inheritdoc />
    public override string Summary => "print the sampling design for a failure-rate requirement: boundaries, actual α and β, expected and maximum samples";

    /// <inheritdoc />
    protected override OptionSet Options => OptionSet;

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(ParsedOptions parsed, CommandConsole console, CancellationToken cancellationToken)
    {
        var request = Read(parsed);
        if (parsed.Errors.Count > 0 || request is null)
        {
            foreach (string error in parsed.Errors)
            {
                await console.Error.WriteLineAsync("safety plan: " + error).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'safety plan --help' for the options.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var design = DesignPlanner.Plan(request.P0, request.P1, request.Alpha, request.Beta, request.MaxSamples, request.MaxErrorRate);
        var summary = DesignPlanner.Summarize(design);
        string output = request.Json ? RenderJson(summary, request) : RenderText(summary, request);
        await console.Out.WriteAsync(output).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Maps a planner option name to the flag the user typed.</summary>
    internal static string FlagOf(string option) => option switch
    {
        nameof(SamplingOptions.MaxFailureRate) => MaxFailureRate,
        nameof(SamplingOptions.UnacceptableFailureRate) => UnacceptableRate,
        nameof(SamplingOptions.Alpha) => Alpha,
        nameof(SamplingOptions.Beta) => Beta,
        nameof(SamplingOptions.MaxSamples) => MaxSamples,
        nameof(SamplingOptions.MaxErrorRate) => MaxErrorRate,
        _ => option,
    };

    private static PlanRequest? Read(ParsedOptions parsed)
    {
        foreach (string positional in parsed.Positionals)
        {
            parsed.AddError($"unexpected argument '{positional}'");
        }

        double? p0 = parsed.GetDouble(MaxFailureRate);
        double? p1 = parsed.GetDouble(UnacceptableRate);
        double? alpha = parsed.GetDouble(Alpha);
        double? beta = parsed.GetDouble(Beta);
        int? maxSamples = parsed.GetInt32(MaxSamples);
        double? maxErrorRate = parsed.GetDouble(MaxErrorRate);
        string format = parsed.GetChoice(Format, "text", "text", "json");

        bool p0Usable = false;
        if (!parsed.Has(MaxFailureRate))
        {
            parsed.AddError($"{MaxFailureRate} is required: the acceptable unsafe rate p0, a number in (0, 1)");
        }
        else if (p0 is double given)
        {
            p0Usable = given > 0 && given < 1;
            if (!p0Usable)
            {
                parsed.AddError(new DesignProblem(nameof(SamplingOptions.MaxFailureRate), given.ToString("G", Invariant), "a number in (0, 1)").Format(FlagOf));
            }
        }

        // The planner checks the rest; p0's own range is checked above. Without a usable p0, the checks that compare
        // with p0 (p1 above p0, a cap long enough to pass) cannot be made: check only the plain ranges of p1 and the cap.
        if (!p0Usable)
        {
            if (p1 is double rate && !(rate > 0 && rate < 1))
            {
                parsed.AddError(new DesignProblem(nameof(SamplingOptions.UnacceptableFailureRate), rate.ToString("G", Invariant), "a number in (0, 1)").Format(FlagOf));
            }

            if (maxSamples is int cap && !(cap >= 1 && cap <= MaxCap))
            {
                parsed.AddError(new DesignProblem(nameof(SamplingOptions.MaxSamples), cap.ToString(Invariant), "a whole number from 1 to 100000").Format(FlagOf));
            }
        }

        var problems = DesignPlanner.Validate(
            p0Usable ? p0!.Value : 0.5,
            p0Usable ? p1 : null,
            alpha ?? DesignPlanner.DefaultAlpha,
            beta ?? DesignPlanner.DefaultBeta,
            p0Usable ? maxSamples : null,
            maxErrorRate ?? SamplingDesign.DefaultMaxErrorRate);
        foreach (var problem in problems)
        {
            parsed.AddError(problem.Format(FlagOf));
        }

        if (parsed.Errors.Count > 0 || p0 is null)
        {
            return null;
        }

        return new PlanRequest(
            p0.Value,
            p1,
            alpha ?? DesignPlanner.DefaultAlpha,
            beta ?? DesignPlanner.DefaultBeta,
            maxSamples,
            maxErrorRate ?? SamplingDesign.DefaultMaxErrorRate,
            format == "json");
    }

    /// <inheritdoc />
    protected override void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("usage: safety plan --max-failure-rate P0 [--unacceptable-rate P1] [--alpha A] [--beta B] [--max-samples N] [--format text|json]");
        writer.WriteLine();
        writer.WriteLine("Plans the truncated Wald SPRT that decides whether a case's unsafe rate is acceptable (≤ P0) or not (≥ P1),");
        writer.WriteLine("and prints its exact operating characteristic (Inconclusive at the cap counts against both α and β).");
        writer.WriteLine();
        writer.WriteLine("options:");
        OptionSet.WriteHelp(writer);
        writer.WriteLine();
        writer.WriteLine("exit codes: 0 printed the plan, 2 invalid input (every problem is listed)");
    }

    private static string RenderText(DesignSummary summary, PlanRequest request)
    {
        var design = summary.Design;
        var text = new StringBuilder();
        void Line(string format, params object[] values) => text.AppendLine(string.Format(Invariant, format, values));

        Line("Sequential design: truncated Wald SPRT");
        Line(
            "  H0: unsafe rate ≤ {0} (acceptable)   H1: unsafe rate ≥ {1} ({2})",
            Rate(design.MaxFailureRate),
            Rate(design.UnacceptableFailureRate),
            request.P1 is null ? "default: min(p0 + max(p0, 0.10), (1 + p0)/2)" : "given");
        Line("  nominal α = {0}, β = {1}", Rate(design.Alpha), Rate(design.Beta));
        text.AppendLine();
        Line("Boundaries (n = samples so far, x = unsafe samples so far)");
        Line("  fail when {0}", Segments(FailSegments(design), "x ≥ "));
        Line("  pass when {0}", Segments(PassSegments(design), "x ≤ "));
        Line("  Inconclusive when n reaches {0} without a decision", design.MaxSamples);
        text.AppendLine();
        Line("Exact operating characteristic (cap {0}{1})", design.MaxSamples, request.MaxSamples is null ? ", default truncation" : ", given");
        Line("  {0,-12} {1,9} {2,9} {3,15} {4,17}", "true rate", "P(pass)", "P(fail)", "P(inconclusive)", "expected samples");
        OcRow(text, summary.AtZero, "0");
        OcRow(text, summary.AtMaxFailureRate, Rate(design.MaxFailureRate) + " (p0)");
        OcRow(text, summary.AtUnacceptableFailureRate, Rate(design.UnacceptableFailureRate) + " (p1)");
        Line("  actual α = {0:0.0000}  (P(fail) + P(inconclusive) at p0; nominal {1})", summary.ActualAlpha, Rate(design.Alpha));
        Line("  actual β = {0:0.0000}  (P(pass) + P(inconclusive) at p1; nominal {1})", summary.ActualBeta, Rate(design.Beta));
        Line("  maximum: {0} samples; {1} trials with the error budget of {2} errored trials", summary.MaxSamples, summary.MaxTrials, design.ErrorBudget);
        text.AppendLine();
        if (summary.MatchedFixed is { } matched)
        {
            Line(
                "Matched fixed-n design: {0} samples, fail when x ≥ {1} (exact α = {2:0.0000}, β = {3:0.0000})",
                matched.Samples,
                matched.FailThreshold,
                1 - matched.PassProbability(design.MaxFailureRate),
                matched.PassProbability(design.UnacceptableFailureRate));
            Line(
                "  SPRT expected samples as a share of it: {0:0%} at p = 0, {1:0%} at p0, {2:0%} at p1",
                summary.AtZero.ExpectedSamples / matched.Samples,
                summary.AtMaxFailureRate.ExpectedSamples / matched.Samples,
                summary.AtUnacceptableFailureRate.ExpectedSamples / matched.Samples);
        }
        else
        {
            Line("Matched fixed-n design: none with at most 100000 samples");
        }

        return text.ToString();
    }

    private static void OcRow(StringBuilder text, OperatingPoint point, string label) =>
        text.AppendLine(string.Format(
            Invariant,
            "  {0,-12} {1,9:0.0000} {2,9:0.0000} {3,15:0.0000} {4,17:0.0}",
            label,
            point.PassProbability,
            point.FailProbability,
            point.InconclusiveProbability,
            point.ExpectedSamples));

    private static string Segments(IReadOnlyList<BoundarySegment> segments, string prefix)
    {
        if (segments.Count == 0)
        {
            return "never before the cap";
        }

        const int Shown = 6;
        var parts = segments.Take(Shown).Select(s => string.Format(Invariant, "{0}{1} for n {2}", prefix, s.Count, s.From == s.To ? s.From.ToString(Invariant) : $"{s.From}–{s.To}"));
        string joined = string.Join("; ", parts);
        return segments.Count > Shown ? joined + string.Format(Invariant, "; … ({0} more, see --format json)", segments.Count - Shown) : joined;
    }

    private static string RenderJson(DesignSummary summary, PlanRequest request)
    {
        var design = summary.Design;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("mode", "sequential");
            json.WriteNumber("maxFailureRate", design.MaxFailureRate);
            json.WriteNumber("unacceptableFailureRate", design.UnacceptableFailureRate);
            json.WriteBoolean("unacceptableFailureRateIsDefault", request.P1 is null);
            json.WriteNumber("nominalAlpha", design.Alpha);
            json.WriteNumber("nominalBeta", design.Beta);
            json.WriteNumber("alpha", summary.ActualAlpha);
            json.WriteNumber("beta", summary.ActualBeta);
            json.WriteNumber("maxSamples", summary.MaxSamples);
            json.WriteBoolean("maxSamplesIsDefault", request.MaxSamples is null);
            json.WriteNumber("errorBudget", design.ErrorBudget);
            json.WriteNumber("maxTrials", summary.MaxTrials);
            json.WriteNumber("expectedSamplesAtZero", summary.AtZero.ExpectedSamples);
            json.WriteNumber("expectedSamplesAtP0", summary.AtMaxFailureRate.ExpectedSamples);
            json.WriteNumber("expectedSamplesAtP1", summary.AtUnacceptableFailureRate.ExpectedSamples);
            if (summary.MatchedFixed is { } matched)
            {
                json.WriteNumber("fixedN", matched.Samples);
                json.WriteNumber("fixedFailThreshold", matched.FailThreshold);
                json.WriteNumber("fixedAlpha", 1 - matched.PassProbability(design.MaxFailureRate));
                json.WriteNumber("fixedBeta", matched.PassProbability(design.UnacceptableFailureRate));
            }
            else
            {
                json.WriteNull("fixedN");
            }

            json.WriteStartArray("operatingCharacteristic");
            foreach (var point in new[] { summary.AtZero, summary.AtMaxFailureRate, summary.AtUnacceptableFailureRate })
            {
                json.WriteStartObject();
                json.WriteNumber("trueRate", point.TrueRate);
                json.WriteNumber("pass", point.PassProbability);
                json.WriteNumber("fail", point.FailProbability);
                json.WriteNumber("inconclusive", point.InconclusiveProbability);
                json.WriteNumber("expectedSamples", point.ExpectedSamples);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("boundaries");
            WriteSegments(json, "fail", "unsafeAtLeast", FailSegments(design));
            WriteSegments(json, "pass", "unsafeAtMost", PassSegments(design));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static void WriteSegments(Utf8JsonWriter json, string name, string countName, IReadOnlyList<BoundarySegment> segments)
    {
        json.WriteStartArray(name);
        foreach (var segment in segments)
        {
            json.WriteStartObject();
            json.WriteNumber(countName, segment.Count);
            json.WriteNumber("fromSamples", segment.From);
            json.WriteNumber("toSamples", segment.To);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static List<BoundarySegment> FailSegments(SamplingDesign design) =>
        Group(design.MaxSamples, n => design.FailBoundary(n) <= n ? design.FailBoundary(n) : (int?)null);

    private static List<BoundarySegment> PassSegments(SamplingDesign design) =>
        Group(design.MaxSamples, n => design.PassBoundary(n) >= 0 ? design.PassBoundary(n) : (int?)null);

    // Runs of consecutive sample counts that share the same boundary value.
    private static List<BoundarySegment> Group(int maxSamples, Func<int, int?> boundary)
    {
        var segments = new List<BoundarySegment>();
        for (int n = 1; n <= maxSamples; n++)
        {
            if (boundary(n) is not int value)
            {
                continue;
            }

            if (segments.Count > 0 && segments[segments.Count - 1].Count == value && segments[segments.Count - 1].To == n - 1)
            {
                segments[segments.Count - 1].To = n;
            }
            else
            {
                segments.Add(new BoundarySegment(value, n));
            }
        }

        return segments;
    }

    private static string Rate(double value) => value.ToString("0.####", Invariant);

    private sealed class BoundarySegment
    {
        public BoundarySegment(int count, int from)
        {
            Count = count;
            From = from;
            To = from;
        }

        public int Count { get; }

        public int From { get; }

        public int To { get; set; }
    }

    private sealed class PlanRequest
    {
        public PlanRequest(double p0, double? p1, double alpha, double beta, int? maxSamples, double maxErrorRate, bool json)
        {
            P0 = p0;
            P1 = p1;
            Alpha = alpha;
            Beta = beta;
            MaxSamples = maxSamples;
            MaxErrorRate = maxErrorRate;
            Json = json;
        }

        public double P0 { get; }

        public double? P1 { get; }

        public double Alpha { get; }

        public double Beta { get; }

        public int? MaxSamples { get; }

        public double MaxErrorRate { get; }

        public bool Json { get; }
    }
}
