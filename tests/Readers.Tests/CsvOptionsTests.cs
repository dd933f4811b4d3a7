using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations;
using Dq.Expectations.Results;

namespace Dq.Readers.Tests;

public sealed class CsvOptionsTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private CsvSource Source(string text, CsvReaderOptions options) => new(_files.WriteText($"{Guid.NewGuid():N}.csv", text), options);

    [Fact]
    public void Schema_OverridesInference_AndKeepsLeadingZeros()
    {
        using var source = Source("zip,amount\n01234,5\n99999,6\n", new CsvReaderOptions { Schema = CsvSchema.Parse("zip:string,amount:double") });

        Assert.Equal([ArrowTypeId.String, ArrowTypeId.Double], source.Schema.FieldsList.Select(f => f.DataType.TypeId));
        Assert.Equal([["01234", 5.0], ["99999", 6.0]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void DatesAndTimestamps_ParseByFormat()
    {
        var schema = CsvSchema.Parse("d:date,e:date(dd/MM/yyyy),t:timestamp,u:timestamp(yyyy-MM-dd HH:mm:ss)");
        using var source = Source("d,e,t,u\n2024-02-29,31/12/1999,2024-01-02T03:04:05.123456+02:00,2024-01-02 03:04:05\n,,,\n", new CsvReaderOptions { Schema = schema });

        var rows = BatchValues.ReadAll(source);

        Assert.Equal(new DateOnly(2024, 2, 29), rows[0][0]);
        Assert.Equal(new DateOnly(1999, 12, 31), rows[0][1]);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 1, 4, 5, TimeSpan.Zero).AddTicks(1_234_560), rows[0][2]);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), rows[0][3]);
        Assert.Equal(new object?[4], rows[1]);
        Assert.Equal("UTC", ((TimestampType)source.Schema.FieldsList[2].DataType).Timezone);
    }

    [Fact]
    public void BadDate_NamesLineColumnValueAndType()
    {
        using var source = Source("d\n2024-01-01\n2024-02-30\n", new CsvReaderOptions { Schema = CsvSchema.Parse("d:date") });

        var error = Assert.Throws<DataReadException>(() => BatchValues.ReadAll(source));

        Assert.Equal((3L, 1), (error.LineNumber, error.ColumnNumber));
        Assert.Contains("`2024-02-30` is not a valid date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueAfterSample_ThatDoesNotFit_IsAnErrorThatSaysHowToOverride()
    {
        using var source = Source("n\n1\n2\n3\nabc\n", new CsvReaderOptions { InferenceRows = 2 });

        var error = Assert.Throws<DataReadException>(() => BatchValues.ReadAll(source));

        Assert.Equal(5L, error.LineNumber);
        Assert.Contains("`abc` is not a valid int64, the type inferred from the first 2 rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("--schema \"n:string\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeadingZeroAfterSample_IsNotSilentlyANumber()
    {
        using var source = Source("zip\n12345\n00501\n", new CsvReaderOptions { InferenceRows = 1 });

        var error = Assert.Throws<DataReadException>(() => BatchValues.ReadAll(source));

        Assert.Contains("leading zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IntegerThenDoubleInSample_WidensToDouble()
    {
        using var source = Source("n\n1\n2.5\n", new CsvReaderOptions());

        Assert.Equal([[1.0], [2.5]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void NoHeader_NamesColumnsAndReadsFirstRowAsData()
    {
        using var source = Source("1,a\n2,b\n", new CsvReaderOptions { HasHeader = false });

        Assert.Equal(["column_1", "column_2"], source.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal([[1L, "a"], [2L, "b"]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void BackslashEscape_UnescapesQuotesAndBackslashes()
    {
        using var source = Source("a;b\n\"say \\\"hi\\\"\";\"c:\\\\x\"\n", new CsvReaderOptions { Delimiter = ';', Escape = '\\' });

        Assert.Equal([["say \"hi\"", "c:\\x"]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void NullTokens_AreNullInTypedColumns()
    {
        using var source = Source("n,s\nNA,NA\n5,x\n", new CsvReaderOptions { NullTokens = ["NA"] });

        Assert.Equal([[null, null], [5L, "x"]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void SkipBadRows_CountsAndReportsLines()
    {
        byte[] text = [.. "a,b\n1,2\n3\n4,\"x\"y\n5,6\n7,"u8, 0xFF, .. "\n8,9,10\n"u8];
        using var source = new CsvSource(_files.WriteBytes("bad.csv", text), new CsvReaderOptions { OnBadRows = BadRowHandling.Skip });

        var rows = BatchValues.ReadAll(source);

        Assert.Equal([[1L, 2L], [5L, 6L]], rows);
        Assert.Equal(4, source.BadRows.Count);
        Assert.Equal([3L, 4L, 6L, 7L], source.BadRows.FirstLines.Order());
        Assert.Contains("line 3", source.BadRows.FirstReason, StringComparison.Ordinal);
    }

    [Fact]
    public void NulByte_IsBinaryDataError()
    {
        using var source = new CsvSource(_files.WriteBytes("bin.csv", [.. "a,b\n1,2\n3,\0\n"u8]), new CsvReaderOptions());

        var error = Assert.Throws<DataReadException>(() => BatchValues.ReadAll(source));

        Assert.Equal((3L, 2), (error.LineNumber, error.ColumnNumber));
        Assert.Contains("NUL byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordLongerThanLimit_IsAnErrorAboutQuotes()
    {
        using var source = Source("a\n\"" + new string('x', 5000), new CsvReaderOptions { MaxRecordBytes = 2048 });

        var error = Assert.Throws<DataReadException>(() => BatchValues.ReadAll(source));

        Assert.Contains("longer than 2,048 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaColumnNotInHeader_ListsTheColumns()
    {
        using var source = Source("a,b\n1,2\n", new CsvReaderOptions { Schema = CsvSchema.Parse("c:int") });

        var error = Assert.Throws<DataReadException>(() => source.Schema);

        Assert.Contains("`c`", error.Message, StringComparison.Ordinal);
        Assert.Contains("`a`, `b`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a:nope")]
    [InlineData("a:int,a:double")]
    [InlineData("a:int(x)")]
    public void SchemaParse_Malformed_IsFormatException(string text) => Assert.Throws<FormatException>(() => CsvSchema.Parse(text));

    [Fact]
    public void BatchesOwnTheirBuffers()
    {
        using var source = Source("n,s\n1,a\n2,b\n3,c\n", new CsvReaderOptions { BatchSize = 1 });

        List<RecordBatch> batches = [.. source.ReadBatches(null, TestContext.Current.CancellationToken)];

        Assert.Equal([[1L, "a"], [2L, "b"], [3L, "c"]], BatchValues.Rows(batches));
    }
}
