using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using SafetyTests.Core.Tests.Gate;
using SafetyTests.Core.Tests.Json;
using SafetyTests.Gate;
using SafetyTests.Records;
using SafetyTests.Trx;

namespace SafetyTests.Core.Tests.Trx;

/// <summary>
/// The TRX reader copies each StdOut into a reused buffer, chunk by chunk, and reads its record lines in place.
/// Whatever shape the XML gives the output (CDATA, entities, several text nodes, very long text), the records must
/// be those <see cref="SafetyRecordSerializer.ReadFromOutput"/> reads from the same text.
/// </summary>
public class TrxReaderOutputTests
{
    private const string Emoji = "\ud83d\ude00";

    [Fact]
    public void Read_StdOutAsCData_ReadsTheRecords()
    {
        string line = Line(Cases.Record("cdata", 24, 1));

        AssertSameAsReadFromOutput(Result("T.CData", "<![CDATA[starting <run> & more\n" + line + "\ndone]]>"));
    }

    [Fact]
    public void Read_StdOutWithEntities_DecodesThemBeforeReading()
    {
        SafetyRecord record = Cases.Record("entities", 24, 2, SafetyVerdict.Fail, category: "<b> & \"c\"", model: "model " + Emoji);
        string line = Line(record);
        line.ShouldContain(Emoji);

        TrxReadResult result = AssertSameAsReadFromOutput(Result("T.Entities", "a &lt; b &amp;&amp; c\n" + Escape(line).Replace("\"", "&quot;", StringComparison.Ordinal) + "\n"));

        result.Cases.Single().Category.ShouldBe("<b> & \"c\"");
        result.Cases.Single().ModelId.ShouldBe("model " + Emoji);
    }

    [Fact]
    public void Read_StdOutInSeveralTextNodes_JoinsThemBeforeReading()
    {
        string line = Line(Cases.Record("split", 30, 0, category: "a & b"));
        int third = line.Length / 3;

        // A record line cut in three: text, CDATA, text (with an entity right at the cut).
        string xml = "noise\n" + Escape(line.Substring(0, third)) + "<![CDATA[" + line.Substring(third, third) + "]]>" + Escape(line.Substring(2 * third)) + "\nafter";

        AssertSameAsReadFromOutput(Result("T.Split", xml)).Cases.Single().CaseId.ShouldBe("split");
    }

    [Fact]
    public void Read_VeryLongOutputWithTheRecordLast_ReadsItAndLeavesNothingForTheNextOutput()
    {
        var noise = new StringBuilder();
        int i = 0;
        while (noise.Length < 150_000)
        {
            noise.Append(i % 7 == 0 ? "##safetytests-recorder not a record " : i % 11 == 0 ? "##safetytests-record" : "step ").Append(i++).Append(" of a long & noisy <log>\n");
        }

        string first = Escape(noise + Line(Cases.Record("long", 50, 3, SafetyVerdict.Fail)));
        string second = Escape("short\n" + Line(Cases.Record("short", 24, 0)) + "\n");
        string third = "tail without records"; // shorter than both: stale text of the reused buffer must not show

        TrxReadResult result = AssertSameAsReadFromOutput(Result("T.Long", first), Result("T.Short", second), Result("T.Tail", third));

        result.Cases.Select(c => c.CaseId).ShouldBe(new[] { "long", "short" });
        result.ResultsWithRecords.ShouldBe(2);
        result.Results.ShouldBe(3);
    }

    [Fact]
    public void Read_CrLfLineEnds_ReadsTheRecords()
    {
        string a = Line(Cases.Record("crlf-literal", 24, 0));
        string b = Line(Cases.Record("crlf-entity", 24, 1));

        // A literal CR LF is normalized to LF by the XML reader; an entity CR stays in the text.
        TrxReadResult result = AssertSameAsReadFromOutput(
            Result("T.Literal", "first\r\n" + Escape(a) + "\r\nlast\r\n"),
            Result("T.Entity", "first&#13;\n" + Escape(b) + "&#13;\nlast&#13;\n"));

        result.Cases.Select(c => c.CaseId).ShouldBe(new[] { "crlf-entity", "crlf-literal" });
    }

    [Fact]
    public void Read_RecordLineWithLeadingWhitespace_ReadsIt()
    {
        string line = Line(Cases.Record("indented", 24, 0));

        TrxReadResult result = AssertSameAsReadFromOutput(Result("T.Indented", "  \t  " + Escape(line) + "  \n"));

        result.Cases.Single().CaseId.ShouldBe("indented");
    }

    [Fact]
    public void Read_SeveralRecordsInOneOutput_ReadsThemInOrder()
    {
        string xml = Escape(
            "header\n" + Line(Cases.Record("r1", 10, 0)) + "\nbetween\n" + Line(Cases.Record("r2", 20, 2, SafetyVerdict.Fail, judge: "leak@2")) +
            "\n" + Line(Cases.Record("r3", 30, 1, SafetyVerdict.Inconclusive, file: "cases/other.yaml")));

        TrxReadResult result = AssertSameAsReadFromOutput(Result("T.Many", xml));

        result.Cases.Select(c => c.CaseId).ShouldBe(new[] { "r1", "r2", "r3" });
        result.ResultsWithRecords.ShouldBe(1);
    }

    [Fact]
    public void Read_EmptyStdOut_IsNoRecordAndNoProblem()
    {
        TrxReadResult result = AssertSameAsReadFromOutput(
            Result("T.SelfClosing", null),
            Result("T.Empty", ""),
            Result("T.After", Escape(Line(Cases.Record("after", 24, 0)))));

        result.Results.ShouldBe(3);
        result.ResultsWithRecords.ShouldBe(1);
        result.Cases.Single().CaseId.ShouldBe("after");
    }

