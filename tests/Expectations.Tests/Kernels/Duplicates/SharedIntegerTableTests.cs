using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Metrics;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Duplicates;

/// <summary>
/// The integer duplicate kernel's shared, partitioned table filled by several real threads at once, batches taken in
/// random order, against a naive Dictionary of rows per value: the same unexpected count, sample, COMPLETE list and
/// value counts, also when the batches are split between two runs whose states are all merged in random order, and
/// for rows at and past 2^31 (which a slot's 32-bit tag cannot hold).
/// </summary>
public sealed class SharedIntegerTableTests
{
    private static readonly int[] s_limits = [0, 1, 5, 20, int.MaxValue];

    /// <summary>A column (null: missing), its first table row, its batch sizes and how to run it.</summary>
    public sealed record Case(long?[] Values, long FirstRow, int[] BatchRows, int Workers, int Limit, int BlockWords, int Seed)
    {
        public override string ToString() =>
            $"first row {FirstRow}, batches [{string.Join(", ", BatchRows)}], {Workers} workers, limit {Limit}, blocks of {BlockWords * 64}, seed {Seed}: [{string.Join(", ", Values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"))}]";
    }

    [Property(MaxTest = 200)]
    public Property SharedState_ConcurrentWorkersRandomBatchOrder_MatchesDictionaryReference() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var expected = Expected(c);
            var (duplicates, counts) = Kernels(c.Limit);
            var batches = Batches(c);
            var run = Fill(duplicates, batches, c.Workers, c.BlockWords, new Random(c.Seed));
            var countsRun = Fill(counts, batches, c.Workers, c.BlockWords, new Random(c.Seed + 1));
            return Agrees(MergeInto(run, new Random(c.Seed)), expected, c.Limit) && SameCounts(MergeInto(countsRun, new Random(c.Seed)), expected.Counts);
        });

    [Property(MaxTest = 100)]
    public Property StatesOfTwoRuns_MergedInRandomOrder_MatchDictionaryReference() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var expected = Expected(c);
            var random = new Random(c.Seed);
            var (duplicates, _) = Kernels(c.Limit);
            var batches = Batches(c);
            // Each batch goes to one of two runs; then every state of both runs merges in a random pairing order.
            var inFirst = batches.Select(_ => random.Next(2) == 0).ToArray();
            var states = Fill(duplicates, [.. batches.Where((_, i) => inFirst[i])], c.Workers, c.BlockWords, random)
                .Concat(Fill(duplicates, [.. batches.Where((_, i) => !inFirst[i])], 2, c.BlockWords, random))
                .ToList();
            while (states.Count > 1)
            {
                var (a, b) = (random.Next(states.Count), random.Next(states.Count - 1));
                b += b >= a ? 1 : 0;
                states[a].Merge(states[b]);
                states.RemoveAt(b);
            }
            return Agrees(states[0], expected, c.Limit) && SameCounts(states[0], expected.Counts);
        });

    [Fact]
    public void SharedState_FourWorkersOverManyRows_MatchesDictionaryReference()
    {
        // Enough rows that every partition grows several times while four threads insert into it.
        var random = new Random(17);
        var values = Enumerable.Range(0, 300_000).Select(i => (long?)(random.Next(10) == 0 ? random.Next(50_000) : i * 7919L)).ToArray();
        var c = new Case(values, (1L << 31) - 100_000, [.. Enumerable.Repeat(4096, 300_000 / 4096 + 1)], 4, int.MaxValue, 16, 3);
        var (duplicates, counts) = Kernels(c.Limit);
        var expected = Expected(c);

        Assert.True(Agrees(MergeInto(Fill(duplicates, Batches(c), 4, 16, random), random), expected, c.Limit));
        Assert.True(SameCounts(MergeInto(Fill(counts, Batches(c), 4, 16, random), random), expected.Counts));
    }

    [Fact]
    public void IntegerGroupTable_RowsPastTagRangeAndHugeCounts_KeptExactly()
    {
        var table = new IntegerGroupTable();
        Assert.Equal(-1, table.Add(1, (1L << 31) - 2));  // the largest row a tag holds
        Assert.Equal(-1, table.Add(2, (1L << 31) - 1));  // the first that needs a group
        Assert.Equal(-1, table.Add(3, 1L << 40, 5));
        Assert.Equal((1L << 31) - 1, table.Add(2, 7));
        Assert.Equal(1L << 41, table.Add(3, 1L << 41, 1L << 33));
        Assert.Equal(
            [(1L, 1L, (1L << 31) - 2), (2L, 2L, 7L), (3L, (1L << 33) + 5, 1L << 40)],
            table.Groups().OrderBy(g => g.Key).ToList());
    }

    [Fact]
    public void IntegerGroupTable_MillionDistinctKeys_TakesAtMostNineteenBytesAKey()
    {
        // 12-byte slots at a load kept between 0.64 and 0.8 (a doubling 16-byte table took 21 to 43 bytes a key).
        var table = new IntegerGroupTable();
        for (var key = 0; key < 1_000_000; key++)
        {
            table.Add(key * 7919L, key);
        }
        var slots = table.Partitions.Sum(p => (long)p.Capacity);
        Assert.Equal(1_000_000, table.Count);
        Assert.InRange(slots * 12, 1_000_000 * 12L, 1_000_000 * 19L);
    }

    private sealed record Reference(long Unexpected, List<UnexpectedRow> Rows, Dictionary<long, long> Counts);

    private static Reference Expected(Case c)
    {
        var rowsByValue = new Dictionary<long, List<long>>();
        for (var i = 0; i < c.Values.Length; i++)
        {
            if (c.Values[i] is { } value)
            {
                (rowsByValue.TryGetValue(value, out var rows) ? rows : rowsByValue[value] = []).Add(c.FirstRow + i);
            }
        }
        var unexpected = rowsByValue.Where(g => g.Value.Count > 1).SelectMany(g => g.Value.Select(row => new UnexpectedRow(row, g.Key))).OrderBy(r => r.RowIndex).ToList();
        return new Reference(unexpected.Count, [.. unexpected.Take(c.Limit)], rowsByValue.ToDictionary(g => g.Key, g => (long)g.Value.Count));
    }

    private static (ColumnKernel Duplicates, ColumnKernel Counts) Kernels(int limit)
    {
        var field = new Field("x", Int64Type.Default, true);
        return (DuplicateKernels.Create(field, limit), DuplicateKernels.Create(field, 0, trackRows: false));
    }

    private static List<(Int64Array Array, long FirstRow)> Batches(Case c)
    {
        var batches = new List<(Int64Array, long)>();
        var start = 0;
        foreach (var rows in c.BatchRows)
        {
            var length = Math.Min(rows, c.Values.Length - start);
            if (length <= 0)
            {
                break;
            }
            batches.Add((Arrays.Int64(c.Values.Skip(start).Take(length)), c.FirstRow + start));
            start += length;
        }
        if (start < c.Values.Length)
        {
            batches.Add((Arrays.Int64(c.Values.Skip(start)), c.FirstRow + start));
        }
        return batches;
    }

    /// <summary>One run: the kernel's states for <paramref name="workers"/> threads, which take the batches in a random order.</summary>
    private static MetricState[] Fill(ColumnKernel kernel, List<(Int64Array Array, long FirstRow)> batches, int workers, int blockWords, Random random)
    {
        var states = kernel.CreateStates(workers);
        var queue = new System.Collections.Concurrent.ConcurrentQueue<(Int64Array Array, long FirstRow)>(batches.OrderBy(_ => random.Next()));
        using var start = new Barrier(workers);
        var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            start.SignalAndWait();
            while (queue.TryDequeue(out var batch))
            {
                for (var row = 0; row < batch.Array.Length; row += blockWords * 64)
                {
                    kernel.Accumulate(new ColumnBlock(batch.Array, row, Math.Min(blockWords * 64, batch.Array.Length - row), batch.FirstRow), states[w]);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return states;
    }

    /// <summary>Merges a run's states as the executor does (all into the first), in a random order.</summary>
    private static MetricState MergeInto(MetricState[] states, Random random)
    {
        var order = states.OrderBy(_ => random.Next()).ToList();
        foreach (var state in order.Skip(1))
        {
            order[0].Merge(state);
        }
        return order[0];
    }

    private static bool Agrees(MetricState state, Reference expected, int limit)
    {
        var rows = ((IUnexpectedRowsSource)state).ToUnexpectedRows();
        return rows.Count == expected.Unexpected && rows.Sample.Limit == limit && rows.Sample.Rows.SequenceEqual(expected.Rows);
    }

    private static bool SameCounts(MetricState state, Dictionary<long, long> expected)
    {
        var counts = ((IValueCountsSource)state).Counts.ToList();
        return counts.Count == expected.Count && counts.All(c => expected.TryGetValue((long)c.Value!, out var n) && n == c.Count);
    }

    private static Gen<Case> Cases() =>
        from wide in Gen.Elements(false, true)
        from values in Gen.Frequency([(1, Gen.Constant((long?)null)), (8, Value(wide).Select(v => (long?)v))]).ArrayOf()
        from firstRow in Gen.Elements(0L, (1L << 31) - 300, 1L << 31, 1L << 40)
        from batchRows in Gen.Choose(1, 400).ArrayOf()
        from workers in Gen.Choose(2, 4)
        from limit in Gen.Elements(s_limits)
        from blockWords in Gen.Choose(1, 3)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Case(values, firstRow, batchRows, workers, limit, blockWords, seed);

    /// <summary>Many duplicates (a few small values) or few (values drawn from the whole 64-bit range, plus its ends).</summary>
    private static Gen<long> Value(bool wide) => wide
        ? Gen.OneOf(Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => ((long)t.Item1 << 32) ^ (uint)t.Item2), Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L))
        : Gen.Choose(-5, 12).Select(i => (long)i);
}
