using BenchmarkDotNet.Attributes;
using Dq.Expectations.Sketches;

namespace Dq.Benchmarks.Micro;

/// <summary>
/// The profiler's two streaming sketches over 1M uniform doubles: the KLL sketch one value at a time (baseline) and
/// through its span path, and the distinct-count sketch fed <see cref="SketchHash.Double"/> hashes (dense mode).
/// KLL's cost is mostly the sort of level 0 at each compaction (about 2,300 items per 1,150 values).
/// </summary>
[Config(typeof(MicroConfig))]
[BytesPerRow(8)]
public class SketchBenchmarks
{
    private double[] _values = null!;

    /// <summary>Values per operation.</summary>
    [Params(1_000_000)]
    public int Rows { get; set; }

    /// <summary>Builds the values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _values = new double[Rows];
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = random.NextDouble();
        }
    }

    /// <summary>KLL, <c>Update(double)</c> per value.</summary>
    [Benchmark(Baseline = true)]
    public long KllPerValue()
    {
        var sketch = new KllSketch();
        foreach (var value in _values)
        {
            sketch.Update(value);
        }
        return sketch.Count;
    }

    /// <summary>KLL, <c>Update(ReadOnlySpan&lt;double&gt;)</c> over the whole column.</summary>
    [Benchmark]
    public long KllSpan()
    {
        var sketch = new KllSketch();
        sketch.Update(_values);
        return sketch.Count;
    }

    /// <summary>HLL++ at p = 14, hashing each value.</summary>
    [Benchmark]
    public long HyperLogLogHashed()
    {
        var sketch = new HyperLogLogPlusPlus();
        foreach (var value in _values)
        {
            sketch.Add(SketchHash.Double(value));
        }
        return sketch.Estimate();
    }
}
