using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.MultiColumn;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Dq.Expectations.Tests.Kernels.MultiColumn.MultiColumnReference;

namespace Dq.Expectations.Tests.Kernels.MultiColumn;

/// <summary>
/// expect_compound_columns_to_be_unique against a naive group-by, end to end and as states accumulated over two
/// batches and merged in either order.
/// </summary>
public sealed class CompoundDuplicatesTests
{
    [Property(MaxTest = 200)]
    public Property CompoundColumnsToBeUnique_AnyRows_MatchesReference() =>
        Prop.ForAll(RecordKernelsTests.Tables().ToArbitrary(), t =>
        {
            var batch = Batch(t);
            var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectCompoundColumnsToBeUnique(["a", "b", "c"], t.Mode).Build());
            var (expected, skipped) = Expected(t);
            return Runs.UnexpectedIndexes(json).SequenceEqual(expected)
                && Runs.Result(json)["missing_count"]!.GetValue<long>() == skipped;
        });

    [Property(MaxTest = 200)]
    public Property CompoundDuplicateState_MergedHalvesEitherOrder_EqualReference() =>
        Prop.ForAll(RecordKernelsTests.Tables().ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (t, cut) =>
        {
            var batch = Batch(t);
            var at = t.Rows.Length == 0 ? 0 : cut % (t.Rows.Length + 1);
            var mode = t.Mode switch { "any_value_is_missing" => IgnoreRowIf.AnyValueMissing, "never" => IgnoreRowIf.Never, _ => IgnoreRowIf.AllValuesMissing };
            var kernel = new CompoundDuplicateRowsKey(new ColumnList(["a", "b", "c"]), mode).CreateKernel(batch.Schema.FieldsList, int.MaxValue);
            var (expected, skipped) = Expected(t);
            var (first, second) = (Accumulate(kernel, batch, 0, at), Accumulate(kernel, batch, at, t.Rows.Length - at));
            var (first2, second2) = (Accumulate(kernel, batch, 0, at), Accumulate(kernel, batch, at, t.Rows.Length - at));
            first.Merge(second);
            second2.Merge(first2);
            return new[] { first, second2 }.Select(s => ((IUnexpectedRowsSource)s).ToUnexpectedRows())
                .All(r => r.Skipped == skipped && r.Count == expected.Length && r.Sample.Rows.Select(x => x.RowIndex).SequenceEqual(expected));
        });

    [Fact]
    public void CompoundColumnsToBeUnique_IntegerAndEqualDoubleInSamePosition_AreDuplicates()
    {
        // Two float columns of a pandas frame: 1 and 1.0 are the same number, and NaN rows group together.
        var batch = Arrays.Batch(("a", Arrays.Double([1.0, 1.0, double.NaN, null])), ("b", Arrays.Int64([2, 2, 3, 3])));

        var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectCompoundColumnsToBeUnique(["a", "b"]).Build());

        Assert.Equal([0L, 1L, 2L, 3L], Runs.UnexpectedIndexes(json));
        Assert.Equal("{\"a\":1,\"b\":2}", Runs.Result(json)["unexpected_list"]![0]!.ToJsonString());
    }

    private static RecordBatch Batch(RecordKernelsTests.Records t) =>
        Arrays.Batch(("a", Arrays.Int64(t.Rows.Select(r => r.A))), ("b", Arrays.Double(t.Rows.Select(r => r.B))), ("c", Arrays.String(t.Rows.Select(r => r.C))));

    private static (long[] Rows, long Skipped) Expected(RecordKernelsTests.Records t)
    {
        var rows = t.Values(0, 1, 2);
        var considered = rows.Select((r, i) => (r, i)).Where(p => !Skipped(p.r, t.Mode)).ToList();
        var duplicated = considered.Where(p => considered.Count(q => Enumerable.Range(0, 3).All(c => SameOrBothMissing(p.r[c], q.r[c]))) > 1);
        return ([.. duplicated.Select(p => (long)p.i)], rows.Length - considered.Count);
    }

    private static MetricState Accumulate(ColumnKernel kernel, RecordBatch batch, int start, int length)
    {
        var state = kernel.CreateState();
        var arrays = Enumerable.Range(0, batch.ColumnCount).Select(i => ArrowArrayFactory.Slice(batch.Column(i), start, length)).ToArray();
        for (var blockStart = 0; blockStart < length; blockStart += 64)
        {
            kernel.Accumulate(new ColumnBlock(arrays, blockStart, Math.Min(64, length - blockStart), start), state);
        }
        return state;
    }
}
