using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.ModelQuality;

/// <summary>
/// Runs another kernel over a random subsample of the rows: each row is in the subsample with probability
/// <c>fraction</c>, decided by a hash of its table-wide row number and the replicate's number, as Spark's
/// <c>sample(withReplacement = false, fraction)</c> draws (one Bernoulli trial a row).
/// </summary>
/// <remarks>
/// The draw depends only on the row number, the replicate and the seed, so the subsample is the same whatever the
/// thread count, the batch sizes or the order workers see batches in, and a rerun gives the same result. The inner
/// kernel sees an ordinary block whose selection is the row condition's and the subsample's together.
/// </remarks>
internal sealed class SubsampleKernel(ColumnKernel inner, int replicate, double fraction, ulong seed) : ColumnKernel
{
    [ThreadStatic]
    private static ulong[]? s_selection;

    /// <summary>Rows whose 53-bit hash is below this are in the subsample.</summary>
    private readonly ulong _cutoff = (ulong)(fraction * (1UL << 53));

    private readonly ulong _stream = Mix(seed ^ ((ulong)(replicate + 1) * 0x9E3779B97F4A7C15UL));

    public override MetricState CreateState() => inner.CreateState();

    public override MetricState[] CreateStates(int workers, long expectedRows = 0) => inner.CreateStates(workers, expectedRows);

    public override void Accumulate(in ColumnBlock block, MetricState state)
    {
        var words = (block.Start + block.Length + 63) >> 6;
        var selection = s_selection is { } cached && cached.Length >= words ? cached : s_selection = new ulong[Math.Max(words, 256)];
        var end = block.Start + block.Length;
        for (var word = block.Start; word < end; word += 64)
        {
            var count = Math.Min(64, end - word);
            var chosen = 0UL;
            var first = (ulong)(block.FirstRowIndex + word);
            for (var bit = 0; bit < count; bit++)
            {
                if (Mix(_stream + first + (ulong)bit) >> 11 < _cutoff)
                {
                    chosen |= 1UL << bit;
                }
            }
            selection[word >> 6] = chosen & block.Selected(word, count);
        }
        inner.Accumulate(new ColumnBlock(block.Arrays, block.Start, block.Length, block.FirstRowIndex, selection), state);
    }

    /// <summary>SplitMix64's finalizer: a bijective mix whose outputs for consecutive inputs look independent.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
