using Apache.Arrow;
using Apache.Arrow.Types;
using BenchmarkDotNet.Attributes;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Kernels.Sets;
using Dq.Expectations.Metrics;

namespace Dq.Benchmarks.Micro;

/// <summary>
/// Uniqueness of 10M int64 order ids (0.1% repeated): the Dictionary-based state the engine used first (baseline, fed
/// by a plain loop over the values) vs the shared partitioned integer table it uses now, fed through the kernel as the
/// executor does (blocks of 16,384 rows from batches of 128K) by one worker and by two worker threads.
/// </summary>
[Config(typeof(MicroConfig))]
[BytesPerRow(8)]
public class DuplicateInt64Benchmarks
{
    private const int BatchRows = 1 << 17;
    private const int BlockRows = 16_384;
    private long[] _values = null!;
    private Int64Array[] _batches = null!;
    private ColumnKernel _kernel = null!;

    /// <summary>Rows grouped per operation.</summary>
    [Params(10_000_000)]
    public int Rows { get; set; }

    /// <summary>Builds the ids.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _batches = ColumnData.OrderIds(Rows, BatchRows);
        _values = [.. _batches.SelectMany(b => b.Values.ToArray())];
        _kernel = DuplicateKernels.Create(new Field("id", Int64Type.Default, false), 20);
    }

    /// <summary>Dictionary&lt;long, Group&gt; (the first engine).</summary>
    [Benchmark(Baseline = true)]
    public long Dictionary()
    {
        var state = new DuplicateState<long>(null, static v => v, 20);
        for (var i = 0; i < _values.Length; i++)
        {
            state.Add(_values[i], i);
        }
        return state.ToUnexpectedRows().Count;
    }

    /// <summary>The partitioned integer table, one worker.</summary>
    [Benchmark]
    public long PartitionedOneWorker() => Run(1);

    /// <summary>The partitioned integer table shared by two worker threads, which take batches in turn.</summary>
    [Benchmark]
    public long PartitionedTwoWorkers() => Run(2);

    private long Run(int workers)
    {
        var states = _kernel.CreateStates(workers);
        var next = -1;
        var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < _batches.Length)
            {
                var batch = _batches[b];
                for (var start = 0; start < batch.Length; start += BlockRows)
                {
                    _kernel.Accumulate(new ColumnBlock(batch, start, Math.Min(BlockRows, batch.Length - start), (long)b * BatchRows), states[w]);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        foreach (var state in states.Skip(1))
        {
            states[0].Merge(state);
        }
        return ((IUnexpectedRowsSource)states[0]).ToUnexpectedRows().Count;
    }
}

/// <summary>
/// Membership of 3-letter codes in the 3,376-code airport set (as in the flights suite): HashSet&lt;byte[]&gt; with
/// the UTF-8 comparer (before, baseline) vs the packed short-string set (now).
/// </summary>
[Config(typeof(MicroConfig))]
[BytesPerRow(3 + 4)]
public class ShortTextSetBenchmarks
{
    private StringArray _values = null!;
    private HashSet<byte[]>.AlternateLookup<ReadOnlySpan<byte>> _hash;
    private ShortTextSet _short = null!;

    /// <summary>Rows probed per operation.</summary>
    [Params(1024 * 1024)]
    public int Rows { get; set; }

    /// <summary>Builds 3,376 codes and a column drawn from them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(6);
        var codes = Enumerable.Range(0, 3376).Select(i => $"{(char)('A' + i % 26)}{(char)('A' + i / 26 % 26)}{(char)('0' + i / 676)}").ToArray();
        var members = codes.Select(System.Text.Encoding.UTF8.GetBytes).ToList();
        _hash = new HashSet<byte[]>(members, Utf8Comparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();
        _short = ShortTextSet.TryCreate(members)!;
        _values = ColumnData.Strings(Rows, r => codes[r.Next(300)]);
    }

    /// <summary>HashSet of byte arrays.</summary>
    [Benchmark(Baseline = true)]
    public long HashSet()
    {
        long found = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            found += _hash.Contains(_values.GetBytes(i)) ? 1 : 0;
        }
        return found;
    }

    /// <summary>Packed short strings.</summary>
    [Benchmark]
    public long Packed()
    {
        long found = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            found += _short.Contains(_values.GetBytes(i)) ? 1 : 0;
        }
        return found;
    }
}
