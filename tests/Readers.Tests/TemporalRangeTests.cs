using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Dq.Expectations;

namespace Dq.Readers.Tests;

/// <summary>
/// Dates and timestamps beyond the years 1 to 9999 (DuckDB's <c>infinity</c> is the largest int64) once wrapped to
/// 1970 and let a max check pass; they must be an error naming the column and row, and values at the edges must read.
/// </summary>
public sealed class TemporalRangeTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TimeUnit.Microsecond, long.MaxValue)]
    [InlineData(TimeUnit.Millisecond, long.MinValue + 1)]
    [InlineData(TimeUnit.Second, 253402300800L)] // 10000-01-01
    public void ArrowTimestampOutsideTheYears1To9999_IsAnErrorNamingColumnAndRow(TimeUnit unit, long outside)
    {
        var type = new TimestampType(unit, "UTC");
        string path = WriteArrow(new TimestampArray.Builder(type).Append(DateTimeOffset.UnixEpoch).Build(), new TimestampArray(new ArrayData(type, 2, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer.Builder<long>().Append(0).Append(outside).Build()])));
        using var source = new ArrowIpcSource(path);

        var error = Assert.Throws<DataReadException>(() => BatchValues.ReadAll(source));

        Assert.Contains("column `t`, row 3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside the years 1 to 9999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrowTimestampsAtTheEdges_Read()
    {
        var type = new TimestampType(TimeUnit.Microsecond, "UTC");
        long first = (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        long last = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        string path = WriteArrow(new TimestampArray(new ArrayData(type, 2, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer.Builder<long>().Append(first).Append(last).Build()])));
        using var source = new ArrowIpcSource(path);

        var rows = BatchValues.ReadAll(source);

        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void ParquetDateBeyondYear9999_IsAnErrorNamingColumnAndRow()
    {
        string path = _files.PathOf("dates.parquet");
        using (var writer = new ParquetSharp.ParquetFileWriter(path, [new ParquetSharp.Column<int>("d", ParquetSharp.LogicalType.Date())]))
        {
            using var rowGroup = writer.AppendRowGroup();
            using var column = rowGroup.NextColumn().LogicalWriter<int>();
            column.WriteBatch([0, 19_000, 3_000_000]);
            writer.Close();
        }
        using var source = new ParquetSource(path);

        var error = Assert.Throws<DataReadException>(() => source.ReadBatches(null, Token).ToList());

        Assert.Contains("column `d`, row 3: 3000000 days since 1970 is outside the years 1 to 9999", error.Message, StringComparison.Ordinal);
    }

    private string WriteArrow(params IArrowArray[] batches)
    {
        string path = _files.PathOf($"t-{Guid.NewGuid():N}.arrow");
        var schema = new Schema([new Field("t", batches[0].Data.DataType, nullable: true)], null);
        using (FileStream stream = File.Create(path))
        {
            using var writer = new ArrowFileWriter(stream, schema);
            foreach (IArrowArray array in batches)
            {
                writer.WriteRecordBatch(new RecordBatch(schema, [array], array.Length));
            }
            writer.WriteEnd();
        }
        return path;
    }
}
