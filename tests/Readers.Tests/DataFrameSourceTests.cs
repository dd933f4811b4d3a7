using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations;
using Dq.Readers.Frames;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Analysis;
using Microsoft.ML.Data;

namespace Dq.Readers.Tests;

public sealed class DataFrameSourceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// An Arrow-backed string column over managed buffers (its Append does not grow the column in Microsoft.Data.Analysis
    /// 0.23, and a column taken from an Arrow batch would point at the batch's native memory, freed with the batch).
    /// </summary>
    internal static ArrowStringDataFrameColumn ArrowStrings(string name, IReadOnlyList<string?> values)
    {
        var data = new List<byte>();
        var offsets = new int[values.Count + 1];
        var validity = new byte[(values.Count + 7) / 8];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                data.AddRange(System.Text.Encoding.UTF8.GetBytes(v));
                validity[i / 8] |= (byte)(1 << (i % 8));
            }
            offsets[i + 1] = data.Count;
        }
        var offsetBytes = new byte[offsets.Length * sizeof(int)];
        Buffer.BlockCopy(offsets, 0, offsetBytes, 0, offsetBytes.Length);
        return new ArrowStringDataFrameColumn(name, data.ToArray(), offsetBytes, validity, values.Count, values.Count(v => v is null));
    }

    [Fact]
    public void Schema_EveryColumnType_MapsToItsArrowType()
    {
        var stamp = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Unspecified).AddTicks(1_234_560);
        var offset = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));
        var frame = new DataFrame(
            new SByteDataFrameColumn("i8", new sbyte?[] { -8, null }),
            new Int16DataFrameColumn("i16", new short?[] { -16, null }),
            new Int32DataFrameColumn("i32", new int?[] { -32, null }),
            new Int64DataFrameColumn("i64", new long?[] { long.MinValue, null }),
            new ByteDataFrameColumn("u8", new byte?[] { 255, null }),
            new UInt16DataFrameColumn("u16", new ushort?[] { 65535, null }),
            new UInt32DataFrameColumn("u32", new uint?[] { uint.MaxValue, null }),
            new UInt64DataFrameColumn("u64", new ulong?[] { ulong.MaxValue, null }),
            new SingleDataFrameColumn("f32", new float?[] { 1.5f, null }),
            new DoubleDataFrameColumn("f64", new double?[] { double.NaN, null }),
            new BooleanDataFrameColumn("b", new bool?[] { true, null }),
            new CharDataFrameColumn("c", new char?[] { 'é', null }),
            new DecimalDataFrameColumn("dec", new decimal?[] { 12345678.91m, null }),
            new DateTimeDataFrameColumn("ts", new DateTime?[] { stamp, null }),
            new PrimitiveDataFrameColumn<DateOnly>("date", new DateOnly?[] { new DateOnly(1999, 12, 31), null }),
            new PrimitiveDataFrameColumn<DateTimeOffset>("tstz", new DateTimeOffset?[] { offset, null }),
            new StringDataFrameColumn("s", new[] { "héllo 日本", null }),
            ArrowStrings("as", ["wörld", null]));
        using var source = new DataFrameSource(frame);

        var types = source.Schema.FieldsList.Select(f => f.DataType.TypeId).ToArray();
        var rows = BatchValues.Rows(source.ReadBatches(null, Token));

        Assert.Equal(
            [ArrowTypeId.Int8, ArrowTypeId.Int16, ArrowTypeId.Int32, ArrowTypeId.Int64, ArrowTypeId.UInt8, ArrowTypeId.UInt16,
             ArrowTypeId.UInt32, ArrowTypeId.UInt64, ArrowTypeId.Float, ArrowTypeId.Double, ArrowTypeId.Boolean, ArrowTypeId.String,
             ArrowTypeId.Decimal128, ArrowTypeId.Timestamp, ArrowTypeId.Date32, ArrowTypeId.Timestamp, ArrowTypeId.String, ArrowTypeId.String],
            types);
        Assert.Equal((TimeUnit.Microsecond, null), (((TimestampType)source.Schema.GetFieldByName("ts").DataType).Unit, ((TimestampType)source.Schema.GetFieldByName("ts").DataType).Timezone));
        Assert.Equal("UTC", ((TimestampType)source.Schema.GetFieldByName("tstz").DataType).Timezone);
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            [(sbyte)-8, (short)-16, -32, long.MinValue, (byte)255, (ushort)65535, uint.MaxValue, ulong.MaxValue, 1.5f, double.NaN, true, "é",
             12345678.91m, new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, 456, TimeSpan.Zero), new DateOnly(1999, 12, 31), offset, "héllo 日本", "wörld"],
            rows[0]);
        Assert.Equal(new object?[18], rows[1]);
    }

    [Fact]
    public void ReadBatches_DefaultBatchSize_Splits65536RowBatches()
    {
        var frame = new DataFrame(new Int64DataFrameColumn("n", Enumerable.Range(0, 150_000).Select(i => (long)i)));
        using var source = new DataFrameSource(frame);

        var batches = source.ReadBatches(null, Token).ToList();

        Assert.Equal([65_536, 65_536, 18_928], batches.Select(b => b.Length));
        Assert.Equal(150_000, source.KnownRowCount);
        Assert.Equal(Enumerable.Range(0, 150_000).Select(i => (long)i), batches.SelectMany(b => ((Int64Array)b.Column(0)).Values.ToArray()));
    }

    [Fact]
    public void ReadBatches_AnyBatchSize_ReadsBackEveryValueAndNull()
    {
        var gen =
            from values in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, ArbMap.Default.GeneratorFor<int>().Select(v => (int?)v))).ArrayOf()
            from texts in Gen.Frequency((1, Gen.Constant<string?>(null)), (4, Gen.Elements<string?>("", "a", "é", "日本語", "x,y")))
                .ArrayOf(values.Length)
            from batchRows in Gen.Choose(1, 20)
            select (values, texts, batchRows);
        Prop.ForAll(gen.ToArbitrary(), data =>
        {
            var frame = new DataFrame(
                new Int32DataFrameColumn("i", data.values),
                new StringDataFrameColumn("s", data.texts),
                ArrowStrings("a", data.texts));
            using var source = new DataFrameSource(frame, batchRows: data.batchRows);

            var batches = source.ReadBatches(null, Token).ToList();
            var rows = BatchValues.Rows(batches);

            Assert.Equal(data.values.Select(v => (object?)v), rows.Select(r => r[0]));
            Assert.Equal(data.texts, rows.Select(r => (string?)r[1]));
            Assert.Equal(data.texts, rows.Select(r => (string?)r[2]));
            Assert.All(batches, b => Assert.True(b.Length <= data.batchRows));
            var starts = batches.Select((b, i) => batches.Take(i).Sum(x => x.Length)).ToList();
            Assert.Equal(
                batches.Select((b, i) => data.values.Skip(starts[i]).Take(b.Length).Count(v => v is null)),
                batches.Select(b => b.Column(0).NullCount));
            Assert.Equal(
                batches.Select((b, i) => data.texts.Skip(starts[i]).Take(b.Length).Count(v => v is null)),
                batches.Select(b => b.Column(2).NullCount));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ReadBatches_NumericColumn_SharesTheFramesMemory()
    {
        var column = new DoubleDataFrameColumn("d", new double[] { 1, 2, 3 });
        using var source = new DataFrameSource(new DataFrame(column));
        var batch = source.ReadBatches(null, Token).Single();

        column[1] = 42;

        Assert.Equal([1, 42, 3], ((DoubleArray)batch.Column(0)).Values.ToArray());
    }

    [Fact]
    public void ReadBatches_RequestedColumns_ReadsOnlyThose()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("a", [1]), new StringDataFrameColumn("b", ["x"]), new BooleanDataFrameColumn("c", [true]));
        using var source = new DataFrameSource(frame);

        var batch = source.ReadBatches(["c", "a"], Token).Single();

        Assert.Equal(["a", "c"], batch.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal(3, source.Schema.FieldsList.Count);
    }

    [Fact]
    public void ReadBatches_EmptyFrame_NoBatchesAndRowCountZero()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("a", 0), new StringDataFrameColumn("b", 0));
        using var source = new DataFrameSource(frame);
        var suite = Dq.Expectations.Suites.ExpectationSuite.Create("empty").ExpectTableRowCountToEqual(0).ExpectColumnToExist("b").Build();

        var result = Validator.Validate(source, suite, cancellationToken: Token);

        Assert.Empty(source.ReadBatches(null, Token));
        Assert.True(result.Success);
        Assert.Equal(0, result.Run.RowCount);
    }

    [Fact]
    public void Decimal_MixedScales_UsesTheLargestScaleWithoutRounding()
    {
        var frame = new DataFrame(new DecimalDataFrameColumn("m", new decimal?[] { 1.5m, 2.25m, -100m, null, 0.001m }));
        using var source = new DataFrameSource(frame);

        var type = (Decimal128Type)source.Schema.GetFieldByName("m").DataType;
        var values = BatchValues.Rows(source.ReadBatches(null, Token)).Select(r => r[0]);

        Assert.Equal(3, type.Scale);
        Assert.Equal([1.5m, 2.25m, -100m, null, 0.001m], values);
    }

    [Fact]
    public void Decimal_MoreThan38Digits_ThrowsNamingTheColumn()
    {
        var frame = new DataFrame(new DecimalDataFrameColumn("amount", new[] { decimal.MaxValue, 0.0000000000000000000000000001m }));

        var error = Assert.Throws<ArgumentException>(() => new DataFrameSource(frame));

        Assert.Contains("`amount`", error.Message, StringComparison.Ordinal);
        Assert.Contains("38 digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DateTime_BelowAMicrosecondAndBefore1970_RoundsTowardThePast()
    {
        var before = new DateTime(1969, 12, 31, 23, 59, 59).AddTicks(9_999_999);
        var frame = new DataFrame(new DateTimeDataFrameColumn("t", [before]));
        using var source = new DataFrameSource(frame);

        var micros = ((TimestampArray)source.ReadBatches(null, Token).Single().Column(0)).Values[0];

        Assert.Equal(-1, micros);
    }

    [Fact]
    public void Constructor_VectorColumn_ThrowsNamingTheColumn()
    {
        var vectors = new VBufferDataFrameColumn<float>("embedding", [new VBuffer<float>(2, [1f, 2f])]);

        var error = Assert.Throws<ArgumentException>(() => new DataFrameSource(new DataFrame(vectors)));

        Assert.Contains("`embedding`", error.Message, StringComparison.Ordinal);
        Assert.Contains("Remove the column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NullsAcrossBatches_ReportsTableWideRowIndexes()
    {
        var emails = Enumerable.Range(0, 20).Select(i => i is 3 or 9 or 17 ? null : $"u{i}@example.com").ToArray();
        var frame = new DataFrame(new StringDataFrameColumn("email", emails));
        var suite = Dq.Expectations.Suites.ExpectationSuite.Create("s").ExpectColumnValuesToNotBeNull("email").Build();
        using var source = new DataFrameSource(frame, batchRows: 5);

        var result = Validator.Validate(source, suite, cancellationToken: Token).Results.Single();

        Assert.False(result.Success);
        Assert.Equal(3, result.Result!.UnexpectedCount);
        Assert.Equal([3L, 9L, 17L], result.Result.PartialUnexpectedIndexList!);
    }

    [Fact]
    public void ConvertingCopy_RowsAcrossChunks_ReadsEachChunkInTurn()
    {
        // Columns split into chunks only past hundreds of millions of rows, so the chunk walk is checked on a synthetic split.
        ReadOnlyMemory<int>[] values = [new[] { 1, 2, 3 }, System.Array.Empty<int>(), new[] { 4, 5, 6, 7 }];
        ReadOnlyMemory<byte>[] validity = [new byte[] { 0b101 }, System.Array.Empty<byte>(), new byte[] { 0b1110 }];
        var chunks = new FrameChunks<int>(values, validity, values.Select(v => v.Length), hasNulls: true);
        var builder = new FixedWidthBuilder<int, int>(Int32Type.Default, static v => v);

        ConvertingColumnReader<int>.Copy(chunks, 1, 5, builder);
        var array = (Int32Array)builder.Build();

        Assert.Equal([null, 3, null, 5, 6], Enumerable.Range(0, array.Length).Select(i => array.GetValue(i)));
    }
}
