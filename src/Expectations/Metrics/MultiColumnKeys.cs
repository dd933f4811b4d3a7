using Apache.Arrow;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.MultiColumn;

namespace Dq.Expectations.Metrics;

/// <summary>
/// Which rows a multi-column check skips (GX's <c>ignore_row_if</c>): skipped rows are never unexpected, are
/// counted as missing, and leave the denominator of <c>mostly</c>. A value is missing when null or NaN.
/// </summary>
internal enum IgnoreRowIf
{
    /// <summary>Every row is checked (GX's <c>neither</c> for pairs, <c>never</c> for column lists).</summary>
    Never,

    /// <summary>Rows whose values are all missing (<c>both_values_are_missing</c>, <c>all_values_are_missing</c>).</summary>
    AllValuesMissing,

    /// <summary>Rows with at least one missing value (<c>either_value_is_missing</c>, <c>any_value_is_missing</c>).</summary>
    AnyValueMissing,
}

/// <summary>A row check over two columns; unexpected rows are sampled as the pair [A, B].</summary>
internal abstract record PairMetricKey(ColumnList Columns, IgnoreRowIf Ignore) : MultiColumnMetricKey(Columns);

/// <summary>A row check over a column list; unexpected rows are sampled as {column: value} objects.</summary>
internal abstract record RecordMetricKey(ColumnList Columns, IgnoreRowIf Ignore) : MultiColumnMetricKey(Columns);

/// <summary>Rows whose two values differ (by value: 1 equals 1.0; a missing value equals nothing).</summary>
internal sealed record PairNotEqualKey(ColumnList Columns, IgnoreRowIf Ignore) : PairMetricKey(Columns, Ignore)
{
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) =>
        new PairNotEqualKernel(fields, Ignore, sampleLimit);
}

/// <summary>Rows where A is not greater than B (not greater or equal, with <paramref name="OrEqual"/>).</summary>
internal sealed record PairNotGreaterKey(ColumnList Columns, IgnoreRowIf Ignore, bool OrEqual) : PairMetricKey(Columns, Ignore)
{
    /// <exception cref="MetricPreconditionException">The two columns hold values that cannot be ordered against each other.</exception>
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) =>
        new PairNotGreaterKernel(fields, Ignore, OrEqual, sampleLimit);
}

/// <summary>Rows whose pair (A, B) is not one of <paramref name="Pairs"/>.</summary>
internal sealed record PairNotInSetKey(ColumnList Columns, IgnoreRowIf Ignore, PairSet Pairs) : PairMetricKey(Columns, Ignore)
{
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) =>
        new PairNotInSetKernel(fields, Ignore, Pairs, sampleLimit);
}

/// <summary>Rows whose values do not add up to exactly <paramref name="SumTotal"/> (missing values add nothing).</summary>
internal sealed record RecordSumNotEqualKey(ColumnList Columns, IgnoreRowIf Ignore, double SumTotal) : RecordMetricKey(Columns, Ignore)
{
    /// <exception cref="MetricPreconditionException">A column is not numeric.</exception>
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) =>
        new RecordSumNotEqualKernel(fields, Ignore, SumTotal, sampleLimit);
}

/// <summary>Rows in which some value occurs twice (two missing values count as a repeat, as in pandas).</summary>
internal sealed record RecordRepeatsValueKey(ColumnList Columns, IgnoreRowIf Ignore) : RecordMetricKey(Columns, Ignore)
{
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) =>
        new RecordRepeatsValueKernel(fields, Ignore, sampleLimit);
}

/// <summary>Rows whose combination of values occurs more than once in the table (every member of a repeated combination).</summary>
internal sealed record CompoundDuplicateRowsKey(ColumnList Columns, IgnoreRowIf Ignore) : RecordMetricKey(Columns, Ignore)
{
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) =>
        new CompoundDuplicatesKernel(fields, Ignore, sampleLimit);
}
