using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// <see cref="DuplicateState{TKey}"/> for integer-like columns (integers, dates), keyed by the value as a 64-bit
/// integer in an <see cref="IntegerGroupTable"/>: the same groups, repeats, merge and results, in far less memory.
/// </summary>
/// <remarks>
/// The states of one run (<see cref="Shared"/>) share one table, which their workers fill concurrently, partition
/// by partition; what each keeps alone is its repeat rows and its scratch. Merging states that share a table merges
/// only their repeats; merging states over different tables absorbs the smaller table into the larger.
/// </remarks>
internal sealed class IntegerDuplicateState : MetricState, IUnexpectedRowsSource, IValueCountsSource
{
    private readonly Func<long, object?> _toValue;
    private readonly int _sampleLimit;
    private readonly bool _trackRows;
    private readonly bool _unsignedKeys;
    private readonly SmallestRows _repeats;
    private readonly int _firstPartition;
    private IntegerGroupTable _table;

    // Scratch for one block, one per thread rather than per state: a worker fills one state at a time, and a
    // suite with many integer columns would otherwise hold a block's worth of buffers for each of them.
    [ThreadStatic]
    private static BlockScratch? s_threadScratch;

    /// <param name="toValue">The value of a key as GX reports it (a long, a ulong, a date).</param>
    /// <param name="sampleLimit">How many duplicated rows to keep with their values.</param>
    /// <param name="trackRows">False for value counts: no repeat rows are kept.</param>
    /// <param name="unsignedKeys">Whether keys order as unsigned 64-bit numbers (uint64 columns keep their bit pattern).</param>
    public IntegerDuplicateState(Func<long, object?> toValue, int sampleLimit, bool trackRows, bool unsignedKeys = false)
        : this(new IntegerGroupTable(), 0, toValue, sampleLimit, trackRows, unsignedKeys)
    {
    }

    private IntegerDuplicateState(IntegerGroupTable table, int firstPartition, Func<long, object?> toValue, int sampleLimit, bool trackRows, bool unsignedKeys)
    {
        _unsignedKeys = unsignedKeys;
        _table = table;
        _firstPartition = firstPartition;
        _toValue = toValue;
        _sampleLimit = sampleLimit;
        _trackRows = trackRows;
        _repeats = new SmallestRows(trackRows ? sampleLimit : 0);
    }

    /// <summary>The states of one run: one per worker, all over one table.</summary>
    /// <param name="workers">How many states.</param>
    /// <param name="toValue">The value of a key as GX reports it.</param>
    /// <param name="sampleLimit">How many duplicated rows to keep with their values.</param>
    /// <param name="trackRows">False for value counts: no repeat rows are kept.</param>
    /// <param name="unsignedKeys">Whether keys order as unsigned 64-bit numbers.</param>
    /// <param name="expectedKeys">The most distinct keys expected, if known (see <see cref="IntegerGroupTable(long)"/>); 0 if not.</param>
    public static IntegerDuplicateState[] Shared(int workers, Func<long, object?> toValue, int sampleLimit, bool trackRows, bool unsignedKeys = false, long expectedKeys = 0)
    {
        var table = new IntegerGroupTable(expectedKeys);
        // Each worker starts its sweep over the partitions at a different one, so workers seldom meet at a lock.
        return [.. Enumerable.Range(0, workers).Select(w => new IntegerDuplicateState(table, w * IntegerGroupTable.PartitionCount / workers, toValue, sampleLimit, trackRows, unsignedKeys))];
    }

    /// <inheritdoc cref="IValueCountsSource.Counts"/>
    public IEnumerable<(object? Value, long Count)> Counts => _table.Root.Groups().Select(g => (_toValue(g.Key), g.Count));

    /// <inheritdoc cref="IValueCountsSource.DistinctCount"/>
    public long DistinctCount => _table.Root.Count;

