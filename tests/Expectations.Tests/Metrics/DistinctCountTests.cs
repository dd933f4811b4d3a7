using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Metrics;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Metrics;

/// <summary>
/// The distinct count and value total that value-count states give without materializing their values equal those of
/// the materialized counts and of a naive reference, for the integer table and the generic text state.
/// </summary>
public sealed class DistinctCountTests
{
    [Property(MaxTest = 200)]
    public Property IntegerState_DistinctCountAndTotal_MatchTheReference() =>
        Prop.ForAll(Gen.Choose(-20, 20).Select(i => i % 7 == 0 ? (long?)null : i).ArrayOf().ToArbitrary(), values =>
            Agrees(new Field("x", Int64Type.Default, true), Arrays.Int64(values), values.OfType<long>().Cast<object>().ToList()));

    [Property(MaxTest = 200)]
    public Property TextState_DistinctCountAndTotal_MatchTheReference() =>
        Prop.ForAll(Gen.Elements("a", "b", "", "é", null).ArrayOf().ToArbitrary(), values =>
            Agrees(new Field("x", StringType.Default, true), Arrays.String(values), values.OfType<string>().Cast<object>().ToList()));

    private static bool Agrees(Field field, IArrowArray array, List<object> present)
    {
        var kernel = DuplicateKernels.Create(field, 0, trackRows: false);
        var state = kernel.CreateState();
        kernel.Accumulate(new ColumnBlock(array, 0, array.Length, 0), state);
        var counts = (IValueCountsSource)state;
        return counts.DistinctCount == present.Distinct().Count()
            && counts.ValueTotal == present.Count
            && counts.DistinctCount == counts.Counts.Count()
            && counts.ValueTotal == counts.Counts.Sum(c => c.Count);
    }
}
