using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SafetyTests.Tool.Commands;

/// <summary>RFC 4180 CSV for <c>safety judge</c>: header row, quoted cells with commas, quotes and line breaks.</summary>
internal static class JudgeCsv
{
    /// <summary>Reads all records. Throws <see cref="FormatException"/> naming the line of an unclosed or misplaced quote.</summary>
    public static List<List<string>> Read(TextReader reader)
    {
        var records = new List<List<string>>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool inQuotes = false;
        bool quoted = false;
        int line = 1;
        int quoteLine = 0;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }

                    continue;
                }

                if (ch == '\n')
                {
                    line++;
                }

                cell.Append(ch);
                continue;
            }

            switch (ch)
            {
                case '"' when cell.Length == 0 && !quoted:
                    inQuotes = true;
                    quoted = true;
                    quoteLine = line;
                    break;
                case '"':
                    throw new FormatException("line " + line + ": a quote inside an unquoted cell or after a closing quote; quote the whole cell and double the quotes inside it");
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    quoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    quoted = false;
                    records.Add(cells);
                    cells = new List<string>();
                    line++;
                    break;
                default:
                    if (quoted)
                    {
                        throw new FormatException("line " + line + ": text after a closing quote; double the quotes inside a quoted cell");
                    }

                    cell.Append(ch);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException("line " + quoteLine + ": a quoted cell is never closed");
        }

        if (cell.Length > 0 || cells.Count > 0 || quoted)
        {
            cells.Add(cell.ToString());
            records.Add(cells);
        }

        records.RemoveAll(r => r.Count == 1 && r[0].Length == 0);
        return records;
    }

    /// <summary>Writes one record, quoting cells that need it, and a CRLF line end (RFC 4180).</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string> cells)
    {
        bool first = true;
        foreach (var value in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(value);
            }
        }

        writer.Write("\r\n");
    }
}
