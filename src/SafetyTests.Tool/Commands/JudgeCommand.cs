using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SafetyTests.Tool.CommandLine;

namespace SafetyTests.Tool.Commands;

/// <summary>
/// <c>safety judge refusal</c>: runs the rule-based refusal classifier over a CSV column of responses, writes every
/// input row plus <c>refused</c>, <c>kind</c> and <c>reason</c>, and with <c>--labels-column</c> prints agreement,
/// precision and recall against human labels.
/// </summary>
internal sealed class JudgeCommand : OptionCommand
{
    private const string Input = "--input";
    private const string TextColumn = "--text-column";
    private const string PromptColumn = "--prompt-column";
    private const string Output = "--output";
    private const string LabelsColumn = "--labels-column";
    private const string PartialIsCompliance = "--partial-is-compliance";

    private static readonly string[] Judges = { "refusal" };

    private static readonly OptionSet OptionSet = new OptionSet()
        .Add(Input, "FILE.csv", "required: CSV file with a header row (RFC 4180)")
        .Add(TextColumn, "COL", "required: the column holding the responses to judge")
        .Add(PromptColumn, "COL", "the column holding the prompts (checked to exist and kept in the output)")
        .Add(Output, "OUT.csv", "required: where to write the input rows plus refused, kind, reason")
        .Add(LabelsColumn, "COL", "human labels (1_full_compliance, 2_full_refusal, 3_partial_refusal, refusal, compliance, true, false): print agreement, precision, recall")
        .AddFlag(PartialIsCompliance, "count partial refusals as compliance (default: as refusals, the XSTest binary convention)")
        .AddFlag(Help, "show this help");

    /// <inheritdoc />
    public override string Name => "judge";

    /// <inheritdoc />
    public override string Summary => "run a rule-based judge over a CSV of responses (judge refusal): per-row decisions and agreement with labels";

    /// <inheritdoc />
    protected override OptionSet Options => OptionSet;

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(ParsedOptions parsed, CommandConsole console, CancellationToken cancellationToken)
    {
        if (parsed.Positionals.Count == 0)
        {
            parsed.AddError("name the judge: 'safety judge refusal ...' (judges: " + string.Join(", ", Judges) + ")");
        }
        else if (!Judges.Contains(parsed.Positionals[0], StringComparer.Ordinal))
        {
            parsed.AddError("unknown judge '" + parsed.Positionals[0] + "'; judges: " + string.Join(", ", Judges));
        }

        foreach (var extra in parsed.Positionals.Skip(1))
        {
            parsed.AddError("unexpected argument '" + extra + "'");
        }

        foreach (var required in new[] { Input, TextColumn, Output })
        {
            if (string.IsNullOrWhiteSpace(parsed.GetString(required)))
            {
                parsed.AddError(required + " is required");
            }
        }

        string? inputPath = parsed.GetString(Input);
        if (!string.IsNullOrWhiteSpace(inputPath) && !File.Exists(inputPath))
        {
            parsed.AddError("input file not found: " + inputPath + " (resolved to " + Path.GetFullPath(inputPath) + ")");
        }

        if (parsed.Errors.Count > 0)
        {
            return await FailAsync(console, parsed.Errors).ConfigureAwait(false);
        }

        List<List<string>> records;
        try
        {
            using var reader = new StreamReader(inputPath!, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            records = JudgeCsv.Read(reader);
        }
        catch (FormatException e)
        {
            return await FailAsync(console, new[] { inputPath + " is not valid CSV: " + e.Message }).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            return await FailAsync(console, new[] { "cannot read " + inputPath + ": " + e.Message }).ConfigureAwait(false);
        }

        if (records.Count == 0)
        {
            return await FailAsync(console, new[] { inputPath + " is empty: it needs a header row and at least one row" }).ConfigureAwait(false);
        }

        var header = records[0];
        var problems = new List<string>();
        int text = Column(header, parsed.GetString(TextColumn)!, TextColumn, inputPath!, problems);
        if (parsed.Has(PromptColumn))
        {
            Column(header, parsed.GetString(PromptColumn)!, PromptColumn, inputPath!, problems);
        }

        int labels = parsed.Has(LabelsColumn) ? Column(header, parsed.GetString(LabelsColumn)!, LabelsColumn, inputPath!, problems) : -1;
        for (int r = 1; r < records.Count; r++)
        {
            if (records[r].Count != header.Count)
            {
                problems.Add(inputPath + ": row " + r.ToString(CultureInfo.InvariantCulture) + " has " + records[r].Count.ToString(CultureInfo.InvariantCulture) + " cells but the header has " + header.Count.ToString(CultureInfo.InvariantCulture));
                if (problems.Count > 10)
                {
                    break;
                }
            }
        }

        if (problems.Count > 0)
        {
            return await FailAsync(console, problems).ConfigureAwait(false);
        }

        var classifier = new RefusalClassifier(new RefusalJudgeOptions { PartialRefusalIsRefusal = !parsed.Has(PartialIsCompliance) });
        var stats = new Agreement();
        var kinds = new Dictionary<RefusalKind, int>();
        var unknownLabels = new SortedSet<string>(StringComparer.Ordinal);
        string outputPath = parsed.GetString(Output)!;
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(outputPath));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }

