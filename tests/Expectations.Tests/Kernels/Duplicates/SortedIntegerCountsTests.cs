using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Catalog;
using Dq.Expectations.Columns;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Metrics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Duplicates;

/// <summary>
/// The integer table's typed sort of its value counts gives what sorting the boxed values with the judge's comparer
/// gives (the reference), for signed, unsigned (keys above 2^63 keep their bit pattern) and date columns.
/// </summary>
public sealed class SortedIntegerCountsTests
{
    private static readonly long[] s_edges = [long.MinValue, long.MinValue + 1, -1, 0, 1, long.MaxValue - 1, long.MaxValue];

    [Property(MaxTest = 200)]
    public Property Int64_TypedSort_EqualsTheBoxedSort() =>
        Prop.ForAll(Values().ToArbitrary(), values =>
        {
            var builder = new Int64Array.Builder();
            foreach (var v in values)
            {
                builder.Append(v);
            }
            return Agrees(new Field("x", Int64Type.Default, true), builder.Build());
        });

    [Property(MaxTest = 200)]
    public Property UInt64_TypedSort_EqualsTheBoxedSort() =>
        Prop.ForAll(Values().ToArbitrary(), values =>
        {
            var builder = new UInt64Array.Builder();
            foreach (var v in values)
            {
                builder.Append(unchecked((ulong)v));
            }
            return Agrees(new Field("x", UInt64Type.Default, true), builder.Build());
        });

    [Property(MaxTest = 100)]
    public Property Date32_TypedSort_EqualsTheBoxedSort() =>
        Prop.ForAll(Gen.Choose(-100_000, 100_000).ArrayOf().ToArbitrary(), days =>
        {
            var builder = new Date32Array.Builder();
            foreach (var d in days)
            {
                builder.Append(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + d));
            }
            return Agrees(new Field("x", Date32Type.Default, true), builder.Build());
        });

    private static Gen<long[]> Values() =>
        Gen.OneOf(Gen.Elements(s_edges), Gen.Choose(-5, 5).Select(i => (long)i), ArbMap.Default.GeneratorFor<long>()).ArrayOf();

    private static bool Agrees(Field field, IArrowArray array)
    {
        var kernel = DuplicateKernels.Create(field, 0, trackRows: false);
        var state = kernel.CreateState();
        kernel.Accumulate(new ColumnBlock(array, 0, array.Length, 0), state);
        var typed = ((IntegerDuplicateState)state).SortedCounts();
        var boxed = ((IValueCountsSource)state).Counts.Select(c => (c.Value!, c.Count)).OrderBy(c => c.Item1, ValueComparer.Instance).ToList();
        return typed.SequenceEqual(boxed);
    }
}
