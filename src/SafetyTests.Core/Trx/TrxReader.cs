using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using System.Xml;
using SafetyTests.Gate;
using SafetyTests.Records;

namespace SafetyTests.Trx;

/// <summary>
/// Reads safety records out of TRX files with a streaming <see cref="XmlReader"/>: every
/// <c>UnitTestResult</c> (including nested inner results) contributes the records found in its
/// <c>Output/StdOut</c>; results without a record are counted and ignored. Files are read in parallel; the cases
/// come out sorted by identity, so the outcome depends neither on timing nor on how the suite was sharded. The same case (test, case file, case id) twice —
/// in two shards or twice in one file — is an error naming both files.
/// </summary>
internal static class TrxReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = true,

        // Well-formedness is still checked; only the per-character test for characters XML forbids is skipped
        // (a test's output may carry them, and they do not matter to the records).
        CheckCharacters = false,
    };

    private static readonly HashSet<string> SkippedSections = new(StringComparer.Ordinal)
    {
        "TestSettings", "TestDefinitions", "TestEntries", "TestLists", "Times",
    };

    /// <summary>At most this many SAFE008 diagnostics name single cases per file; the rest are counted in one.</summary>
    internal const int MaxInconsistentPerFile = 20;

    private const string RerunHint = "The gate does not trust a verdict that the evidence beside it contradicts: the TRX file was edited, or written by a SafetyTests version this gate cannot check. Run the tests again (with the SafetyTests version the gate uses) to write a new TRX file.";

    [MethodImpl(Optimization.Hot)]
    public static TrxReadResult Read(IReadOnlyList<string> files, StringPool? shared = null)
    {
        // Each file is read and sorted on its own thread; the sorted files are then merged, so equal cases meet
        // side by side (no hashing) and the cases come out sorted by identity whatever the sharding.
        var perFile = new FileResult[files.Count];
        var designs = new RecordDesigns();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(Environment.ProcessorCount, 8)) };
        Parallel.For(0, files.Count, options, i =>
        {
            FileResult file = ReadFile(files[i], shared, designs);
            file.Cases.Sort(CaseResult.CompareByKey);
            perFile[i] = file;
        });

        var result = new TrxReadResult();
        var lists = new List<List<CaseResult>>(perFile.Length);
        for (int i = 0; i < perFile.Length; i++)
        {
            FileResult file = perFile[i];
            result.Files.Add(files[i]);
            result.Results += file.Results;
            result.ResultsWithRecords += file.ResultsWithRecords;
            result.Problems.AddRange(file.Problems);
            lists.Add(file.Cases);
        }

        List<CaseResult> merged = Merge(lists);
        CaseResult? previous = null;
        foreach (CaseResult c in merged)
        {
            if (previous is not null && previous.Key.Equals(c.Key))
            {
                string where = string.Equals(previous.Origin, c.Origin, StringComparison.Ordinal)
                    ? $"twice in {c.Origin}"
                    : $"in {previous.Origin} and in {c.Origin}";
                result.Problems.Add(new GateDiagnostic(
                    DiagnosticCodes.DuplicateCase,
                    DiagnosticSeverity.Error,
                    $"Case {c.DisplayName} is reported {where}. Each case must be reported once: give every shard a disjoint part of the suite and pass each shard's TRX file once (remove stale TRX files from earlier runs).",
                    c.SourceFile,
                    c.SourceLine,
                    c.DisplayName));
                continue;
            }

            result.Cases.Add(c);
            previous = c;
        }

        return result;
    }

    /// <summary>Merges lists sorted by key into one, pairwise; on equal keys the earlier list's case comes first.</summary>
    [MethodImpl(Optimization.Hot)]
    private static List<CaseResult> Merge(List<List<CaseResult>> lists)
    {
        if (lists.Count == 0)
        {
            return new List<CaseResult>();
        }

        while (lists.Count > 1)
        {
            var next = new List<List<CaseResult>>((lists.Count + 1) / 2);
            for (int i = 0; i + 1 < lists.Count; i += 2)
            {
                next.Add(MergeTwo(lists[i], lists[i + 1]));
            }

            if (lists.Count % 2 == 1)
            {
                next.Add(lists[lists.Count - 1]);
            }

            lists = next;
        }

        return lists[0];
    }

    [MethodImpl(Optimization.Hot)]
    private static List<CaseResult> MergeTwo(List<CaseResult> first, List<CaseResult> second)
    {
        var merged = new List<CaseResult>(first.Count + second.Count);
        int i = 0;
        int j = 0;
        while (i < first.Count && j < second.Count)
        {
            merged.Add(CaseResult.CompareByKey(first[i], second[j]) <= 0 ? first[i++] : second[j++]);
        }

        while (i < first.Count)
        {
            merged.Add(first[i++]);
        }

        while (j < second.Count)
        {
            merged.Add(second[j++]);
        }

        return merged;
    }

    private static FileResult ReadFile(string path, StringPool? shared, RecordDesigns designs)
    {
        var file = new FileResult();
        if (!File.Exists(path))
        {
            file.Problems.Add(Problem(path, null, $"TRX file {path} does not exist. Check the path or glob given to the gate (SafetyResults / --trx), and that the test run wrote it (dotnet test --logger trx)."));
            return file;
        }

        var pool = new StringPool(shared);
        string origin = pool.Get(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var reader = XmlReader.Create(stream, Settings);
            ReadDocument(reader, path, origin, pool, designs, file);
        }
        catch (InvalidDataException e)
        {
            file.Problems.Add(Problem(path, null, $"TRX file {path} is not shaped as the TRX logger writes it: {e.Message}. Re-run the tests to write it again with 'dotnet test --logger trx'."));
        }
        catch (XmlException e)
        {
            file.Problems.Add(Problem(path, e.LineNumber, $"TRX file {path} is not valid XML ({e.Message}). Re-run the tests to write it again; a file cut short by a crashed run cannot be read."));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            file.Problems.Add(Problem(path, null, $"TRX file {path} cannot be read: {e.Message}"));
        }

        return file;
    }

    [MethodImpl(Optimization.Hot)]
    private static void ReadDocument(XmlReader reader, string path, string origin, StringPool pool, RecordDesigns designs, FileResult file)
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "TestRun")
        {
            file.Problems.Add(Problem(path, LineOf(reader), $"{path} is not a TRX file (its root element is '{reader.LocalName}', expected 'TestRun'). Pass only TRX files written by 'dotnet test --logger trx'."));
            return;
        }

        // Open UnitTestResult elements (inner results nest inside their parent); finished ones are reused.
        var open = new Stack<OpenResult>();
        var spare = new Stack<OpenResult>();
        var signals = new TrxRunSignals();
        bool inSummary = false;
        bool errorRunInfo = false;

        // Each StdOut is read into this buffer (reused for the whole file) and its records parsed in place.
        char[] output = new char[4096];
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                string name = reader.LocalName;
                int depth = reader.Depth;
                if (depth == 1)
                {
                    inSummary = false;
                    if (name == "TestDefinitions")
                    {
                        signals.Definitions += CountChildren(reader, "UnitTest");
                        continue;
                    }

                    if (SkippedSections.Contains(name))
                    {
                        reader.Skip();
                        continue;
                    }
                }

                if (name == "UnitTestResult")
                {
                    file.Results++;
                    string? outcome = reader.GetAttribute("outcome");
                    if (string.Equals(outcome, "NotExecuted", StringComparison.OrdinalIgnoreCase))
                    {
                        signals.NotExecutedResults++;
                    }

                    if (!reader.IsEmptyElement)
                    {
                        OpenResult result = spare.Count > 0 ? spare.Pop() : new OpenResult();
                        result.Start(depth, reader.GetAttribute("testName") ?? reader.GetAttribute("testId") ?? "(unnamed test)", outcome, LineOf(reader));
                        open.Push(result);
                    }
                }
                else if (name == "StdOut" && open.Count > 0)
                {
                    int line = LineOf(reader);
                    OpenResult result = open.Peek();
                    int length = ReadText(reader, ref output);
                    ReadRecords(output, length, path, line, result, origin, pool, designs, file);
                    continue;
                }
                else if (name == "ResultSummary" && depth == 1)
                {
                    inSummary = true;
                    signals.HasSummary = true;
                    signals.SummaryLine = LineOf(reader);
                    signals.Outcome = reader.GetAttribute("outcome");
                }
                else if (inSummary && depth == 2 && name == "Counters")
                {
                    while (reader.MoveToNextAttribute())
                    {
                        signals.Counter(reader.LocalName, reader.Value);
                    }

                    reader.MoveToElement();
                }
                else if (inSummary && depth == 3 && name == "RunInfo")
                {
                    errorRunInfo = string.Equals(reader.GetAttribute("outcome"), "Error", StringComparison.OrdinalIgnoreCase);
                }
                else if (inSummary && errorRunInfo && depth == 4 && name == "Text")
                {
                    signals.RunError(reader.ReadElementContentAsString());
                    continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "UnitTestResult" && open.Count > 0 && open.Peek().Depth == reader.Depth)
            {
                OpenResult result = open.Pop();
                CheckOutcome(result, path, file);
                spare.Push(result);
            }

            reader.Read();
        }

        signals.Results = file.Results;
        if (signals.Describe(path) is string incomplete)
        {
            file.Problems.Add(Problem(path, signals.HasSummary ? signals.SummaryLine : null, incomplete));
        }

        if (file.Inconsistent > MaxInconsistentPerFile)
        {
            int more = file.Inconsistent - MaxInconsistentPerFile;
            file.Problems.Add(new GateDiagnostic(
                DiagnosticCodes.InconsistentRecord,
                DiagnosticSeverity.Error,
                $"{Format.Plural(more, "more result")} in {path} carry safety records that contradict their counts or their test outcome (the first {MaxInconsistentPerFile} are listed). {RerunHint}",
                path,
                null,
                path));
        }
    }

    /// <summary>Counts the child elements named <paramref name="child"/> of the current element and moves past its end.</summary>
    private static int CountChildren(XmlReader reader, string child)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return 0;
        }

        int depth = reader.Depth;
        int count = 0;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
            {
                if (reader.LocalName == child)
                {
                    count++;
                }

                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        // On the end tag of the element: step past it.
        reader.Read();
        return count;
    }

    /// <summary>
    /// Checks a finished test result's outcome against the verdicts of the records in its output: a passed test
    /// holds no failing or errored case, a failed test holds at least one case that is not a pass, and a test that did
    /// not run (skipped) holds only inconclusive ones (Inconclusive = Skip).
    /// </summary>
    private static void CheckOutcome(OpenResult result, string path, FileResult file)
    {
        if (result.Records == 0)
        {
            return;
        }

        string outcome = result.Outcome ?? "(no outcome)";
        string? problem = null;
        switch (result.Outcome)
        {
            case "Passed" or "PassedButRunAborted" or "Warning":
                if (result.FirstFailing is CaseResult failing)
                {
                    problem = $"the safety record of case {failing.DisplayName} in it says '{failing.Verdict.Name()}': a failing or errored case fails its test";
                }

                break;
            case "Failed" or "Error" or "Timeout" or "Aborted":
                if (result.Failing == 0 && result.Inconclusive == 0)
                {
                    problem = $"{(result.Records == 1 ? "its safety record" : "each of its safety records")} (case {result.First!.DisplayName}) says 'pass', and a test whose cases all pass does not fail. If the test failed after its safety decision (in a fixture, Dispose or teardown), fix that failure first";
                }

                break;
            default:
                CaseResult? decided = result.FirstFailing ?? result.FirstPassing;
                if (decided is not null)
                {
                    problem = $"the safety record of case {decided.DisplayName} in it says '{decided.Verdict.Name()}': only an inconclusive case ends as a test that did not run (Inconclusive = Skip)";
                }

                break;
        }

        if (problem is not null)
        {
            AddInconsistent(file, new GateDiagnostic(
                DiagnosticCodes.InconsistentRecord,
                DiagnosticSeverity.Error,
                $"Test '{result.TestName}' in {path} (line {result.Line.ToString(CultureInfo.InvariantCulture)}) has the outcome '{outcome}', but {problem}. {RerunHint}",
                path,
                result.Line > 0 ? result.Line : null,
                result.First!.DisplayName));
        }
    }

    private static void AddInconsistent(FileResult file, GateDiagnostic diagnostic)
    {
        if (++file.Inconsistent <= MaxInconsistentPerFile)
        {
            file.Problems.Add(diagnostic);
        }
    }

    /// <summary>
    /// Reads the text content of the current element into <paramref name="buffer"/> (grown as needed) and moves
    /// past its end, like <see cref="XmlReader.ReadElementContentAsString()"/> without building a string.
    /// </summary>
    /// <returns>The number of characters read.</returns>
    [MethodImpl(Optimization.Hot)]
    private static int ReadText(XmlReader reader, ref char[] buffer)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return 0;
        }

        int depth = reader.Depth;
        int length = 0;
        reader.Read();
        while (reader.Depth > depth)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (!reader.CanReadValueChunk)
                    {
                        string value = reader.Value;
                        Reserve(ref buffer, length, value.Length);
                        value.CopyTo(0, buffer, length, value.Length);
                        length += value.Length;
                        reader.Read();
                        break;
                    }

                    int read;
                    do
                    {
                        Reserve(ref buffer, length, 1024);
                        read = reader.ReadValueChunk(buffer, length, buffer.Length - length);
                        length += read;
                    }
                    while (read > 0);

                    reader.Read();
                    break;
                case XmlNodeType.Element:
                    throw new InvalidDataException($"an element '{reader.LocalName}' inside test output (line {LineOf(reader)}), where only text is allowed");
                default:
                    reader.Read();
                    break;
            }
        }

        // On the end tag of the element: step past it.
        reader.Read();
        return length;
    }

    private static void Reserve(ref char[] buffer, int used, int more)
    {
        if (buffer.Length - used < more)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, used + more));
        }
    }

    [MethodImpl(Optimization.Hot)]
    private static void ReadRecords(char[] output, int length, string path, int line, OpenResult result, string origin, StringPool pool, RecordDesigns designs, FileResult file)
    {
        string prefix = SafetyRecord.OutputPrefix;
        bool any = false;
        int start = 0;
        while (start < length)
        {
            // Lines end at \n, \r\n or a lone \r, as TextReader.ReadLine reads them (the empty line between \r and \n is skipped).
#if NET
            int found = output.AsSpan(start, length - start).IndexOfAny('\n', '\r');
            int end = found < 0 ? length : start + found;
#else
            int end = start;
            while (end < length && output[end] != '\n' && output[end] != '\r')
            {
                end++;
            }
#endif

            int lineStart = start;
            start = end + 1;
            while (lineStart < end && (output[lineStart] == ' ' || output[lineStart] == '\t'))
            {
                lineStart++;
            }

            if (end - lineStart < prefix.Length || output[lineStart] != prefix[0] || !SafetyRecordSerializer.StartsWithPrefix(output, lineStart))
            {
                continue;
            }

            try
            {
                if (SafetyRecordSerializer.TryReadOutputLineLean(output, lineStart, end - lineStart, pool) is SafetyRecord record)
                {
                    if (string.IsNullOrEmpty(record.Test))
                    {
                        record.Test = TestNameWithoutArguments(result.TestName);
                    }

                    var c = CaseResult.FromRecord(record, origin, pool);
                    file.Cases.Add(c);
                    result.Add(c);
                    any = true;
                    if (VerdictReplay.Check(record, designs) is string contradiction)
                    {
                        AddInconsistent(file, new GateDiagnostic(
                            DiagnosticCodes.InconsistentRecord,
                            DiagnosticSeverity.Error,
                            $"Case {c.DisplayName} in {path} (line {line.ToString(CultureInfo.InvariantCulture)}, test '{result.TestName}'): its safety record {contradiction}. {RerunHint}",
                            path,
                            line > 0 ? line : null,
                            c.DisplayName));
                    }
                }
            }
            catch (FormatException e)
            {
                file.Problems.Add(Problem(path, line, $"Test '{result.TestName}' in {path} carries a damaged safety record: {e.Message} The record is not skipped: fix the writer or re-run the tests."));
            }
        }

        if (any)
        {
            file.ResultsWithRecords++;
        }
    }

    private static string TestNameWithoutArguments(string testName)
    {
        int paren = testName.IndexOf('(');
        return paren > 0 ? testName.Substring(0, paren) : testName;
    }

    private static int LineOf(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static GateDiagnostic Problem(string path, int? line, string message) =>
        new(DiagnosticCodes.BadResults, DiagnosticSeverity.Error, message, path, line is > 0 ? line : null, path);

    private sealed class FileResult
    {
        public List<CaseResult> Cases { get; } = new();

        /// <summary>Records and results found inconsistent (SAFE008), listed or not.</summary>
        public int Inconsistent { get; set; }

        public List<GateDiagnostic> Problems { get; } = new();

        public int Results { get; set; }

        public int ResultsWithRecords { get; set; }
    }

    /// <summary>A <c>UnitTestResult</c> being read: its name, outcome and the verdicts of the records in its own output.</summary>
    private sealed class OpenResult
    {
        public int Depth { get; private set; }

        public string TestName { get; private set; } = "";

        public string? Outcome { get; private set; }

        public int Line { get; private set; }

        public int Records { get; private set; }

        /// <summary>Records whose verdict fails the test whatever the options (fail, error, or the never-written undecided).</summary>
        public int Failing { get; private set; }

        public int Inconclusive { get; private set; }

        public CaseResult? First { get; private set; }

        public CaseResult? FirstFailing { get; private set; }

        public CaseResult? FirstPassing { get; private set; }

        public void Start(int depth, string testName, string? outcome, int line)
        {
            Depth = depth;
            TestName = testName;
            Outcome = outcome;
            Line = line;
            Records = 0;
            Failing = 0;
            Inconclusive = 0;
            First = null;
            FirstFailing = null;
            FirstPassing = null;
        }

        public void Add(CaseResult c)
        {
            Records++;
            First ??= c;
            switch (c.Verdict)
            {
                case SafetyVerdict.Pass:
                    FirstPassing ??= c;
                    break;
                case SafetyVerdict.Inconclusive:
                    Inconclusive++;
                    break;
                default:
                    Failing++;
                    FirstFailing ??= c;
                    break;
            }
        }
    }
}
