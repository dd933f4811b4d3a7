using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Expectations.Tests.Support;

/// <summary>Builds Arrow arrays and batches from plain nullable values, the same values the tests' references read.</summary>
internal static class Arrays
{
    public static Int64Array Int64(IEnumerable<long?> values) => Build(new Int64Array.Builder(), values, (b, v) => b.Append(v), b => b.AppendNull()).Build();

    public static Int32Array Int32(IEnumerable<int?> values) => Build(new Int32Array.Builder(), values, (b, v) => b.Append(v), b => b.AppendNull()).Build();

    public static Int8Array Int8(IEnumerable<sbyte?> values) => Build(new Int8Array.Builder(), values, (b, v) => b.Append(v), b => b.AppendNull()).Build();

    public static UInt8Array UInt8(IEnumerable<byte?> values) => Build(new UInt8Array.Builder(), values, (b, v) => b.Append(v), b => b.AppendNull()).Build();

    public static UInt64Array UInt64(IEnumerable<ulong?> values) => Build(new UInt64Array.Builder(), values, (b, v) => b.Append(v), b => b.AppendNull()).Build();

    public static DoubleArray Double(IEnumerable<double?> values) => Build(new DoubleArray.Builder(), values, (b, v) => b.Append(v), b => b.AppendNull()).Build();

    public static FloatArray Float(IEnumerable<float?> values) => Build(new FloatArray.Builder(), values, (b, v) => b.Append(v), b => b.AppendNull()).Build();

    public static BooleanArray Boolean(IEnumerable<bool?> values) => Build(new BooleanArray.Builder(), values, (b, v) => b.Append(v), b => b.AppendNull()).Build();

    public static StringArray String(IEnumerable<string?> values)
    {
        var builder = new StringArray.Builder();
        foreach (var value in values)
        {
            if (value is null)
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(value);
            }
        }
        return builder.Build();
    }

    public static Date32Array Date32(IEnumerable<DateOnly?> values) => Build(new Date32Array.Builder(), values, (b, v) => b.Append(v), b => b.AppendNull()).Build();

    public static TimestampArray Timestamp(TimeUnit unit, IEnumerable<DateTimeOffset?> values, string? zone = null) =>
        Build(new TimestampArray.Builder(new TimestampType(unit, zone)), values, (b, v) => b.Append(v), b => b.AppendNull()).Build();

    /// <summary>A dictionary-encoded string column: distinct values in first-seen order, int32 indices, nulls in the indices.</summary>
    public static DictionaryArray DictionaryString(IReadOnlyList<string?> values)
    {
        var entries = values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var indices = Int32(values.Select(v => v is null ? (int?)null : entries.IndexOf(v)));
        return new DictionaryArray(new DictionaryType(Int32Type.Default, StringType.Default, false), indices, String(entries));
    }

    /// <summary>A dictionary-encoded int64 column.</summary>
    public static DictionaryArray DictionaryInt64(IReadOnlyList<long?> values)
    {
        var entries = values.OfType<long>().Distinct().ToList();
        var indices = Int32(values.Select(v => v is null ? (int?)null : entries.IndexOf(v.Value)));
        return new DictionaryArray(new DictionaryType(Int32Type.Default, Int64Type.Default, false), indices, Int64(entries.Select(e => (long?)e)));
    }

    /// <summary>
    /// The array built from <paramref name="padding"/> throwaway rows followed by the values, sliced to the values:
    /// its offset is <paramref name="padding"/>, so bitmaps and value buffers are read from a non-zero start.
    /// </summary>
    public static IArrowArray Sliced<T>(Func<IEnumerable<T>, IArrowArray> build, IReadOnlyList<T> values, int padding, T filler) =>
        ArrowArrayFactory.Slice(build([.. Enumerable.Repeat(filler, padding), .. values, filler, filler]), padding, values.Count);

    public static RecordBatch Batch(params (string Name, IArrowArray Array)[] columns)
    {
        var schema = new Schema([.. columns.Select(c => new Field(c.Name, c.Array.Data.DataType, nullable: true))], null);
        return new RecordBatch(schema, [.. columns.Select(c => c.Array)], columns.Length == 0 ? 0 : columns[0].Array.Length);
    }

    /// <summary>Splits a batch into consecutive batches of at most <paramref name="rows"/> rows (slices of its columns).</summary>
    public static IReadOnlyList<RecordBatch> Split(RecordBatch batch, int rows)
    {
        var batches = new List<RecordBatch>();
        for (var start = 0; start < batch.Length; start += rows)
        {
            var length = Math.Min(rows, batch.Length - start);
            batches.Add(new RecordBatch(batch.Schema, [.. Enumerable.Range(0, batch.ColumnCount).Select(i => ArrowArrayFactory.Slice(batch.Column(i), start, length))], length));
        }
        return batches;
    }

    private static TBuilder Build<TBuilder, T>(TBuilder builder, IEnumerable<T?> values, Action<TBuilder, T> append, Action<TBuilder> appendNull)
        where T : struct
    {
        foreach (var value in values)
        {
            if (value is { } v)
            {
                append(builder, v);
            }
            else
            {
                appendNull(builder);
            }
        }
        return builder;
    }
}
