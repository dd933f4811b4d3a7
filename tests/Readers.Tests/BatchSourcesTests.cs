using Dq.Expectations;

namespace Dq.Readers.Tests;

public sealed class BatchSourcesTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Open_CsvExtension_IsCsv()
    {
        using var source = BatchSources.Open(_files.WriteText("a.csv", "x\n1\n"));

        Assert.IsType<CsvSource>(source);
    }

    [Fact]
    public void Open_TsvExtension_ReadsTabs()
    {
        using var source = BatchSources.Open(_files.WriteText("a.tsv", "x\ty\n1\t,\n"));

        Assert.Equal([[1L, ","]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void Open_ParquetContentWithOtherExtension_IsParquet()
    {
        byte[] bytes = File.ReadAllBytes(TestFiles.ParquetTestingData("alltypes_plain.parquet"));

        using var source = BatchSources.Open(_files.WriteBytes("data.bin", bytes));

        Assert.IsType<ParquetSource>(source);
        Assert.Equal(11, source.Schema.FieldsList.Count);
    }

    [Fact]
    public void Open_PqExtension_IsParquet()
    {
        using var source = BatchSources.Open(_files.PathOf("x.pq"));

        Assert.IsType<ParquetSource>(source);
    }

    [Fact]
    public void Open_ExplicitFormat_OverridesExtension()
    {
        using var source = BatchSources.Open(_files.WriteText("data.txt", "x\n1\n"), DataFormat.Csv);

        Assert.IsType<CsvSource>(source);
    }

    [Fact]
    public void Open_UnknownContent_ListsFormatsAndSuggestsFormatOption()
    {
        string path = _files.WriteText("data.txt", "x\n1\n");

        var error = Assert.Throws<DataReadException>(() => BatchSources.Open(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("CSV (.csv), TSV (.tsv), Parquet (.parquet, .pq), JSON lines (.jsonl, .ndjson) and Arrow IPC", error.Message, StringComparison.Ordinal);
        Assert.Contains("--format", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingFileWithoutKnownExtension_SaysThePath()
    {
        string path = _files.PathOf("nowhere.dat");

        var error = Assert.Throws<DataReadException>(() => BatchSources.Open(path));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
