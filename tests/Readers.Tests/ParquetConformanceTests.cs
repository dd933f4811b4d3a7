using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations;

namespace Dq.Readers.Tests;

/// <summary>
/// Every file of ../shared/conformance/parquet-testing as its own case, with the outcome pinned: a full read with its row
/// count, or a typed <see cref="DataReadException"/> whose message contains the given text. Each read must finish within
/// 2 s and allocate at most 256 MiB. Where the corpus README allows either, the choice is Arrow C++'s (docs/formats.md).
/// </summary>
[Collection(nameof(ParquetCorpusCollection))]
public sealed class ParquetConformanceTests
{
    private const string Nested = "is nested";
    private const string Undecodable = "could not be decoded";
    private const string NotParquet = "could not be read as Parquet";

    /// <summary>File → "read:ROWS" or "error:TEXT".</summary>
    private static readonly Dictionary<string, string> s_expected = new(StringComparer.Ordinal)
    {
        ["data/alltypes_dictionary.parquet"] = "read:2",
        ["data/alltypes_plain.parquet"] = "read:8",
        ["data/alltypes_plain.snappy.parquet"] = "read:2",
        ["data/binary.parquet"] = "read:12",
        ["data/binary_truncated_min_max.parquet"] = "read:12",
        ["data/byte_array_decimal.parquet"] = "read:24",
        ["data/byte_stream_split.zstd.parquet"] = "read:300",
        ["data/byte_stream_split_extended.gzip.parquet"] = "read:200",
        ["data/column_chunk_key_value_metadata.parquet"] = "read:0",
        ["data/concatenated_gzip_members.parquet"] = "read:513",
        ["data/datapage_v1-corrupt-checksum.parquet"] = "read:5120",
        ["data/datapage_v1-uncompressed-checksum.parquet"] = "read:5120",
        ["data/datapage_v2.snappy.parquet"] = "error:" + Nested,
        ["data/datapage_v2_empty_datapage.snappy.parquet"] = "read:1",
        ["data/delta_binary_packed.parquet"] = "read:200",
        ["data/delta_byte_array.parquet"] = "read:1000",
        ["data/delta_encoding_optional_column.parquet"] = "read:100",
        ["data/delta_encoding_required_column.parquet"] = "read:100",
        ["data/delta_length_byte_array.parquet"] = "read:1000",
        ["data/dict-page-offset-zero.parquet"] = "read:39",
        ["data/fixed_length_byte_array.parquet"] = "read:1000",
        ["data/fixed_length_decimal.parquet"] = "read:24",
        ["data/fixed_length_decimal_legacy.parquet"] = "read:24",
        ["data/float16_nonzeros_and_nans.parquet"] = "read:8",
        ["data/float16_zeros_and_nans.parquet"] = "read:3",
        ["data/floating_orders_nan_count.parquet"] = "read:50",
        ["data/hadoop_lz4_compressed.parquet"] = "read:4",
        ["data/incorrect_map_schema.parquet"] = "error:Map keys must be annotated as required",
        ["data/int32_decimal.parquet"] = "read:24",
        ["data/int32_with_null_pages.parquet"] = "read:1000",
        ["data/int64_decimal.parquet"] = "read:24",
        ["data/int96_from_spark.parquet"] = "error:outside the range of microsecond timestamps",
        ["data/large_string_map.brotli.parquet"] = "error:" + Nested,
        ["data/list_columns.parquet"] = "error:" + Nested,
        ["data/lz4_raw_compressed.parquet"] = "read:4",
        ["data/map_no_value.parquet"] = "error:" + Nested,
        ["data/nan_in_stats.parquet"] = "read:2",
        ["data/nation.dict-malformed.parquet"] = "read:25",
        ["data/nested_lists.snappy.parquet"] = "error:" + Nested,
        ["data/nested_maps.snappy.parquet"] = "error:" + Nested,
        ["data/nested_structs.rust.parquet"] = "error:" + Nested,
        ["data/non_hadoop_lz4_compressed.parquet"] = "read:4",
        ["data/nonnullable.impala.parquet"] = "error:" + Nested,
        ["data/null_list.parquet"] = "error:" + Nested,
        ["data/nullable.impala.parquet"] = "error:" + Nested,
        ["data/nulls.snappy.parquet"] = "error:" + Nested,
        ["data/old_list_structure.parquet"] = "error:" + Nested,
        ["data/overflow_i16_page_cnt.parquet"] = "read:40000",
        ["data/page_v2_empty_compressed.parquet"] = "read:10",
        ["data/repeated_no_annotation.parquet"] = "error:" + Nested,
        ["data/repeated_primitive_no_list.parquet"] = "error:" + Nested,
        ["data/rle-dict-uncompressed-corrupt-checksum.parquet"] = "read:1000",
        ["data/rle_boolean_encoding.parquet"] = "read:68",
        ["data/single_nan.parquet"] = "read:1",
        ["data/sort_columns.parquet"] = "read:6",
        ["data/uniform_encryption.parquet.encrypted"] = "error:encrypted Parquet file",
        ["data/unknown-logical-type.parquet"] = "read:3",
        ["bad_data/ARROW-GH-41317.parquet"] = "error:" + Nested,
        ["bad_data/ARROW-GH-41321.parquet"] = "error:" + Nested,
        ["bad_data/ARROW-GH-43605.parquet"] = "read:21186",
        ["bad_data/ARROW-GH-45185.parquet"] = "error:" + Nested,
        ["bad_data/ARROW-GH-47662.parquet"] = "error:" + Undecodable,
        ["bad_data/ARROW-RS-GH-6229-DICTHEADER.parquet"] = "error:" + Undecodable,
        ["bad_data/ARROW-RS-GH-6229-LEVELS.parquet"] = "error:" + Nested,
        ["bad_data/PARQUET-1481.parquet"] = "error:" + NotParquet,
    };

