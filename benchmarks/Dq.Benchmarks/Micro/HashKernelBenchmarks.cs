using Apache.Arrow;
using Apache.Arrow.Types;
using BenchmarkDotNet.Attributes;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Kernels.Sets;
using Dq.Expectations.Metrics;

namespace Dq.Benchmarks.Micro;

/// <summary>
/// Uniqueness of 10M int64 order ids (0.1% repeated): the Dictionary-based state the engine used before (baseline)
/// vs the compact open-addressing table it uses now, both fed by a plain loop over the values.
/// </summary>
[Config(typeof(MicroConfig))]
[BytesPerRow(8)]
public class DuplicateInt64Benchmarks
{
    private long[] _values = null!;

    /// <summary>Rows grouped per operation.</summary>
    [Params(10_000_000)]
    public int Rows { get; set; }

    /// <summary>Builds the ids.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _values = [.. Enumerable.Range(0, Rows).Select(i => random.NextDouble() < 0.001 && i > 0 ? random.Next(1, i + 1) : i + 1L)];
    }

    /// <summary>Dictionary&lt;long, Group&gt; (the previous engine).</summary>
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

    /// <summary>The open-addressing integer table.</summary>
    [Benchmark]
    public long OpenAddressing()
    {
        var state = new IntegerDuplicateState(static k => k, 20, trackRows: true);
        for (var i = 0; i < _values.Length; i++)
        {
            state.Add(_values[i], i);
        }
        return state.ToUnexpectedRows().Count;
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