            using var writer = new StreamWriter(outputPath, append: false, new UTF8Encoding(false));
            var outHeader = new List<string>(header) { "refused", "kind", "reason" };
            JudgeCsv.WriteRecord(writer, outHeader);
            for (int r = 1; r < records.Count; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = records[r];
                var result = classifier.Classify(row[text]);
                kinds[result.Kind] = kinds.TryGetValue(result.Kind, out int k) ? k + 1 : 1;
                JudgeCsv.WriteRecord(writer, row.Concat(new[] { result.IsRefusal ? "true" : "false", result.KindText, result.Reason }));
                if (labels >= 0)
                {
                    bool? human = ParseLabel(row[labels], !parsed.Has(PartialIsCompliance));
                    if (human is null)
                    {
                        unknownLabels.Add(row[labels]);
                    }
                    else
                    {
                        stats.Add(human.Value, result.IsRefusal);
                    }
                }
            }
        }
        catch (IOException e)
        {
            return await FailAsync(console, new[] { "cannot write " + outputPath + ": " + e.Message }).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException e)
        {
            return await FailAsync(console, new[] { "cannot write " + outputPath + ": " + e.Message }).ConfigureAwait(false);
        }

        int rows = records.Count - 1;
        var o = console.Out;
        await o.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "judged {0} rows with refusal@{1}: {2} full_refusal, {3} partial_refusal, {4} compliance -> {5}",
            rows, RefusalClassifier.Version, Count(kinds, RefusalKind.FullRefusal), Count(kinds, RefusalKind.PartialRefusal), Count(kinds, RefusalKind.Compliance), outputPath)).ConfigureAwait(false);
        if (labels >= 0)
        {
            if (stats.Total == 0)
            {
                await console.Error.WriteLineAsync("safety judge: no usable label in column '" + header[labels] + "'; values seen: " + string.Join(", ", unknownLabels.Take(5)) + ". Use 1_full_compliance, 2_full_refusal, 3_partial_refusal, refusal, compliance, true or false.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            await o.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "labels '{0}' ({1} rows; refusal = full or partial{2}): agreement {3:F3}, precision {4:F3}, recall {5:F3} (refusal is the positive class; tp {6}, fp {7}, fn {8}, tn {9})",
                header[labels], stats.Total, parsed.Has(PartialIsCompliance) ? " is off: partial counts as compliance" : string.Empty,
                stats.AgreementRate, stats.Precision, stats.Recall, stats.TruePositive, stats.FalsePositive, stats.FalseNegative, stats.TrueNegative)).ConfigureAwait(false);
            if (unknownLabels.Count > 0)
            {
                await o.WriteLineAsync("skipped rows with unrecognized labels: " + string.Join(", ", unknownLabels.Take(5))).ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Reads a human label: refusal (true), compliance (false), or null when unrecognized.</summary>
    internal static bool? ParseLabel(string label, bool partialIsRefusal)
    {
        string l = label.Trim().ToLowerInvariant();
        if (l.Contains("partial", StringComparison.Ordinal))
        {
            return partialIsRefusal;
        }

        if (l.Contains("refusal", StringComparison.Ordinal) || l is "refused" or "refuse" or "true" or "yes" or "1")
        {
            return true;
        }

        if (l.Contains("compliance", StringComparison.Ordinal) || l is "complied" or "comply" or "false" or "no" or "0")
        {
            return false;
        }

        return null;
    }

    private static int Count(Dictionary<RefusalKind, int> kinds, RefusalKind kind) => kinds.TryGetValue(kind, out int n) ? n : 0;

    private static int Column(List<string> header, string name, string option, string file, List<string> problems)
    {
        int index = header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.Ordinal));
        if (index < 0)
        {
            index = header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        }

        if (index < 0)
        {
            problems.Add(option + ": column '" + name + "' not found in " + file + "; columns present: " + string.Join(", ", header));
        }

        return index;
    }

    private static async Task<int> FailAsync(CommandConsole console, IEnumerable<string> problems)
    {
        foreach (var p in problems)
        {
            await console.Error.WriteLineAsync("safety judge: " + p).ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync("Run 'safety judge --help' for the options.").ConfigureAwait(false);
        return ExitCodes.BadInput;
    }

    /// <inheritdoc />
    protected override void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("usage: safety judge refusal --input FILE.csv --text-column COL [--prompt-column COL] --output OUT.csv [--labels-column COL] [--partial-is-compliance]");
        writer.WriteLine();
        writer.WriteLine("Runs the rule-based refusal classifier (no model) over every row and writes the rows plus three columns:");
        writer.WriteLine("refused (true/false), kind (full_refusal, partial_refusal, compliance) and reason. With --labels-column it");
        writer.WriteLine("prints agreement, precision and recall against those labels (refusal = full or partial refusal).");
        writer.WriteLine();
        writer.WriteLine("options:");
        OptionSet.WriteHelp(writer);
        writer.WriteLine();
        writer.WriteLine("exit codes: 0 judged, 2 invalid input (missing file or column, malformed CSV; every problem is listed)");
    }

    private sealed class Agreement
    {
        public int TruePositive { get; private set; }

        public int FalsePositive { get; private set; }

        public int FalseNegative { get; private set; }

        public int TrueNegative { get; private set; }

        public int Total => TruePositive + FalsePositive + FalseNegative + TrueNegative;

        public double AgreementRate => Total == 0 ? 0 : (double)(TruePositive + TrueNegative) / Total;

        public double Precision => TruePositive + FalsePositive == 0 ? 0 : (double)TruePositive / (TruePositive + FalsePositive);

        public double Recall => TruePositive + FalseNegative == 0 ? 0 : (double)TruePositive / (TruePositive + FalseNegative);

        public void Add(bool human, bool judged)
        {
            if (human && judged)
            {
                TruePositive++;
            }
            else if (judged)
            {
                FalsePositive++;
            }
            else if (human)
            {
                FalseNegative++;
            }
            else
            {
                TrueNegative++;
            }
        }
    }
}
