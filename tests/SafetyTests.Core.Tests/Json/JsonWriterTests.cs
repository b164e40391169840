using System;
using System.Globalization;
using System.IO;
using System.Text;
using SafetyTests.Json;

namespace SafetyTests.Core.Tests.Json;

/// <summary>A writer with a sink hands its text over in pieces once it grows past 64K characters; the pieces must add up to what the writer alone would have built.</summary>
public class JsonWriterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FlushIfLarge_OutputBeyond64K_SinkReceivesChunksThatAddUpToTheWholeOutput(bool indented)
    {
        var alone = new JsonWriter(indented);
        var sink = new CountingWriter();
        var streamed = new JsonWriter(indented, sink);

        Write(alone, 4000);
        int writesBeforeTheEnd = Write(streamed, 4000, sink);
        streamed.Flush();

        string expected = alone.ToString();
        expected.Length.ShouldBeGreaterThan(4 * 65536);
        writesBeforeTheEnd.ShouldBeGreaterThanOrEqualTo(3); // handed over in pieces while writing
        sink.ToString().ShouldBe(expected);
        streamed.ToString().ShouldBeEmpty(); // nothing kept after the last flush
        ShouldReadBack(expected);
    }

    [Fact]
    public void FlushIfLarge_BelowTheThreshold_KeepsTheText()
    {
        var sink = new CountingWriter();
        var writer = new JsonWriter(indented: false, sink);
        writer.StartArray();
        writer.String(new string('x', 60000));
        writer.FlushIfLarge();

        sink.Writes.ShouldBe(0);
        writer.EndArray();
        writer.Flush();
        sink.ToString().ShouldBe("[\"" + new string('x', 60000) + "\"]");
    }

    [Fact]
    public void Flush_WithoutASink_KeepsEverything()
    {
        var writer = new JsonWriter();
        Write(writer, 2000);
        writer.FlushIfLarge();
        writer.Flush();

        writer.ToString().ShouldStartWith("{\"cases\":[{\"caseId\":\"case 0");
        writer.ToString().Length.ShouldBeGreaterThan(65536);
    }

    /// <summary>Writes <paramref name="count"/> cases, flushing after each like the baseline writer; returns how many writes the sink saw before the end.</summary>
    private static int Write(JsonWriter json, int count, CountingWriter? sink = null)
    {
        json.StartObject();
        json.Name("cases");
        json.StartArray();
        for (int i = 0; i < count; i++)
        {
            json.StartObject();
            json.Property("caseId", "case " + i.ToString(CultureInfo.InvariantCulture) + " \u00e9 \"quoted\" \\ \n\t \ud83d\ude00");
            json.Property("rate", i / 7.0);
            json.Property("samples", (long)i * 1000003);
            json.Property("tags", new[] { "a", "b" });
            json.Name("design");
            json.Raw("{\"alpha\":0.05}");
            json.EndObject();
            json.FlushIfLarge();
        }

        json.EndArray();
        json.EndObject();
        return sink?.Writes ?? 0;
    }

    /// <summary>The output is valid JSON that reads back to the same number of cases.</summary>
    private static void ShouldReadBack(string json)
    {
        var reader = new JsonTokenReader(json, TokenDump.What);
        int objects = 0;
        while (reader.Read() != JsonToken.EndOfDocument)
        {
            objects += reader.Token == JsonToken.StartObject ? 1 : 0;
        }

        objects.ShouldBe(1 + (2 * 4000));
    }

    private sealed class CountingWriter : StringWriter
    {
        public CountingWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public int Writes { get; private set; }

        public override void Write(char[] buffer, int index, int count)
        {
            Writes++;
            base.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Writes++;
            base.Write(buffer);
        }

        public override void Write(string? value)
        {
            Writes++;
            base.Write(value);
        }

        public override void Write(char value)
        {
            Writes++;
            base.Write(value);
        }
    }
}
