using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Kernels.Range;
using Dq.Expectations.Metrics;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Metrics;

/// <summary>
/// States accumulated over two halves of a column and merged (in either order) equal one pass over the whole, and
/// both equal a naive reference: the unexpected count and the unexpected rows with the smallest indexes.
/// </summary>
public sealed class MergeTests
{
    private static readonly int[] s_limits = [0, 1, 5, 20, int.MaxValue];

    /// <summary>Nullable values, a split point and a sample limit.</summary>
    public sealed record Split<T>(T[] Values, int At, int Limit)
    {
        public override string ToString() => $"split at {At}, limit {Limit}: [{string.Join(", ", Values.Select(v => v?.ToString() ?? "null"))}]";
    }

    [Property(MaxTest = 300)]
    public Property UnexpectedRowsState_MergedHalvesEitherOrder_EqualOnePassAndReference() =>
        Prop.ForAll(Splits(Gen.Choose(-5, 15).Select(i => (long?)i)).ToArbitrary(), s =>
        {
            var kernel = RangeKernels.Create(new Field("x", Int64Type.Default, true), new RangeBounds(0L, 10L, false, true), KernelVariant.Scalar, s.Limit);
            var expected = Reference.Rows(s.Values, v => v is { } x && !(x >= 0 && x < 10));
            return AllAgree(kernel, Arrays.Int64(s.Values), s, expected, i => s.Values[i]);
        });

    [Property(MaxTest = 300)]
    public Property DuplicateState_MergedHalvesEitherOrder_EqualOnePassAndReference() =>
        Prop.ForAll(Splits(Gen.Choose(0, 12).Select(i => (long?)i)).ToArbitrary(), s =>
        {
            var kernel = DuplicateKernels.Create(new Field("x", Int64Type.Default, true), s.Limit);
            var repeated = s.Values.OfType<long>().GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            var expected = Reference.Rows(s.Values, v => v is { } x && repeated.Contains(x));
            return AllAgree(kernel, Arrays.Int64(s.Values), s, expected, i => s.Values[i]);
        });

    [Property(MaxTest = 300)]
    public Property TextDuplicateState_MergedHalvesEitherOrder_EqualOnePassAndReference() =>
        Prop.ForAll(Splits(Gen.Elements("a", "b", "c", "é", "", "\U0001F600", "aa")).ToArbitrary(), s =>
        {
            var kernel = DuplicateKernels.Create(new Field("x", StringType.Default, true), s.Limit);
            var repeated = s.Values.OfType<string>().GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            var expected = Reference.Rows(s.Values, v => v is not null && repeated.Contains(v));
            return AllAgree(kernel, Arrays.String(s.Values), s, expected, i => s.Values[i])
                && AllAgree(kernel, Arrays.DictionaryString(s.Values), s, expected, i => s.Values[i]);
        });

    [Fact]
    public void UnexpectedSample_FullAndGivenEarlierRows_KeepsTheSmallestIndexes()
    {
        var random = new Random(9);
        var rows = Enumerable.Range(0, 500).Select(i => (long)i * 3).OrderBy(_ => random.Next()).ToList();
        var whole = new UnexpectedSample(17);
        var left = new UnexpectedSample(17);
        var right = new UnexpectedSample(17);

        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            whole.Add(row, row);
            (i % 3 == 0 ? left : right).Add(row, row);
        }
        right.Merge(left);

        var expected = rows.Order().Take(17).ToList();
        Assert.Equal(expected, whole.Rows.Select(r => r.RowIndex));
        Assert.Equal(expected, right.Rows.Select(r => r.RowIndex));
        Assert.Equal(expected.Cast<object>(), right.Rows.Select(r => r.Value));
    }

    /// <summary>One pass, halves merged second-into-first and first-into-second, and one state fed the halves out of order.</summary>
    private static bool AllAgree<T>(ColumnKernel kernel, IArrowArray array, Split<T> s, long[] expected, Func<int, object?> valueAt)
    {
        var whole = Accumulate(kernel, array, 0, array.Length);
        var (first, second) = (Accumulate(kernel, array, 0, s.At), Accumulate(kernel, array, s.At, array.Length - s.At));
        first.Merge(second);
        var (first2, second2) = (Accumulate(kernel, array, 0, s.At), Accumulate(kernel, array, s.At, array.Length - s.At));
        second2.Merge(first2);
        var outOfOrder = Accumulate(kernel, array, s.At, array.Length - s.At);
        AccumulateInto(kernel, outOfOrder, array, 0, s.At);

        var reference = expected.Take(s.Limit).Select(i => new UnexpectedRow(i, valueAt((int)i))).ToList();
        return new[] { whole, first, second2, outOfOrder }.Select(state => ((IUnexpectedRowsSource)state).ToUnexpectedRows())
            .All(rows => rows.Count == expected.Length && rows.Sample.Rows.SequenceEqual(reference));
    }

    /// <summary>Accumulates rows [start, start + length) as a batch of their own, numbered from <paramref name="start"/>.</summary>
    private static MetricState Accumulate(ColumnKernel kernel, IArrowArray array, int start, int length)
    {
        var state = kernel.CreateState();
        AccumulateInto(kernel, state, array, start, length);
        return state;
    }

    private static void AccumulateInto(ColumnKernel kernel, MetricState state, IArrowArray array, int start, int length)
    {
        var batch = ArrowArrayFactory.Slice(array, start, length);
        for (var blockStart = 0; blockStart < length; blockStart += 64)
        {
            kernel.Accumulate(new ColumnBlock(batch, blockStart, Math.Min(64, length - blockStart), start), state);
        }
    }

    private static Gen<Split<T>> Splits<T>(Gen<T> value) =>
        from values in Gen.Frequency([(1, Gen.Constant(default(T)!)), (5, value)]).ArrayOf()
        from at in Gen.Choose(0, values.Length)
        from limit in Gen.Elements(s_limits)
        select new Split<T>(values, at, limit);
}
