using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Dq.Expectations;

namespace Dq.Readers.Tests;

public sealed class JsonLinesAndArrowTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void JsonLines_InfersTypesAndReadsNullsAndMissingKeys()
    {
        string path = _files.WriteText("d.jsonl", "{\"id\":1,\"amount\":2,\"ok\":true,\"name\":\"a\"}\n\n{\"id\":2,\"amount\":2.5,\"name\":null,\"tags\":[1]}\r\n");
        using var source = new JsonLinesSource(path);

        Assert.Equal([ArrowTypeId.Int64, ArrowTypeId.Double, ArrowTypeId.Boolean, ArrowTypeId.String, ArrowTypeId.String],
            source.Schema.FieldsList.Select(f => f.DataType.TypeId));
        Assert.Equal([[1L, 2.0, true, "a", null], [2L, 2.5, null, null, "[1]"]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void JsonLines_BadLine_NamesTheLine()
    {
        string path = _files.WriteText("bad.jsonl", "{\"a\":1}\n{\"a\":\n");
        using var source = new JsonLinesSource(path);

        var error = Assert.Throws<DataReadException>(() => BatchValues.ReadAll(source));

        Assert.Equal(2L, error.LineNumber);
    }

    [Fact]
    public void JsonLines_ValueAfterSampleThatDoesNotFit_IsAnError()
    {
        string path = _files.WriteText("late.jsonl", "{\"a\":1}\n{\"a\":\"x\"}\n");
        using var source = new JsonLinesSource(path) { InferenceRows = 1 };

        var error = Assert.Throws<DataReadException>(() => BatchValues.ReadAll(source));

        Assert.Contains("key `a`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ArrowIpc_FileAndStream_RoundTrip(bool file)
    {
        var batch = new RecordBatch.Builder()
            .Append("id", false, c => c.Int64(b => b.AppendRange([1, 2, 3])))
            .Append("name", true, c => c.String(b => b.Append("a").AppendNull().Append("c")))
            .Build();
        string path = _files.PathOf(file ? "t.arrow" : "t.arrows");
        using (FileStream stream = File.Create(path))
        {
            using ArrowStreamWriter writer = file ? new ArrowFileWriter(stream, batch.Schema) : new ArrowStreamWriter(stream, batch.Schema);
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        using var source = BatchSources.Open(path);

        Assert.IsType<ArrowIpcSource>(source);
        Assert.Equal(["id", "name"], source.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal([[1L, "a"], [2L, null], [3L, "c"]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void ArrowIpc_Garbage_IsDataReadException()
    {
        string path = _files.WriteBytes("g.arrow", [.. "ARROW1\0\0"u8, .. new byte[64]]);
        using var source = new ArrowIpcSource(path);

        Assert.Throws<DataReadException>(() => BatchValues.ReadAll(source));
    }

    [Theory]
    [InlineData("x.data", "{\"a\":1}\n", typeof(JsonLinesSource))]
    [InlineData("y.data", "a;b\n1;2\n", typeof(CsvSource))]
    public void Open_Auto_SniffsContent(string name, string text, Type expected)
    {
        using var source = BatchSources.Open(_files.WriteText(name, text));

        Assert.IsType(expected, source);
        Assert.Single(BatchValues.ReadAll(source));
    }
}
