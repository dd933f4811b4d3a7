using Apache.Arrow;
using Apache.Arrow.Types;
using BenchmarkDotNet.Attributes;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Range;
using Dq.Expectations.Metrics;

namespace Dq.Benchmarks.Micro;

/// <summary>
/// The range kernel over 16M int64 values (128 MB, far beyond cache: memory bound), through the planner's kernel
/// and the executor's block loop. Scalar is the reference the vector variants are tested against.
/// </summary>
[Config(typeof(MicroConfig))]
[BytesPerRow(8)]
public class RangeInt64Benchmarks
{
    private Int64Array _values = null!;
    private ColumnKernel _scalar = null!, _vector128 = null!, _vector256 = null!;
    private MetricState _state = null!;

    /// <summary>Rows scanned per operation.</summary>
    [Params(16 * 1024 * 1024)]
    public int Rows { get; set; }

    /// <summary>Builds the column and the three kernel variants.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _values = ColumnData.Int64(Rows, nullRate: 0);
        var field = new Field("amount", Int64Type.Default, true);
        var bounds = new RangeBounds(0L, 1_000_000L, false, false);
        _scalar = RangeKernels.Create(field, bounds, KernelVariant.Scalar, 20);
        _vector128 = RangeKernels.Create(field, bounds, KernelVariant.Vector128, 20);
        _vector256 = RangeKernels.Create(field, bounds, KernelVariant.Vector256, 20);
        _state = _scalar.CreateState();
    }

    /// <summary>The scalar reference.</summary>
    [Benchmark(Baseline = true)]
    public long Scalar() => Blocks.Scan(_scalar, _values, _state);

    /// <summary>128-bit vectors.</summary>
    [Benchmark]
    public long Vector128() => Blocks.Scan(_vector128, _values, _state);

    /// <summary>256-bit vectors (AVX2).</summary>
    [Benchmark]
    public long Vector256() => Blocks.Scan(_vector256, _values, _state);
}

/// <summary>The range kernel over 16M doubles, as above.</summary>
[Config(typeof(MicroConfig))]
[BytesPerRow(8)]
public class RangeDoubleBenchmarks
{
    private DoubleArray _values = null!;
    private ColumnKernel _scalar = null!, _vector256 = null!;
    private MetricState _state = null!;

    /// <summary>Rows scanned per operation.</summary>
    [Params(16 * 1024 * 1024)]
    public int Rows { get; set; }

    /// <summary>Builds the column and the kernels.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _values = ColumnData.Double(Rows);
        var field = new Field("amount", DoubleType.Default, true);
        var bounds = new RangeBounds(0L, 1_000_000L, false, false);
        _scalar = RangeKernels.Create(field, bounds, KernelVariant.Scalar, 20);
        _vector256 = RangeKernels.Create(field, bounds, KernelVariant.Vector256, 20);
        _state = _scalar.CreateState();
    }

    /// <summary>The scalar reference.</summary>
    [Benchmark(Baseline = true)]
    public long Scalar() => Blocks.Scan(_scalar, _values, _state);

    /// <summary>256-bit vectors.</summary>
    [Benchmark]
    public long Vector256() => Blocks.Scan(_vector256, _values, _state);
}

/// <summary>Null counting over 16M rows with 0.5% nulls: the validity bitmap (2 MB) only.</summary>
[Config(typeof(MicroConfig))]
[BytesPerRow(1.0 / 8)]
public class NullCountBenchmarks
{
    private Int64Array _values = null!;
    private NullRowsKernel _kernel = null!;
    private MetricState _state = null!;

    /// <summary>Rows scanned per operation.</summary>
    [Params(16 * 1024 * 1024)]
    public int Rows { get; set; }

    /// <summary>Builds the column.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _values = ColumnData.Int64(Rows, nullRate: 0.005);
        _kernel = new NullRowsKernel(nullsAreUnexpected: true, 20);
        _state = _kernel.CreateState();
    }

    /// <summary>The scalar reference: IsNull per row.</summary>
    [Benchmark(Baseline = true)]
    public long Scalar()
    {
        long nulls = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            nulls += _values.IsNull(i) ? 1 : 0;
        }
        return nulls;
    }

    /// <summary>The kernel: 64 rows a word, popcount.</summary>
    [Benchmark]
    public long Kernel() => Blocks.Scan(_kernel, _values, _state);
}

/// <summary>The executor's block loop, for one kernel.</summary>
internal static class Blocks
{
    public static long Scan(ColumnKernel kernel, IArrowArray array, MetricState state)
    {
        for (var start = 0; start < array.Length; start += 16_384)
        {
            kernel.Accumulate(new ColumnBlock(array, start, Math.Min(16_384, array.Length - start), 0), state);
        }
        return ((UnexpectedRowsState)state).Count;
    }
}
