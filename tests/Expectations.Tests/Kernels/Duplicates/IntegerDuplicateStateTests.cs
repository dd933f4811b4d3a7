using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Metrics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Duplicates;

/// <summary>
/// The compact integer table against the reference <see cref="DuplicateState{TKey}"/> (a Dictionary): same counts,
/// same duplicated rows and samples, whole or split in two and merged in either order.
/// </summary>
public sealed class IntegerDuplicateStateTests
{
    private static Gen<long[]> Values() =>
        Gen.OneOf(Gen.Choose(-5, 5).Select(i => (long)i), Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i * 7919), Gen.Elements(long.MinValue, long.MaxValue, 0L))
            .ArrayOf();

    [Property(MaxTest = 300)]
    public Property IntegerDuplicateState_AnyValuesAnySplit_MatchesDictionaryReference() =>
        Prop.ForAll(Values().ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (values, cut, limit) =>
        {
            var at = values.Length == 0 ? 0 : cut % (values.Length + 1);
            var reference = new DuplicateState<long>(null, static v => v, limit);
            var whole = new IntegerDuplicateState(static k => k, limit, trackRows: true);
            var (left, right) = (new IntegerDuplicateState(static k => k, limit, true), new IntegerDuplicateState(static k => k, limit, true));
            for (var row = 0; row < values.Length; row++)
            {
                reference.Add(values[row], row);
                whole.Add(values[row], row);
                (row < at ? left : right).Add(values[row], row);
            }
            // Merging the later half into the earlier one, and the other way round.
            right.Merge(left);
            return Same(reference.ToUnexpectedRows(), whole.ToUnexpectedRows())
                && Same(reference.ToUnexpectedRows(), right.ToUnexpectedRows())
                && reference.Counts.OrderBy(c => (long)c.Value!).SequenceEqual(right.Counts.OrderBy(c => (long)c.Value!));
        });

    [Fact]
    public void IntegerGroupTable_ManyKeys_GrowsAndKeepsEveryCountAndFirstRow()
    {
        var table = new IntegerGroupTable();
        for (var row = 0; row < 200_000; row++)
        {
            table.Add(row % 100_000, row);
        }
        var groups = table.Groups().ToList();
        Assert.Equal(100_000, groups.Count);
        Assert.All(groups, g => Assert.Equal((2L, g.Key), (g.Count, g.FirstRow)));
    }

    [Fact]
    public void IntegerGroupTable_CountBeyond24BitsThenEarlierRow_KeepsSumAndEarliestRow()
    {
        var table = new IntegerGroupTable();
        table.Add(7, 5, (1L << 24) + 10);
        table.Add(7, 3, 5);
        Assert.Equal([(7L, (1L << 24) + 15, 3L)], table.Groups().ToList());
    }

    [Fact]
    public void IntegerDuplicateState_MergeOfTwoLargeHalves_StaysLinear()
    {
        // Groups merge in slot order; without reserving room first this took minutes (one cluster across the table).
        var (a, b) = (new IntegerDuplicateState(static k => k, 5, true), new IntegerDuplicateState(static k => k, 5, true));
        for (var i = 0; i < 1_500_000; i++)
        {
            (i % 2 == 0 ? a : b).Add(i, i);
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        a.Merge(b);
        Assert.Equal(0, a.ToUnexpectedRows().Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"merge took {watch.Elapsed}");
    }

    private static bool Same(UnexpectedRowsState a, UnexpectedRowsState b) =>
        a.Count == b.Count && a.Sample.Rows.SequenceEqual(b.Sample.Rows);
}
