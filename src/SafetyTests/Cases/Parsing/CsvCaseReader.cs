using System;
using System.Collections.Generic;
using System.Text;

namespace SafetyTests.Cases.Parsing;

/// <summary>
/// Reads CSV (RFC 4180: comma separated, fields with commas, quotes or line breaks quoted, quotes doubled)
/// with a header row into one mapping per row. List columns split on <c>;</c> or <c>|</c>;
/// <c>metadata.*</c> columns become metadata; a <c>messages</c> column holds a JSON array.
/// </summary>
internal static class CsvCaseReader
{
    public static RawSequence? Read(string text, int maxDepth, ProblemSink problems)
    {
        var records = Split(text, problems);
        if (records is null)
        {
            return null;
        }

        if (records.Count == 0)
        {
            return new RawSequence(1);
        }

        var header = records[0];
        var columns = new string[header.Cells.Count];
        var known = new List<string>(CaseFields.CaseFieldNames);
        bool headerOk = true;
        for (int i = 0; i < columns.Length; i++)
        {
            string name = header.Cells[i].Trim();
            columns[i] = name.ToLowerInvariant().StartsWith("metadata.", StringComparison.Ordinal) ? name : name.ToLowerInvariant().Replace('_', '-');
            if (columns[i].StartsWith("metadata.", StringComparison.OrdinalIgnoreCase))
            {
                if (columns[i].Length == "metadata.".Length)
                {
                    problems.Add(header.Line, name, "the column 'metadata.' has no key. Name metadata columns 'metadata.<key>', for example 'metadata.source'.");
                    headerOk = false;
                }

                continue;
            }

            if (columns[i] == CaseFields.Metadata || known.IndexOf(columns[i]) < 0)
            {
                string? hint = CaseFields.Suggest(name, known);
                problems.Add(header.Line, name, "unknown column '" + name + "'." + (hint is null ? string.Empty : " Did you mean '" + hint + "'?")
                    + " Known columns: " + string.Join(", ", Without(known, CaseFields.Metadata)) + ", and metadata.<key> columns.");
                headerOk = false;
            }

            for (int j = 0; j < i; j++)
            {
                if (string.Equals(columns[j], columns[i], StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(header.Line, name, "the column '" + name + "' appears twice in the header. Keep one.");
                    headerOk = false;
                }
            }
        }

        if (!headerOk)
        {
            return null;
        }

        var result = new RawSequence(1);
        for (int r = 1; r < records.Count; r++)
        {
            var rec = records[r];
            if (rec.Cells.Count == 1 && rec.Cells[0].Length == 0)
            {
                continue;
            }

            if (rec.Cells.Count != columns.Length)
            {
                problems.Add(rec.Line, null, "this row has " + rec.Cells.Count + " cells but the header has " + columns.Length + ". Quote cells that contain commas (\"like, this\") and double the quotes inside them.");
                continue;
            }

            var row = new RawMapping(rec.Line);
            RawMapping? metadata = null;
            for (int i = 0; i < columns.Length; i++)
            {
                string cell = rec.Cells[i];
                if (cell.Length == 0)
                {
                    continue;
                }

                string col = columns[i];
                if (col.StartsWith("metadata.", StringComparison.OrdinalIgnoreCase))
                {
                    metadata ??= new RawMapping(rec.Line);
                    metadata.Entries.Add(new RawEntry(col.Substring("metadata.".Length), rec.Line, new RawScalar(cell, rec.Line)));
                }
                else if (CaseFields.IsListField(col))
                {
                    var list = new RawSequence(rec.Line);
                    foreach (var part in cell.Split(new[] { ';', '|' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        list.Items.Add(new RawScalar(part, rec.Line));
                    }

                    row.Entries.Add(new RawEntry(col, rec.Line, list));
                }
                else if (col == CaseFields.Messages)
                {
                    var sink = new ProblemSink(problems.File);
                    var node = JsonCaseReader.Read(cell, maxDepth, sink);
                    if (sink.HasProblems || node is null)
                    {
                        problems.Add(rec.Line, CaseFields.Messages, "the messages cell is not a JSON array of {\"role\": ..., \"content\": ...} objects. Write it as JSON, or use the prompt and system columns.");
                        continue;
                    }

                    row.Entries.Add(new RawEntry(col, rec.Line, node));
                }
                else
                {
                    row.Entries.Add(new RawEntry(col, rec.Line, new RawScalar(cell, rec.Line)));
                }
            }

            if (metadata is not null)
            {
                row.Entries.Add(new RawEntry(CaseFields.Metadata, rec.Line, metadata));
            }

            result.Items.Add(row);
        }

        return result;
    }

    private static List<string> Without(List<string> list, string item)
    {
        var copy = new List<string>(list);
        copy.Remove(item);
        return copy;
    }

    /// <summary>Splits the text into records of cells, remembering the line each record starts on.</summary>
    internal static List<Record>? Split(string text, ProblemSink problems)
    {
        var records = new List<Record>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int quoteLine = 0;
        bool inQuotes = false;
        bool cellWasQuoted = false;
        int i = 0;
        while (i < text.Length)
        {
            char ch = text[i];
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                        continue;
                    }

                    inQuotes = false;
                    i++;
                    continue;
                }

                if (ch == '\n')
                {
                    line++;
                }

                cell.Append(ch);
                i++;
                continue;
            }

            switch (ch)
            {
                case '"':
                    if (cell.Length > 0 && !cellWasQuoted)
                    {
                        problems.Add(line, null, "a quote appears inside an unquoted cell. Quote the whole cell and double the quotes inside it: \"say \"\"hi\"\"\".");
                        return null;
                    }

                    if (cellWasQuoted)
                    {
                        problems.Add(line, null, "text follows a closing quote in the same cell. Double quotes inside a quoted cell (\"\").");
                        return null;
                    }

                    inQuotes = true;
                    cellWasQuoted = true;
                    quoteLine = line;
                    i++;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    cellWasQuoted = false;
                    i++;
                    break;
                case '\r':
                    i++;
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    cellWasQuoted = false;
                    records.Add(new Record(recordLine, cells));
                    cells = new List<string>();
                    line++;
                    recordLine = line;
                    i++;
                    break;
                default:
                    if (cellWasQuoted)
                    {
                        problems.Add(line, null, "text follows a closing quote in the same cell. Double quotes inside a quoted cell (\"\").");
                        return null;
                    }

                    cell.Append(ch);
                    i++;
                    break;
            }
        }

        if (inQuotes)
        {
            problems.Add(quoteLine, null, "a quoted cell opened on this line is never closed. Add the closing quote.");
            return null;
        }

        if (cell.Length > 0 || cells.Count > 0 || cellWasQuoted)
        {
            cells.Add(cell.ToString());
            records.Add(new Record(recordLine, cells));
        }

        return records;
    }

    internal sealed class Record
    {
        public Record(int line, List<string> cells)
        {
            Line = line;
            Cells = cells;
        }

        public int Line { get; }

        public List<string> Cells { get; }
    }
}
