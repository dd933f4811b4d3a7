namespace Dq.Expectations.Sketches;

/// <summary>
/// A KLL quantile sketch (Karnin, Lang and Liberty 2016) that behaves exactly like Deequ's <c>QuantileNonSample</c>, the
/// sketch behind SageMaker Model Monitor's <c>distribution.kll</c> in statistics.json, so its levels round-trip with it.
/// </summary>
/// <remarks>
/// <para>
/// Level h holds items of weight 2^h, level 0 first. Level h has capacity <c>2·(⌈k·c^h/2⌉+1)</c>, with h counted from
/// the bottom as Deequ does (2050, 1314, 842, … for the defaults; never below 4). New values go to level 0; when the
/// sketch holds more items than the sum of its levels' capacities, the lowest level at or over its capacity is
/// compacted: the largest even prefix of its buffer is sorted and every other item moves up a level (the odd last item
/// stays). The starting offset alternates per level (0, 1, 1, 0, 0, 1, 1, 0, …) instead of being random, so the same
/// input in the same order always gives the same levels.
/// </para>
/// <para>
/// It is exact while it holds at most <c>capacity(0)</c> values (2050 with k = 2048). For 100,000 values the measured rank
/// error stays below 0.1% of n (the tests allow 0.25%); Deequ documents no bound.
/// </para>
/// <para>Not thread-safe: one writer at a time; merge per-thread sketches instead.</para>
/// </remarks>
public sealed partial class KllSketch
{
    /// <summary>Deequ's <c>DEFAULT_SKETCH_SIZE</c>.</summary>
    public const int DefaultK = 2048;

    /// <summary>Deequ's <c>DEFAULT_SHRINKING_FACTOR</c>.</summary>
    public const double DefaultC = 0.64;

    /// <summary>The largest sketch size accepted, which keeps every capacity within an <see cref="int"/>.</summary>
    public const int MaxK = 1 << 28;

    private readonly List<KllCompactor> _levels = [];
    private readonly List<int> _capacities = [];
    private long _itemCount;     // items held over all levels (Deequ's compactorActualSize)
    private long _capacityTotal; // sum of the capacities of the existing levels (Deequ's compactorTotalSize)
    private long _count;

    /// <summary>Creates an empty sketch.</summary>
    /// <param name="k">The sketch size: level 0's capacity is about k.</param>
    /// <param name="c">The shrinking factor of the capacities per level up, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not in [1, <see cref="MaxK"/>], or <paramref name="c"/> is not in (0, 1].</exception>
    public KllSketch(int k = DefaultK, double c = DefaultC)
    {
        Validate(k, c);
        K = k;
        C = c;
        AddLevel(new KllCompactor(Capacity(0) + 1));
    }

    /// <summary>A sketch over existing levels (already validated), level 0 first.</summary>
    private KllSketch(int k, double c, IEnumerable<KllCompactor> levels)
    {
        K = k;
        C = c;
        foreach (var level in levels)
        {
            AddLevel(level);
            _itemCount += level.Length;
        }
    }

    /// <summary>The sketch size k (statistics.json <c>parameters.k</c>).</summary>
    public int K { get; }

    /// <summary>The shrinking factor c (statistics.json <c>parameters.c</c>).</summary>
    public double C { get; }

    /// <summary>The total weight: how many values the sketch summarises.</summary>
    public long Count => _count;

    /// <summary>Adds a value.</summary>
    /// <remarks>NaN is ignored (Deequ would keep it and sort it last): the caller counts missing values itself.
    /// Amortised, this does not allocate.</remarks>
    /// <param name="value">The value; infinities are kept.</param>
    public void Update(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }
        _levels[0].Add(value);
        _itemCount++;
        _count++;
        if (_itemCount > _capacityTotal)
        {
            Condense();
        }
    }

    /// <summary>Adds values, with the same result as adding them one by one in order, but faster.</summary>
    /// <remarks>NaNs are ignored, as in <see cref="Update(double)"/>.</remarks>
    /// <param name="values">The values.</param>
    public void Update(ReadOnlySpan<double> values)
    {
        while (!values.IsEmpty)
        {
            // One value at a time, a condense follows the value that takes the item count past the capacity total, and
            // it always brings the count back to at most the total. So values may be appended in runs up to that one.
            var room = Math.Max(1, _capacityTotal - _itemCount + 1);
            var run = values[..(int)Math.Min(room, values.Length)];
            var added = _levels[0].AddNonNaN(run);
            _itemCount += added;
            _count += added;
            if (_itemCount > _capacityTotal)
            {
                Condense();
            }
            values = values[run.Length..];
        }
    }

    /// <summary>
    /// Adds another sketch's values to this one, as Deequ's <c>merge</c> does: the other's levels are appended to this
    /// one's, level by level, and the result is condensed until it holds fewer items than its total capacity.
    /// </summary>
    /// <remarks>The other sketch is not changed. The result depends on the order of merges, as Deequ's does.</remarks>
    /// <param name="other">A sketch with the same k and c.</param>
    /// <exception cref="ArgumentException">The sketches have different k or c.</exception>
    public void Merge(KllSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.K != K || other.C != C)
        {
            throw new ArgumentException(
                $"Cannot merge a KLL sketch with k = {other.K}, c = {other.C} into one with k = {K}, c = {C}: " +
                "their level capacities differ. Build both sketches with the same parameters.", nameof(other));
        }
        if (ReferenceEquals(other, this))
        {
            other = Clone();
        }
        while (_levels.Count < other._levels.Count)
        {
            AddLevel(new KllCompactor());
        }
        for (var h = 0; h < other._levels.Count; h++)
        {
            _levels[h].AddRange(other._levels[h].Items);
        }
        _itemCount += other._itemCount;
        _count += other._count;
        while (_itemCount >= _capacityTotal)
        {
            Condense();
        }
    }

    /// <summary>A deep copy, including each level's compaction state, so both copies go on identically.</summary>
    /// <returns>The copy.</returns>
    public KllSketch Clone()
    {
        return new KllSketch(K, C, _levels.Select(level => level.Clone())) { _count = _count };
    }

    /// <summary>Compacts the lowest level at or over its capacity (adding a level on top first if it is the top one).</summary>
    private void Condense()
    {
        for (var h = 0; h < _levels.Count; h++)
        {
            var level = _levels[h];
            if (level.Length >= _capacities[h])
            {
                if (h + 1 >= _levels.Count)
                {
                    AddLevel(new KllCompactor());
                }
                var before = level.Length + _levels[h + 1].Length;
                level.CompactInto(_levels[h + 1]);
                _itemCount -= before - level.Length - _levels[h + 1].Length;
                return;
            }
        }
    }

    private void AddLevel(KllCompactor level)
    {
        var capacity = Capacity(_levels.Count);
        _levels.Add(level);
        _capacities.Add(capacity);
        _capacityTotal += capacity;
    }

    /// <summary>Deequ's <c>capacity(height)</c>: <c>2·(⌈k·c^h/2⌉+1)</c>.</summary>
    private int Capacity(int height) => 2 * ((int)Math.Ceiling(K * Math.Pow(C, height) / 2) + 1);

    private static void Validate(int k, double c)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, MaxK);
        if (!(c > 0 && c <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "The shrinking factor c must be in (0, 1]; Deequ's default is 0.64.");
        }
    }
}
