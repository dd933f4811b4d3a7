using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Types;
using BenchmarkDotNet.Attributes;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Kernels.Order;
using Dq.Expectations.Kernels.Summary;
using Dq.Expectations.Metrics;

namespace Dq.Benchmarks.Micro;

/// <summary>
/// Issue 22's per-type target: uniqueness, extremes (the summary kernel) and an order check on 2M rows of each Arrow
/// type dq reads, from the same raw values (order ids, 0.1 % repeated), against the int64 column (the baseline).
/// One worker, blocks of 16,384 rows from batches of 128K, as the executor feeds kernels. Target: every type within
/// 1.5× of int64.
/// </summary>
[Config(typeof(MicroConfig))]
public class TypedKernelBenchmarks
{
    private const int BatchRows = 1 << 17;
    private const int BlockRows = 16_384;
    private IArrowArray[] _batches = null!;
    private ColumnKernel _unique = null!;
    private ColumnKernel _summary = null!;
    private ColumnKernel _order = null!;

    /// <summary>The column type; int64 is the baseline the others are compared with.</summary>
    [Params("int64", "timestamp[us]", "timestamp[ns, UTC]", "date32", "decimal128(12, 2)", "decimal128(30, 4)", "bool", "binary", "fixed_size_binary(8)")]
    public string Type { get; set; } = "int64";

    /// <summary>Rows per operation.</summary>
    [Params(2_000_000)]
    public int Rows { get; set; }

    /// <summary>Builds the column from the order ids.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var ids = ColumnData.OrderIds(Rows, BatchRows);
        var type = TypeOf(Type);
        _batches = [.. ids.Select(batch => Convert(type, batch))];
        var field = new Field("x", type, nullable: false);
        _unique = DuplicateKernels.Create(field, 20);
        _summary = SummaryKernels.Create(field);
        _order = type is BinaryType or FixedSizeBinaryType and not Decimal128Type ? _unique : OrderKernel.Create(field, new OrderKey("x", false, false), 20);
    }

    /// <summary>expect_column_values_to_be_unique's kernel.</summary>
    [Benchmark]
    public long Unique() => Run(_unique);

    /// <summary>The summary kernel (count, min, max; sums for numbers) of min/max/mean checks.</summary>
    [Benchmark]
    public long Extremes() => Run(_summary);

    /// <summary>expect_column_values_to_be_increasing's kernel (binary has no order: it runs uniqueness again).</summary>
    [Benchmark]
    public long Increasing() => Run(_order);

    private long Run(ColumnKernel kernel)
    {
        var state = kernel.CreateStates(1)[0];
        for (var b = 0; b < _batches.Length; b++)
        {
            var batch = _batches[b];
            for (var start = 0; start < batch.Length; start += BlockRows)
            {
                kernel.Accumulate(new ColumnBlock(batch, start, Math.Min(BlockRows, batch.Length - start), (long)b * BatchRows), state);
            }
        }
        return state is IUnexpectedRowsSource rows ? rows.ToUnexpectedRows().Count : 0;
    }

    private static IArrowType TypeOf(string name) => name switch
    {
        "int64" => Int64Type.Default,
        "timestamp[us]" => new TimestampType(TimeUnit.Microsecond, (string?)null),
        "timestamp[ns, UTC]" => new TimestampType(TimeUnit.Nanosecond, "UTC"),
        "date32" => Date32Type.Default,
        "decimal128(12, 2)" => new Decimal128Type(12, 2),
        "decimal128(30, 4)" => new Decimal128Type(30, 4),
        "bool" => BooleanType.Default,
        "binary" => BinaryType.Default,
        _ => new FixedSizeBinaryType(8),
    };

    /// <summary>The same raw values stored as <paramref name="type"/> (wide decimals scaled by 10^20 to need 128 bits).</summary>
    private static IArrowArray Convert(IArrowType type, Int64Array ids)
    {
        var values = ids.Values;
        ArrowBuffer[] buffers = type switch
        {
            Int64Type or TimestampType => [ArrowBuffer.Empty, ids.ValueBuffer],
            Date32Type => [ArrowBuffer.Empty, new ArrowBuffer.Builder<int>().AppendRange(values.ToArray().Select(v => (int)v)).Build()],
            Decimal128Type d => [ArrowBuffer.Empty, Decimals(values, d.Precision > 18)],
            BooleanType => [ArrowBuffer.Empty, Bits(values)],
            BinaryType => [ArrowBuffer.Empty, new ArrowBuffer.Builder<int>().AppendRange(Enumerable.Range(0, values.Length + 1).Select(i => i * 8)).Build(), BigEndian(values)],
            _ => [ArrowBuffer.Empty, BigEndian(values)],
        };
        return ArrowArrayFactory.BuildArray(new ArrayData(type, ids.Length, 0, 0, buffers));
    }

    private static ArrowBuffer Decimals(ReadOnlySpan<long> values, bool wide)
    {
        var bytes = new byte[values.Length * 16];
        var scale = wide ? Int128.Parse("100000000000000000000", System.Globalization.CultureInfo.InvariantCulture) : 1;
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt128LittleEndian(bytes.AsSpan(i * 16), values[i] * scale);
        }
        return new ArrowBuffer(bytes);
    }

    private static ArrowBuffer Bits(ReadOnlySpan<long> values)
    {
        var bits = new ArrowBuffer.BitmapBuilder(values.Length);
        foreach (var value in values)
        {
            bits.Append((value & 1) == 1);
        }
        return bits.Build();
    }

    private static ArrowBuffer BigEndian(ReadOnlySpan<long> values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(i * 8), values[i]);
        }
        return new ArrowBuffer(bytes);
    }
}