    public static TheoryData<string> Files()
    {
        string root = Path.Combine(TestFiles.SharedFolder, "conformance", "parquet-testing");
        var files = new TheoryData<string>();
        foreach (string folder in new[] { "data", "bad_data" })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(root, folder)).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                files.Add($"{folder}/{Path.GetFileName(file)}");
            }
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void File_HasItsPinnedOutcome_Within2SecondsAnd256MiB(string file)
    {
        Assert.True(s_expected.TryGetValue(file, out string? expected), $"{file} has no pinned outcome; add one.");
        string path = Path.Combine(TestFiles.SharedFolder, "conformance", "parquet-testing", file);
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();

        string outcome;
        try
        {
            using var source = new ParquetSource(path);
            long rows = source.ReadBatches(null, TestContext.Current.CancellationToken).Sum(b => (long)b.Length);
            // The count the engine sizes its tables by, from the metadata, is the rows the pages decode to.
            Assert.Equal(rows, source.KnownRowCount);
            outcome = string.Create(CultureInfo.InvariantCulture, $"read:{rows}");
        }
        catch (DataReadException e)
        {
            Assert.Equal(path, e.FilePath);
            outcome = expected.StartsWith("error:", StringComparison.Ordinal) && e.Message.Contains(expected[6..], StringComparison.Ordinal) ? expected : "error:" + e.Message;
        }

        Assert.Equal(expected, outcome);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - allocated, 0, 256L << 20);
    }

    [Theory]
    [InlineData("delta_binary_packed")]
    [InlineData("delta_byte_array")]
    [InlineData("delta_encoding_optional_column")]
    [InlineData("delta_encoding_required_column")]
    public void DeltaFiles_EqualTheirExpectCsv(string name)
    {
        using var parquet = new ParquetSource(TestFiles.ParquetTestingData(name + ".parquet"));
        using var csv = new CsvSource(TestFiles.ParquetTestingData(name + "_expect.csv"), new CsvReaderOptions { Schema = AllStrings(TestFiles.ParquetTestingData(name + "_expect.csv")) });

        var actual = BatchValues.ReadAll(parquet).Select(r => r.Select(v => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var expected = BatchValues.ReadAll(csv).Select(r => r.Cast<string?>().ToArray()).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Float16_IsWidenedToFloat()
    {
        using var source = new ParquetSource(TestFiles.ParquetTestingData("float16_nonzeros_and_nans.parquet"));

        var values = BatchValues.ReadAll(source).Select(r => r[0]).ToList();

        Assert.Equal([null, 1.0f, -2.0f, float.NaN, 0.0f, -1.0f, -0.0f, 2.0f], values);
    }

    [Fact]
    public void ByteStreamSplitExtended_EachSplitColumnEqualsItsPlainTwin()
    {
        using var source = new ParquetSource(TestFiles.ParquetTestingData("byte_stream_split_extended.gzip.parquet"));
        var names = source.Schema.FieldsList.Select(f => f.Name).ToList();
        var rows = BatchValues.ReadAll(source);

        var pairs = names.Where(n => n.EndsWith("_plain", StringComparison.Ordinal))
            .Select(n => (Plain: names.IndexOf(n), Split: names.IndexOf(n[..^"_plain".Length] + "_byte_stream_split"))).ToList();

        Assert.Equal(7, pairs.Count);
        Assert.All(pairs, p => Assert.True(p.Split >= 0));
        foreach (var (plain, split) in pairs)
        {
            Assert.Equal(rows.Select(r => r[plain]), rows.Select(r => r[split]));
        }
    }

    [Fact]
    public void EmptyV2DataPage_IsOneNull()
    {
        using var source = new ParquetSource(TestFiles.ParquetTestingData("datapage_v2_empty_datapage.snappy.parquet"));

        Assert.Equal([new object?[] { null }], BatchValues.ReadAll(source));
    }

    /// <summary>
    /// INT96 decoded by hand (8 bytes of nanoseconds in the day, then the Julian day) from the raw column, read through
    /// ParquetSharp's physical reader, is the reference: the read gives the same instants in microseconds, including one
    /// outside the 64-bit nanosecond range (where Arrow C++'s own conversion wraps silently), and the sixth value, beyond
    /// the microsecond range too, is a typed error naming the column and row rather than a wrong instant.
    /// </summary>
    [Fact]
    public void Int96FromSpark_EqualsTheHandDecodedInstants_AndRefusesTheUnrepresentableOne()
    {
        string path = TestFiles.ParquetTestingData("int96_from_spark.parquet");
        using var file = new ParquetSharp.ParquetFileReader(path);
        using var group = file.RowGroup(0);
        using var reader = group.Column(0).LogicalReader<ParquetSharp.Int96?>();
        var raw = reader.ReadAll((int)group.MetaData.NumRows);
        var expected = raw[..5].Select(v => v is { } x ? (long?)(long)MicrosecondsOf(x) : null).ToList();
        Assert.True(MicrosecondsOf(raw[5]!.Value) < long.MinValue);
        Assert.Contains(expected, v => v > long.MaxValue / 1000); // beyond 64-bit nanoseconds (year 2262)

        using var source = new ParquetSource(path) { BatchSize = 5 };
        Assert.Equal(TimeUnit.Microsecond, ((TimestampType)source.Schema.FieldsList[0].DataType).Unit);
        using var batches = source.ReadBatches(null, TestContext.Current.CancellationToken).GetEnumerator();
        Assert.True(batches.MoveNext());
        var first = (TimestampArray)batches.Current.Column(0);
        Assert.Equal(expected, Enumerable.Range(0, first.Length).Select(i => first.IsNull(i) ? (long?)null : first.Values[i]));
        var error = Assert.Throws<DataReadException>(() => batches.MoveNext());
        Assert.Contains("column `a`, row 5: the INT96 timestamp", error.Message, StringComparison.Ordinal);
    }

    private static Int128 MicrosecondsOf(ParquetSharp.Int96 value)
    {
        const long UnixEpochJulianDay = 2_440_588;
        long nanosOfDay = (long)(((ulong)(uint)value.B << 32) | (uint)value.A);
        return ((Int128)(value.C - UnixEpochJulianDay) * 86_400_000_000L) + (nanosOfDay / 1000);
    }

    private static CsvSchema AllStrings(string path)
    {
        string header = File.ReadLines(path).First();
        return new CsvSchema(header.Split(',').Select(h => new CsvColumnSpec(h.Trim('"'), CsvColumnType.String)));
    }
}

/// <summary>The corpus tests measure allocations, so nothing else runs beside them.</summary>
[CollectionDefinition(nameof(ParquetCorpusCollection), DisableParallelization = true)]
public sealed class ParquetCorpusCollection;
