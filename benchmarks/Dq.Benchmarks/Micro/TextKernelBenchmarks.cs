using Apache.Arrow;
using Apache.Arrow.Types;
using BenchmarkDotNet.Attributes;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Sets;
using Dq.Expectations.Kernels.Strftime;
using Dq.Expectations.Metrics;

namespace Dq.Benchmarks.Micro;

/// <summary>
/// Set membership of a text column against the 4 order statuses. The scalar reference decodes each value to a
/// string and probes a HashSet&lt;string&gt;; the kernel probes UTF-8 bytes.
/// </summary>
[Config(typeof(MicroConfig))]
[BytesPerRow(7.5 + 4)]
public class TextSetBenchmarks
{
    private static readonly string[] s_members = ["placed", "shipped", "delivered", "cancelled"];
    private StringArray _values = null!;
    private HashSet<string> _set = null!;
    private ColumnKernel _kernel = null!;
    private MetricState _state = null!;

    /// <summary>Rows scanned per operation.</summary>
    [Params(1024 * 1024)]
    public int Rows { get; set; }

    /// <summary>Builds the column and the kernel.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _values = ColumnData.Strings(Rows, ColumnData.Status);
        _set = [.. s_members];
        _kernel = SetKernels.Create(new Field("status", StringType.Default, true), new ValueSet(s_members), mustBeInSet: true, 20);
        _state = _kernel.CreateState();
    }

    /// <summary>The scalar reference: a string per value.</summary>
    [Benchmark(Baseline = true)]
    public long Scalar()
    {
        long outside = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            outside += _values.GetString(i) is { } s && !_set.Contains(s) ? 1 : 0;
        }
        return outside;
    }

    /// <summary>The kernel.</summary>
    [Benchmark]
    public long Kernel() => Blocks.Scan(_kernel, _values, _state);
}

/// <summary>
/// `%Y-%m-%d` over 1M date strings. The scalar reference is the general strptime matcher without the fixed-layout
/// shortcut; the kernel runs the shortcut.
/// </summary>
[Config(typeof(MicroConfig))]
[BytesPerRow(10 + 4)]
public class StrftimeBenchmarks
{
    private StringArray _values = null!;
    private StrftimeFormat _format = null!;
    private ColumnKernel _kernel = null!;
    private MetricState _state = null!;

    /// <summary>Rows scanned per operation.</summary>
    [Params(1024 * 1024)]
    public int Rows { get; set; }

    /// <summary>Builds the column and the kernel.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _values = ColumnData.Strings(Rows, ColumnData.Date);
        StrftimeFormat.TryCompile("%Y-%m-%d", out var format, out _);
        _format = format!;
        _kernel = StrftimeKernel.Create(new Field("order_date", StringType.Default, true), "%Y-%m-%d", 20);
        _state = _kernel.CreateState();
    }

    /// <summary>The general matcher, row by row.</summary>
    [Benchmark(Baseline = true)]
    public long Scalar()
    {
        long mismatches = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            mismatches += _format.IsMatchWithoutShortcut(_values.GetBytes(i)) ? 0 : 1;
        }
        return mismatches;
    }

    /// <summary>The kernel (fixed-layout shortcut).</summary>
    [Benchmark]
    public long Kernel() => Blocks.Scan(_kernel, _values, _state);
}