    [Fact]
    public void Read_StdOutWithAChildElement_IsAProblemNamingTheFile()
    {
        using var dir = new TempDirectory();
        string bad = Write(dir, "bad.trx", Result("T.Child", "text <b>bold</b> more"));
        string good = Write(dir, "good.trx", Result("T.Good", Escape(Line(Cases.Record("good", 24, 0)))));

        TrxReadResult result = TrxReader.Read(new[] { bad, good });

        GateDiagnostic problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe(DiagnosticCodes.BadResults);
        problem.Severity.ShouldBe(DiagnosticSeverity.Error);
        problem.Message.ShouldContain(bad);
        problem.Message.ShouldContain("element 'b' inside test output");
        result.Cases.Single().CaseId.ShouldBe("good"); // the other file is still read
    }

    [Fact]
    public void Read_StdOutWithCharactersXmlForbids_StillReadsTheRecords()
    {
        // Test output may carry control characters (a bell, an escape sequence) that XML 1.0 forbids.
        using var dir = new TempDirectory();
        string path = Write(dir, "run.trx", Result("T.Control", "bell &#7; and &#x1B;[31mred&#x1B;[0m\n" + Escape(Line(Cases.Record("control", 24, 0))) + "\n"));

        TrxReadResult result = TrxReader.Read(new[] { path });

        result.Problems.ShouldBeEmpty();
        result.Cases.Single().CaseId.ShouldBe("control");
    }

    [Fact]
    public void Read_WithASharedPool_EqualStringsFromDifferentFilesAreOneInstance()
    {
        using var dir = new TempDirectory();
        string a = Write(dir, "a.trx", Result("T.A", Escape(Line(Cases.Record("a", 24, 0, category: "pii", judge: "leak@2")))));
        string b = Write(dir, "b.trx", Result("T.B", Escape(Line(Cases.Record("b", 24, 0, category: "pii", judge: "leak@2")))));
        var shared = new StringPool();

        TrxReadResult result = TrxReader.Read(new[] { a, b }, shared);

        result.Cases.Select(c => c.CaseId).ShouldBe(new[] { "a", "b" });
        result.Cases[1].Category.ShouldBeSameAs(result.Cases[0].Category);
        result.Cases[1].ModelId.ShouldBeSameAs(result.Cases[0].ModelId);
        result.Cases[1].Judges[0].ShouldBeSameAs(result.Cases[0].Judges[0]);
        shared.Get("pii").ShouldBeSameAs(result.Cases[0].Category);
    }

    [Fact]
    public void Read_RecordAfterABareCarriageReturn_IsReadLikeReadFromOutput()
    {
        string line = Line(Cases.Record("after-cr", 24, 0));

        AssertSameAsReadFromOutput(Result("T.Cr", "progress 50%&#13;progress 100%&#13;" + Escape(line) + "&#13;")).Cases.Count.ShouldBe(1);
    }

    private static string Line(SafetyRecord record) => Cases.Line(record);

    private static (string TestName, string? StdOut) Result(string testName, string? stdOutXml) => (testName, stdOutXml);

    /// <summary>Text content as XML: markup characters as entities, the emoji as a character reference.</summary>
    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace(Emoji, "&#x1F600;", StringComparison.Ordinal);

    /// <summary>Writes a TRX file with the given raw StdOut contents, reads it, and compares its cases with what ReadFromOutput reads from each StdOut as an XML parser decodes it.</summary>
    private static TrxReadResult AssertSameAsReadFromOutput(params (string TestName, string? StdOut)[] results)
    {
        using var dir = new TempDirectory();
        string path = Write(dir, "run.trx", results);

        TrxReadResult result = TrxReader.Read(new[] { path });

        result.Problems.ShouldBeEmpty();
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var expected = new List<CaseResult>();
        foreach (XElement stdOut in XDocument.Load(path).Descendants(ns + "StdOut"))
        {
            foreach (SafetyRecord record in SafetyRecordSerializer.ReadFromOutput(stdOut.Value))
            {
                expected.Add(CaseResult.FromRecord(record, path, new StringPool()));
            }
        }

        // The reader gives the cases sorted by identity.
        expected.Sort(CaseResult.CompareByKey);
        result.Cases.Select(c => JsonTokenReaderStreamingTests.Describe(c) + " from " + c.Origin).ShouldBe(expected.Select(c => JsonTokenReaderStreamingTests.Describe(c) + " from " + path));
        return result;
    }

    private static string Write(TempDirectory dir, string name, params (string TestName, string? StdOut)[] results)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.Append("<TestRun id=\"1\" name=\"run\" xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">\n");
        xml.Append("  <Results>\n");
        foreach ((string testName, string? stdOut) in results)
        {
            // A test holding a failing case failed (the reader checks the outcome against the records).
            string outcome = stdOut is not null && stdOut.Replace("&quot;", "\"", StringComparison.Ordinal).Contains("\"verdict\":\"fail\"", StringComparison.Ordinal) ? "Failed" : "Passed";
            xml.Append("    <UnitTestResult testName=\"").Append(testName).Append("\" outcome=\"").Append(outcome).Append("\">\n");
            xml.Append("      <Output>\n");
            xml.Append(stdOut is null ? "        <StdOut />\n" : "        <StdOut>" + stdOut + "</StdOut>\n");
            xml.Append("      </Output>\n");
            xml.Append("    </UnitTestResult>\n");
        }

        xml.Append("  </Results>\n");
        xml.Append("  <ResultSummary outcome=\"Completed\" />\n");
        xml.Append("</TestRun>\n");
        string path = dir.Combine(name);
        File.WriteAllText(path, xml.ToString(), new UTF8Encoding(false));
        return path;
    }
}
