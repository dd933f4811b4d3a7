using Apache.Arrow.Types;

namespace Dq.Readers.Tests;

public sealed class CsvSourceTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private CsvSource Source(string text, CsvReaderOptions? options = null) => new(_files.WriteText("data.csv", text), options);

    private static ArrowTypeId[] Types(CsvSource source) => [.. source.Schema.FieldsList.Select(f => f.DataType.TypeId)];

    [Fact]
    public void Schema_InfersEachColumnType()
    {
        using CsvSource source = Source("i,d,b,s,z,e\n1,1.5,true,x,007,\n-2,3,FALSE,2,01234,\n");

        Assert.Equal(["i", "d", "b", "s", "z", "e"], source.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal([ArrowTypeId.Int64, ArrowTypeId.Double, ArrowTypeId.Boolean, ArrowTypeId.String, ArrowTypeId.String, ArrowTypeId.String], Types(source));
        Assert.All(source.Schema.FieldsList, f => Assert.True(f.IsNullable));
    }

    [Fact]
    public void ReadBatches_ParsesValuesOfEachType()
    {
        using CsvSource source = Source("i,d,b,s,z,e\n1,1.5,true,x,007,\n-2,3,FALSE,2,01234,\n,,,,,\n");

        var rows = BatchValues.ReadAll(source);

        Assert.Equal(3, rows.Count);
        Assert.Equal([1L, 1.5, true, "x", "007", null], rows[0]);
        Assert.Equal([-2L, 3.0, false, "2", "01234", null], rows[1]);
        Assert.Equal(new object?[6], rows[2]);
    }

    [Theory]
    [InlineData("1e3", 1000.0)]
    [InlineData("-2.5E-2", -0.025)]
    [InlineData(".5", 0.5)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("INF", double.PositiveInfinity)]
    [InlineData("12345678901234567890.5", 12345678901234567890.5)] // an integer this large without the fraction stays text (HostileInputTests)
    [InlineData("0.1", 0.1)]
    public void ReadBatches_ParsesDoublesInvariantly(string text, double expected)
    {
        using CsvSource source = Source($"x\n{text}\n");

        Assert.Equal([ArrowTypeId.Double], Types(source));
        Assert.Equal(expected, (double)BatchValues.ReadAll(source)[0][0]!);
    }

    /// <summary>pandas reads <c>NaN</c>, <c>NA</c>, <c>null</c>, … as missing: null by default; with its tokens off, NaN is a double.</summary>
    [Fact]
    public void ReadBatches_PandasNullTokens_AreNullUnlessTurnedOff()
    {
        using (CsvSource byDefault = Source("x,s\n1.5,a\nNaN,NA\n-nan,None\n"))
        {
            Assert.Equal([ArrowTypeId.Double, ArrowTypeId.String], Types(byDefault));
            var rows = BatchValues.ReadAll(byDefault);
            Assert.Equal([1.5, null, null], rows.Select(r => r[0]));
            Assert.Equal(["a", null, null], rows.Select(r => r[1]));
        }
        using CsvSource off = Source("x,s\n1.5,a\nNaN,NA\n-nan,None\n", new CsvReaderOptions { UseDefaultNullTokens = false });
        var values = BatchValues.ReadAll(off);
        Assert.True(double.IsNaN((double)values[1][0]!));
        Assert.Equal(["a", "NA", "None"], values.Select(r => r[1]));
    }

    [Theory]
    [InlineData("1\n2.5\n", ArrowTypeId.Double)]
    [InlineData("1\ntrue\n", ArrowTypeId.String)]
    [InlineData("true\n1.5\n", ArrowTypeId.String)]
    [InlineData("0\n-0\n+7\n", ArrowTypeId.Int64)]
    [InlineData("0.5\n-0.25\n", ArrowTypeId.Double)]
    [InlineData("1\n-007\n", ArrowTypeId.String)]
    [InlineData("00.5\n", ArrowTypeId.String)]
    [InlineData(" 1\n", ArrowTypeId.String)]
    [InlineData("\"1,000\"\n", ArrowTypeId.String)]
    [InlineData("yes\nno\n", ArrowTypeId.String)]
    [InlineData("\n\n", ArrowTypeId.String)]
    public void Schema_WidensAndKeepsTextAsString(string values, ArrowTypeId expected)
    {
        using CsvSource source = Source("x\n" + values);

        Assert.Equal([expected], Types(source));
    }

    [Fact]
    public void ReadBatches_AllEmptyColumn_IsStringOfNulls()
    {
        using CsvSource source = Source("a,b\n1,\n2,\n");

        Assert.Equal([ArrowTypeId.Int64, ArrowTypeId.String], Types(source));
        Assert.All(BatchValues.ReadAll(source), row => Assert.Null(row[1]));
    }

    [Fact]
    public void ReadBatches_HeaderOnly_HasNoRowsAndStringColumns()
    {
        using CsvSource source = Source("a,b\n");

        Assert.Equal([ArrowTypeId.String, ArrowTypeId.String], Types(source));
        Assert.Empty(source.ReadBatches(null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ReadBatches_QuotedFields_UnquoteDelimitersQuotesAndLineBreaks()
    {
        using CsvSource source = Source("a,b\r\n\"x,\"\"y\"\"\r\nz\",\"\"\r\n\"5\",plain\r\n");

        var rows = BatchValues.ReadAll(source);

        Assert.Equal(["x,\"y\"\r\nz", null], rows[0]);
        Assert.Equal(["5", "plain"], rows[1]);
    }

    [Fact]
    public void ReadBatches_Utf8BomAndMultibyteText_AreRead()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "név,ár\nÅsa,1\n日本,2\n"u8];
        using var source = new CsvSource(_files.WriteBytes("bom.csv", bytes));

        Assert.Equal(["név", "ár"], source.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal([["Åsa", 1L], ["日本", 2L]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void ReadBatches_NoFinalLineBreak_ReadsLastRow()
    {
        using CsvSource source = Source("a\n1\n2");

        Assert.Equal([[1L], [2L]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void ReadBatches_EmptyLineInMultiColumnFile_IsSkipped()
    {
        using CsvSource source = Source("a,b\n1,2\n\n3,4\n");

        Assert.Equal([[1L, 2L], [3L, 4L]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void ReadBatches_NullTokens_AreNull()
    {
        using CsvSource source = Source("a\n1\nNA\n\\N\n", new CsvReaderOptions { NullTokens = ["NA", "\\N"] });

        Assert.Equal([ArrowTypeId.Int64], Types(source));
        Assert.Equal([[1L], [null], [null]], BatchValues.ReadAll(source));
    }

    [Fact]
    public void ReadBatches_Projection_ReturnsOnlyRequestedColumnsInFileOrder()
    {
        using CsvSource source = Source("a,b,c\n1,x,true\n");

        var batch = Assert.Single(source.ReadBatches(["c", "a", "missing"], TestContext.Current.CancellationToken));

        Assert.Equal(["a", "c"], batch.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal([[1L, true]], BatchValues.Rows([batch]));
    }

    [Fact]
    public void ReadBatches_CustomDelimiterAndQuote_AreHonoured()
    {
        using CsvSource source = Source("a;b\n'x;y';2\n", new CsvReaderOptions { Delimiter = ';', Quote = '\'' });

        Assert.Equal([["x;y", 2L]], BatchValues.ReadAll(source));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public void ReadBatches_BatchSize_LimitsRowsPerBatch(int batchSize)
    {
        string text = "n\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"{i}\n"));
        using CsvSource source = Source(text, new CsvReaderOptions { BatchSize = batchSize });

        var batches = source.ReadBatches(null, TestContext.Current.CancellationToken).ToList();

        Assert.All(batches, b => Assert.True(b.Length <= batchSize));
        Assert.Equal((20 + batchSize - 1) / batchSize, batches.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (object?)(long)i), BatchValues.Rows(batches).Select(r => r[0]));
    }

    [Fact]
    public void ReadBatches_Cancelled_StopsBetweenBatches()
    {
        using CsvSource source = Source("n\n1\n2\n3\n", new CsvReaderOptions { BatchSize = 1 });
        using var cancellation = new CancellationTokenSource();

        using var batches = source.ReadBatches(null, cancellation.Token).GetEnumerator();
        Assert.True(batches.MoveNext());
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => batches.MoveNext());
    }

    [Fact]
    public void Constructor_InvalidOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CsvSource("x.csv", new CsvReaderOptions { BatchSize = 0 }));
        Assert.Throws<ArgumentException>(() => new CsvSource("x.csv", new CsvReaderOptions { Delimiter = '"' }));
        Assert.Throws<ArgumentException>(() => new CsvSource("x.csv", new CsvReaderOptions { Delimiter = '\n' }));
    }
}