    /// <summary>
    /// The distinct values with their counts in value order, sorted on the 64-bit keys: two arrays of longs instead of
    /// millions of boxed values sorted through a general comparer. Values are boxed only as they are read.
    /// </summary>
    public IReadOnlyList<(object Value, long Count)> SortedCounts()
    {
        var table = _table.Root;
        var keys = new long[table.Count];
        var counts = new long[keys.Length];
        var n = 0;
        // Flipping the sign bit makes signed order of the flipped keys the unsigned order of the keys.
        var flip = _unsignedKeys ? long.MinValue : 0L;
        foreach (var (key, count, _) in table.Groups())
        {
            keys[n] = key ^ flip;
            counts[n++] = count;
        }
        Array.Sort(keys, counts);
        if (flip != 0)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] ^= flip;
            }
        }
        return new SortedIntegerCounts(keys, counts, _toValue);
    }

    private sealed class SortedIntegerCounts(long[] keys, long[] counts, Func<long, object?> toValue) : IReadOnlyList<(object Value, long Count)>
    {
        public int Count => keys.Length;

        public (object Value, long Count) this[int index] => (toValue(keys[index])!, counts[index]);

        public IEnumerator<(object Value, long Count)> GetEnumerator()
        {
            for (var i = 0; i < keys.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <inheritdoc cref="IValueCountsSource.ValueTotal"/>
    public long ValueTotal => _table.Root.Groups().Sum(g => g.Count);

    /// <summary>Counts one value at a table row.</summary>
    public void Add(long key, long rowIndex)
    {
        var repeat = _table.Root.Add(key, rowIndex);
        if (repeat >= 0 && _trackRows)
        {
            _repeats.Add(repeat, key);
        }
    }

    /// <summary>
    /// Buffers for a block of up to <paramref name="length"/> values: the caller writes each value's key and its
    /// array row, then calls <see cref="AddBlock"/> on the same thread.
    /// </summary>
    public static (long[] Keys, int[] Rows) BlockBuffers(int length)
    {
        var scratch = s_threadScratch ??= new BlockScratch();
        scratch.Reserve(length);
        return (scratch.Keys, scratch.Rows);
    }

    /// <summary>
    /// Counts the first <paramref name="count"/> values of <see cref="BlockBuffers"/>: sorts them by partition, then
    /// inserts each partition's run under its lock. A partition another worker holds is skipped and done after the
    /// others, so a worker waits only when nothing else is left.
    /// </summary>
    /// <param name="count">How many values the buffers hold.</param>
    /// <param name="firstRowIndex">The table row of array row 0.</param>
    public void AddBlock(int count, long firstRowIndex)
    {
        var scratch = s_threadScratch!;
        var (keys, rows, partitions, sorted, starts) = (scratch.Keys, scratch.Rows, scratch.Partitions, scratch.Sorted, scratch.Starts);
        Array.Clear(starts);
        for (var i = 0; i < count; i++)
        {
            var p = IntegerGroupTable.PartitionOf(IntegerGroupTable.Hash(keys[i]));
            partitions[i] = (ushort)p;
            starts[p + 1]++;
        }
        for (var p = 0; p < IntegerGroupTable.PartitionCount; p++)
        {
            starts[p + 1] += starts[p];
        }
        // Scatter with starts[p] as the cursor of partition p: afterwards starts[p] is where p's run ends.
        for (var i = 0; i < count; i++)
        {
            sorted[starts[partitions[i]]++] = (keys[i], rows[i]);
        }

        var table = _table.Root;
        var busy = 0;
        for (var k = 0; k < IntegerGroupTable.PartitionCount; k++)
        {
            var p = (_firstPartition + k) & (IntegerGroupTable.PartitionCount - 1);
            if (End(p) == Start(p))
            {
                continue;
            }
            var partition = table.Partitions[p];
            if (!partition.Gate.TryEnter())
            {
                scratch.Busy[busy++] = p;
                continue;
            }
            try
            {
                Insert(partition, sorted, Start(p), End(p), firstRowIndex);
            }
            finally
            {
                partition.Gate.Exit();
            }
        }
        for (var k = 0; k < busy; k++)
        {
            var p = scratch.Busy[k];
            var partition = table.Partitions[p];
            lock (partition.Gate)
            {
                Insert(partition, sorted, Start(p), End(p), firstRowIndex);
            }
        }

        int Start(int p) => p == 0 ? 0 : starts[p - 1];
        int End(int p) => starts[p];
    }

    private void Insert(IntegerGroupPartition partition, (long Key, int Row)[] sorted, int start, int end, long firstRowIndex)
    {
        // Loads the slots eight keys ahead so that their cache misses overlap: it cut the fill of 10M random ids by
        // about a third on the benchmark machine; sixteen was no better.
        const int Ahead = 8;
        for (var i = start; i < end; i++)
        {
            if (i + Ahead < end)
            {
                partition.Prefetch(IntegerGroupTable.Hash(sorted[i + Ahead].Key) << IntegerGroupTable.PartitionBits);
            }
            var (key, row) = sorted[i];
            var repeat = partition.Add(key, IntegerGroupTable.Hash(key) << IntegerGroupTable.PartitionBits, firstRowIndex + row, 1);
            if (repeat >= 0 && _trackRows)
            {
                _repeats.Add(repeat, key);
            }
        }
    }

    public override void Merge(MetricState other)
    {
        var that = (IntegerDuplicateState)other;
        var (mine, theirs) = (_table.Root, that._table.Root);
        if (mine != theirs)
        {
            // Absorb the smaller table into the larger: the result is symmetric, so which one absorbs is free.
            if (theirs.Count > mine.Count)
            {
                (mine, theirs) = (theirs, mine);
            }
            mine.Absorb(theirs, _trackRows ? _repeats : null);
        }
        _table = mine;
        _repeats.AddRange(that._repeats);
    }

    /// <summary>Every member of every group that occurs twice or more, as <see cref="DuplicateState{TKey}"/> reports them.</summary>
    public UnexpectedRowsState ToUnexpectedRows()
    {
        var result = new UnexpectedRowsState(_sampleLimit);
        // The first row of a repeated group is unexpected too; the sample takes the smallest of those and the repeats.
        var rows = new SmallestRows(_sampleLimit);
        rows.AddRange(_repeats);
        long members = 0;
        foreach (var partition in _table.Root.Partitions)
        {
            partition.AddRepeated(rows, ref members);
        }
        result.Count = members;
        foreach (var (row, key) in rows.Sorted())
        {
            result.Sample.Add(row, _toValue(key));
        }
        return result;
    }

    /// <summary>A block's keys and rows, as written and then sorted by partition.</summary>
    private sealed class BlockScratch
    {
        public long[] Keys { get; private set; } = [];

        public int[] Rows { get; private set; } = [];

        public ushort[] Partitions { get; private set; } = [];

        public (long Key, int Row)[] Sorted { get; private set; } = [];

        /// <summary>Where each partition's run starts (then, after the scatter, ends).</summary>
        public int[] Starts { get; } = new int[IntegerGroupTable.PartitionCount + 1];

        /// <summary>Partitions skipped because another worker held them.</summary>
        public int[] Busy { get; } = new int[IntegerGroupTable.PartitionCount];

        public void Reserve(int length)
        {
            if (Keys.Length < length)
            {
                (Keys, Rows, Partitions, Sorted) = (new long[length], new int[length], new ushort[length], new (long, int)[length]);
            }
        }
    }
}
