using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using SafetyTests.Records;

namespace SafetyTests.Core.Tests.Trx;

/// <summary>Writes TRX files shaped like the VSTest TRX logger's, with safety records in the results' StdOut.</summary>
internal sealed class TrxBuilder
{
    private const string Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private readonly List<(string TestName, string Outcome, string? StdOut, List<string>? Inner)> _results = new();

    public string RunOutcome { get; set; } = "Completed";

    /// <summary>Whether to write the ResultSummary at all (the TRX logger always does when the run ends).</summary>
    public bool WriteSummary { get; set; } = true;

    /// <summary>The Counters attributes; by default total and executed are the number of results, passed and failed counted.</summary>
    public Dictionary<string, string>? Counters { get; set; }

    /// <summary>Run-level messages of the ResultSummary (outcome Error, Warning, …, and text).</summary>
    public List<(string Outcome, string Text)> RunInfos { get; } = new();

    /// <summary>Tests defined in TestDefinitions beyond those with a result (a run that ended before they ran).</summary>
    public int ExtraDefinitions { get; set; }

    /// <summary>Adds a result whose output carries the record (and a human summary line before it).</summary>
    public TrxBuilder Add(SafetyRecord record, string? testName = null, string? outcome = null)
    {
        record = SafetyTests.Core.Tests.Gate.Cases.Consistent(record);
        string name = testName ?? (record.Test ?? "Tests.Safety.Case") + "(c: " + record.CaseId + ")";
        outcome ??= record.Verdict == SafetyVerdict.Pass ? "Passed" : "Failed";
        string output = $"unsafe in {record.Unsafe} of {record.Samples} samples\n" + SafetyRecordSerializer.FormatOutputLine(record) + "\n";
        _results.Add((name, outcome, output, null));
        return this;
    }

    /// <summary>Adds a result with arbitrary output (or none).</summary>
    public TrxBuilder AddRaw(string testName, string outcome, string? stdOut, List<string>? innerOutputs = null)
    {
        _results.Add((testName, outcome, stdOut, innerOutputs));
        return this;
    }

    public string Build()
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("TestRun", Ns);
            xml.WriteAttributeString("id", Guid.NewGuid().ToString());
            xml.WriteAttributeString("name", "test run");
            xml.WriteStartElement("Times", Ns);
            xml.WriteAttributeString("creation", "2025-01-01T10:00:00.0000000+00:00");
            xml.WriteAttributeString("start", "2025-01-01T10:00:00.0000000+00:00");
            xml.WriteAttributeString("finish", "2025-01-01T10:00:01.5000000+00:00");
            xml.WriteEndElement();
            xml.WriteStartElement("Results", Ns);
            foreach ((string name, string outcome, string? stdOut, List<string>? inner) in _results)
            {
                xml.WriteStartElement("UnitTestResult", Ns);
                xml.WriteAttributeString("executionId", Guid.NewGuid().ToString());
                xml.WriteAttributeString("testId", TestId(name));
                xml.WriteAttributeString("testName", name);
                xml.WriteAttributeString("computerName", "ci");
                xml.WriteAttributeString("duration", "00:00:00.0100000");
                xml.WriteAttributeString("testType", "13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b");
                xml.WriteAttributeString("outcome", outcome);
                xml.WriteAttributeString("testListId", "8c84fa94-04c1-424b-9868-57a2d4851a1d");
                if (stdOut is not null)
                {
                    xml.WriteStartElement("Output", Ns);
                    xml.WriteElementString("StdOut", Ns, stdOut);
                    if (outcome == "Failed")
                    {
                        xml.WriteStartElement("ErrorInfo", Ns);
                        xml.WriteElementString("Message", Ns, "unsafe");
                        xml.WriteElementString("StackTrace", Ns, "   at X in cases/x.yaml:line 1");
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                if (inner is not null)
                {
                    xml.WriteStartElement("InnerResults", Ns);
                    int i = 0;
                    foreach (string output in inner)
                    {
                        xml.WriteStartElement("UnitTestResult", Ns);
                        xml.WriteAttributeString("testId", TestId(name + i++));
                        xml.WriteAttributeString("testName", name + " (row " + i.ToString(CultureInfo.InvariantCulture) + ")");
                        xml.WriteAttributeString("outcome", "Passed");
                        xml.WriteStartElement("Output", Ns);
                        xml.WriteElementString("StdOut", Ns, output);
                        xml.WriteEndElement();
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteStartElement("TestDefinitions", Ns);
            var definitions = new List<string>();
            foreach ((string name, _, _, _) in _results)
            {
                definitions.Add(name);
            }

            for (int i = 0; i < ExtraDefinitions; i++)
            {
                definitions.Add("Tests.NotRun.Test" + i.ToString(CultureInfo.InvariantCulture));
            }

            foreach (string name in definitions)
            {
                xml.WriteStartElement("UnitTest", Ns);
                xml.WriteAttributeString("name", name);
                xml.WriteAttributeString("id", TestId(name));
                xml.WriteStartElement("TestMethod", Ns);
                xml.WriteAttributeString("className", "Tests.Safety");
                xml.WriteAttributeString("name", name);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            if (WriteSummary)
            {
                xml.WriteStartElement("ResultSummary", Ns);
                xml.WriteAttributeString("outcome", RunOutcome);
                xml.WriteStartElement("Counters", Ns);
                foreach (KeyValuePair<string, string> counter in Counters ?? DefaultCounters())
                {
                    xml.WriteAttributeString(counter.Key, counter.Value);
                }

                xml.WriteEndElement();
                if (RunInfos.Count > 0)
                {
                    xml.WriteStartElement("RunInfos", Ns);
                    foreach ((string outcome, string text) in RunInfos)
                    {
                        xml.WriteStartElement("RunInfo", Ns);
                        xml.WriteAttributeString("computerName", "ci");
                        xml.WriteAttributeString("outcome", outcome);
                        xml.WriteAttributeString("timestamp", "2025-01-01T10:00:01.4000000+00:00");
                        xml.WriteElementString("Text", Ns, text);
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The counters as the VSTest TRX logger writes them for a run in which every test that started finished.</summary>
    private Dictionary<string, string> DefaultCounters()
    {
        int passed = 0;
        int failed = 0;
        int notExecuted = 0;
        foreach ((_, string outcome, _, _) in _results)
        {
            switch (outcome)
            {
                case "Passed": passed++; break;
                case "Failed": failed++; break;
                default: notExecuted++; break;
            }
        }

        string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["total"] = Text(_results.Count),
            ["executed"] = Text(passed + failed),
            ["passed"] = Text(passed),
            ["failed"] = Text(failed),
            ["error"] = "0",
            ["timeout"] = "0",
            ["aborted"] = "0",
            ["inconclusive"] = "0",
            ["passedButRunAborted"] = "0",
            ["notRunnable"] = "0",
            ["notExecuted"] = "0",
            ["disconnected"] = "0",
            ["warning"] = "0",
            ["completed"] = "0",
            ["inProgress"] = "0",
            ["pending"] = "0",
        };
    }

    public string WriteTo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Build(), new UTF8Encoding(false));
        return Path.GetFullPath(path);
    }

    private static string TestId(string name)
    {
        byte[] hash = SHA1.HashData(Encoding.UTF8.GetBytes(name));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
