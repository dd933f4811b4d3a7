using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations;
using Parquet;
using Parquet.Schema;

namespace Dq.Readers.Tests;

public sealed class ParquetSourceTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<string> WriteAsync(string name, ParquetSchema schema, int rowGroups, Func<ParquetRowGroupWriter, int, Task> writeGroup)
    {
        string path = _files.PathOf(name);
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: Token);
        for (int g = 0; g < rowGroups; g++)
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await writeGroup(group, g);
        }
        return path;
    }

    [Fact]
    public async Task ReadBatches_WrittenFile_MapsEveryFlatType()
    {
        var fields = new global::Parquet.Schema.Field[]
        {
            new DataField<bool?>("b"), new DataField<sbyte?>("i8"), new DataField<short?>("i16"), new DataField<int?>("i32"),
            new DataField<long?>("i64"), new DataField<byte?>("u8"), new DataField<ulong?>("u64"), new DataField<float?>("f"),
            new DataField<double?>("d"), new DataField<string>("s"), new DataField<byte[]>("bin"), new DataField<DateOnly?>("date"),
            new DateTimeDataField("ts", DateTimeFormat.DateAndTimeMicros, isAdjustedToUTC: true, isNullable: true),
            new DecimalDataField("dec", 10, 2, isNullable: true),
        };
        var schema = new ParquetSchema(fields);
        var stamp = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(123_450);
        string path = await WriteAsync("types.parquet", schema, 1, async (g, _) =>
        {
            await g.WriteAsync<bool>((DataField)fields[0], new bool?[] { true, null });
            await g.WriteAsync<sbyte>((DataField)fields[1], new sbyte?[] { -8, null });
            await g.WriteAsync<short>((DataField)fields[2], new short?[] { -16, null });
            await g.WriteAsync<int>((DataField)fields[3], new int?[] { -32, null });
            await g.WriteAsync<long>((DataField)fields[4], new long?[] { long.MinValue, null });
            await g.WriteAsync<byte>((DataField)fields[5], new byte?[] { 255, null });
            await g.WriteAsync<ulong>((DataField)fields[6], new ulong?[] { ulong.MaxValue, null });
            await g.WriteAsync<float>((DataField)fields[7], new float?[] { 1.5f, null });
            await g.WriteAsync<double>((DataField)fields[8], new double?[] { double.NaN, null });
            await g.WriteAsync((DataField)fields[9], new string?[] { "héllo", null });
            await g.WriteAsync((DataField)fields[10], new byte[]?[] { [1, 2, 3], null });
            await g.WriteAsync<DateOnly>((DataField)fields[11], new DateOnly?[] { new DateOnly(1999, 12, 31), null });
            await g.WriteAsync<DateTime>((DataField)fields[12], new DateTime?[] { stamp, null });
            await g.WriteAsync<decimal>((DataField)fields[13], new decimal?[] { 12345678.91m, null });
        });
        using var source = new ParquetSource(path);

        ArrowTypeId[] types = [.. source.Schema.FieldsList.Select(f => f.DataType.TypeId)];
        var rows = BatchValues.ReadAll(source);

        Assert.Equal(
            [ArrowTypeId.Boolean, ArrowTypeId.Int8, ArrowTypeId.Int16, ArrowTypeId.Int32, ArrowTypeId.Int64, ArrowTypeId.UInt8,
             ArrowTypeId.UInt64, ArrowTypeId.Float, ArrowTypeId.Double, ArrowTypeId.String, ArrowTypeId.Binary, ArrowTypeId.Date32,
             ArrowTypeId.Timestamp, ArrowTypeId.Decimal128],
            types);
        var timestampType = (TimestampType)source.Schema.GetFieldByName("ts").DataType;
        Assert.Equal((TimeUnit.Microsecond, "UTC"), (timestampType.Unit, timestampType.Timezone));
        var decimalType = (Decimal128Type)source.Schema.GetFieldByName("dec").DataType;
        Assert.Equal((10, 2), (decimalType.Precision, decimalType.Scale));
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            [true, (sbyte)-8, (short)-16, -32, long.MinValue, (byte)255, ulong.MaxValue, 1.5f, double.NaN, "héllo", new byte[] { 1, 2, 3 },
             new DateOnly(1999, 12, 31), new DateTimeOffset(stamp), 12345678.91m],
            rows[0]);
        Assert.Equal(new object?[14], rows[1]);
    }

    [Fact]
    public async Task ReadBatches_RowGroupsAndBatchSize_GiveTheSameRows()
    {
        var id = new DataField<int>("id");
        var name = new DataField<string>("name");
        string path = await WriteAsync("groups.parquet", new ParquetSchema(id, name), 3, async (g, index) =>
        {
            int[] ids = [.. Enumerable.Range(index * 10, 10)];
            await g.WriteAsync<int>(id, ids);
            await g.WriteAsync(name, ids.Select(i => i % 3 == 0 ? null : $"n{i}").ToArray());
        });
        var expected = Enumerable.Range(0, 30).Select(i => new object?[] { i, i % 3 == 0 ? null : $"n{i}" }).ToList();

        foreach (int batchSize in new[] { 1, 7, 65_536 })
        {
            using var source = new ParquetSource(path) { BatchSize = batchSize };
            var batches = source.ReadBatches(null, Token).ToList();

            Assert.All(batches, b => Assert.InRange(b.Length, 1, batchSize));
            Assert.Equal(expected, BatchValues.Rows(batches));
        }
    }

    [Fact]
    public async Task ReadBatches_Projection_DecodesOnlyRequestedColumns()
    {
        var a = new DataField<int>("a");
        var b = new DataField<string>("b");
        string path = await WriteAsync("proj.parquet", new ParquetSchema(a, b), 1, async (g, _) =>
        {
            await g.WriteAsync<int>(a, new[] { 1, 2 });
            await g.WriteAsync(b, new[] { "x", "y" });
        });
        using var source = new ParquetSource(path);

        RecordBatch batch = Assert.Single(source.ReadBatches(["b", "nope"], Token));

        Assert.Equal(["b"], batch.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal([["x"], ["y"]], BatchValues.Rows([batch]));
    }

    /// <summary>
    /// Written by Arrow C++'s writer (through ParquetSharp), which dictionary-encodes text by default (Parquet.Net 6.1
    /// does not): the low-cardinality column is read as a dictionary, the mostly distinct one as plain strings, and both
    /// give the written values.
    /// </summary>
    [Fact]
    public void ReadBatches_SmallDictionaryText_IsReadAsDictionary_WithTheWrittenValues()
    {
        string?[] statuses = ["placed", "shipped", "delivered", "cancelled", null];
        var written = Enumerable.Range(0, 2).Select(g => Enumerable.Range(0, 20_000)
            .Select(i => new object?[] { statuses[((i * 7) + g) % 5], $"customer-{g}-{i:D8}" }).ToList()).ToList();
        string path = _files.PathOf("dictionary.parquet");
        using (var writer = new ParquetSharp.ParquetFileWriter(path, [new ParquetSharp.Column<string>("status"), new ParquetSharp.Column<string>("id")]))
        {
            foreach (var group in written)
            {
                using var rowGroup = writer.AppendRowGroup();
                for (int c = 0; c < 2; c++)
                {
                    using var column = rowGroup.NextColumn().LogicalWriter<string>();
                    column.WriteBatch([.. group.Select(r => (string)r[c]!)]);
                }
            }
            writer.Close();
        }
        using var source = new ParquetSource(path) { BatchSize = 3_000 };
        using var plain = new ParquetSource(path) { BatchSize = 3_000, DictionaryText = false };

        Assert.IsType<DictionaryType>(source.Schema.GetFieldByName("status").DataType);
        Assert.IsType<StringType>(source.Schema.GetFieldByName("id").DataType); // mostly distinct: read plain
        Assert.IsType<StringType>(plain.Schema.GetFieldByName("status").DataType);
        var batches = source.ReadBatches(null, Token).ToList();
        Assert.All(batches, b => Assert.IsType<DictionaryArray>(b.Column("status")));
        Assert.Equal(written.SelectMany(g => g), BatchValues.Rows(batches));
        Assert.Equal(written.SelectMany(g => g), BatchValues.ReadAll(plain));
    }

    public sealed class Tagged
    {
        public int Id { get; set; }

        public List<int> Tags { get; set; } = [];
    }

    [Fact]
    public async Task ReadBatches_NestedColumn_FailsOnlyWhenRequested()
    {
        string path = _files.PathOf("nested.parquet");
        await global::Parquet.Serialization.ParquetSerializer.SerializeAsync(new[] { new Tagged { Id = 1, Tags = [5, 6] } }, path, cancellationToken: Token);
        using var source = new ParquetSource(path);

        Assert.Equal(["Id"], source.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal([[1]], BatchValues.ReadAll(source, ["Id"]));
        var error = Assert.Throws<DataReadException>(() => source.ReadBatches(null, Token).ToList());
        Assert.Contains("column `Tags` is nested (list/struct/map: list)", error.Message, StringComparison.Ordinal);
        Assert.Throws<DataReadException>(() => source.ReadBatches(["Tags"], Token).ToList());
    }

    [Theory]
    [InlineData("list_columns.parquet", "int64_list")]
    [InlineData("nulls.snappy.parquet", "b_struct")]
    [InlineData("nested_maps.snappy.parquet", "a")]
    public void ReadBatches_ConformanceNestedFiles_FailWithTypedError(string file, string column)
    {
        using var source = new ParquetSource(TestFiles.ParquetTestingData(file));

        var error = Assert.Throws<DataReadException>(() => source.ReadBatches(null, Token).ToList());

        Assert.Contains($"column `{column}` is nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alltypes_plain.parquet")]
    [InlineData("alltypes_plain.snappy.parquet")]
    [InlineData("alltypes_dictionary.parquet")]
    public void ReadBatches_ConformanceAllTypes_MatchTheImpalaTable(string file)
    {
        using var source = new ParquetSource(TestFiles.ParquetTestingData(file));

        var rows = BatchValues.ReadAll(source);

        Assert.Equal(
            ["id", "bool_col", "tinyint_col", "smallint_col", "int_col", "bigint_col", "float_col", "double_col", "date_string_col", "string_col", "timestamp_col"],
            source.Schema.FieldsList.Select(f => f.Name));
        int[] ids = file switch { "alltypes_dictionary.parquet" => [0, 1], "alltypes_plain.snappy.parquet" => [6, 7], _ => [4, 5, 6, 7, 2, 3, 0, 1] };
        Assert.Equal(ids.Select(i => (object?)i), rows.Select(r => r[0]));
        foreach (object?[] row in rows)
        {
            int id = (int)row[0]!;
            int small = id % 2;
            Assert.Equal(id % 2 == 0, row[1]);
            Assert.Equal([small, small, small, small * 10L, small * 1.1f, small * 10.1], row[2..8]);
            Assert.Equal(small.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.UTF8.GetString((byte[])row[9]!));
            var timestamp = (DateTimeOffset)row[10]!;
            Assert.Equal((2009, id / 2 + 1, 1, 0, id % 2), (timestamp.Year, timestamp.Month, timestamp.Day, timestamp.Hour, timestamp.Minute));
            Assert.Equal(TimeSpan.Zero, timestamp.Offset);
        }
    }

    [Fact]
    public void ReadBatches_NotParquet_IsDataReadExceptionNamingTheFile()
    {
        string path = _files.WriteText("fake.parquet", "this is not parquet at all, just text that is long enough");
        using var source = new ParquetSource(path);

        var error = Assert.Throws<DataReadException>(() => source.Schema);

        Assert.Equal(path, error.FilePath);
        Assert.Contains("could not be read as Parquet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatches_TruncatedFile_IsDataReadException()
    {
        byte[] bytes = File.ReadAllBytes(TestFiles.ParquetTestingData("alltypes_plain.parquet"));
        string path = _files.WriteBytes("truncated.parquet", [.. bytes.AsSpan(0, bytes.Length / 2), .. bytes.AsSpan(bytes.Length - 8)]);
        using var source = new ParquetSource(path);

        Assert.Throws<DataReadException>(() => source.ReadBatches(null, Token).ToList());
    }

    [Fact]
    public void ReadBatches_CorruptPages_IsDataReadException()
    {
        byte[] bytes = File.ReadAllBytes(TestFiles.ParquetTestingData("alltypes_plain.parquet"));
        for (int i = 4; i < bytes.Length / 2; i += 3)
        {
            bytes[i] ^= 0x5A;
        }
        string path = _files.WriteBytes("corrupt.parquet", bytes);
        using var source = new ParquetSource(path);

        var error = Assert.Throws<DataReadException>(() => source.ReadBatches(null, Token).ToList());
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void Schema_MissingFile_SaysThePath()
    {
        string path = _files.PathOf("missing.parquet");
        using var source = new ParquetSource(path);

        var error = Assert.Throws<DataReadException>(() => source.Schema);

        Assert.Contains($"`{path}` does not exist", error.Message, StringComparison.Ordinal);
    }
}
