namespace Dq.Expectations.Metrics;

/// <summary>
/// Identifies one metric to compute: its kind (the record type), the column it reads and its parameters.
/// </summary>
/// <remarks>
/// Keys compare by value, so when two expectations ask for the same metric the planner computes it once. The
/// set of kinds is closed: every key is one of the sealed records in this folder, and the planner maps each to
/// its kernel explicitly.
/// </remarks>
internal abstract record MetricKey
{
    /// <summary>The rows the metric is computed over (a <c>row_condition</c>); null for all rows.</summary>
    public Conditions.RowFilter? Filter { get; init; }

    /// <summary>
    /// Metrics that must be computed, in an earlier pass, before this one's kernel can be built (a z-score needs
    /// the column's mean and deviation). Their filter is this key's filter.
    /// </summary>
    public virtual IEnumerable<MetricKey> Prerequisites => [];
}

/// <summary>A metric over one column.</summary>
internal abstract record ColumnMetricKey(string Column) : MetricKey;

/// <summary>The number of rows in the table (that pass the filter, when there is one).</summary>
internal sealed record RowCountKey : MetricKey;

/// <summary>Rows whose value in <see cref="ColumnMetricKey.Column"/> is null (also the column's missing count).</summary>
internal sealed record NullRowsKey(string Column) : ColumnMetricKey(Column);

/// <summary>Rows whose value is not null (unexpected for <c>expect_column_values_to_be_null</c>).</summary>
internal sealed record NonNullRowsKey(string Column) : ColumnMetricKey(Column);

/// <summary>Non-null rows outside the bounds; NaN is always outside.</summary>
internal sealed record OutOfRangeKey(string Column, RangeBounds Bounds) : ColumnMetricKey(Column);

/// <summary>
/// Non-null rows that are not in <paramref name="Values"/> (when <paramref name="MustBeInSet"/>) or that are in it
/// (when not).
/// </summary>
internal sealed record SetMembershipKey(string Column, ValueSet Values, bool MustBeInSet) : ColumnMetricKey(Column);

/// <summary>Non-null rows whose text does not parse with a strftime format (Python <c>strptime</c> rules).</summary>
internal sealed record StrftimeMismatchKey(string Column, string Format) : ColumnMetricKey(Column);

/// <summary>Non-null rows whose value occurs more than once in the column (every member of a duplicated group).</summary>
internal sealed record DuplicateRowsKey(string Column) : ColumnMetricKey(Column);

/// <summary>
/// One pass of aggregates over the non-null values of a column: count, min and max (numbers, text, dates), and for
/// numbers the sum, mean and sum of squared deviations. NaN counts as missing, as in pandas.
/// </summary>
internal sealed record ColumnSummaryKey(string Column) : ColumnMetricKey(Column);

/// <summary>Every distinct non-null value of a column with its count (distinct counts, modes, medians, quantiles).</summary>
internal sealed record ValueCountsKey(string Column) : ColumnMetricKey(Column);

/// <summary>The columns of a multi-column check, compared by their names in order.</summary>
internal sealed record ColumnList(IReadOnlyList<string> Names)
{
    public bool Equals(ColumnList? other) => other is not null && Names.SequenceEqual(other.Names, StringComparer.Ordinal);

    public override int GetHashCode() => Names.Aggregate(Names.Count, (h, n) => HashCode.Combine(h, StringComparer.Ordinal.GetHashCode(n)));

    public override string ToString() => string.Join(", ", Names.Select(n => $"`{n}`"));
}

/// <summary>
/// A metric over several columns of each row (pairs, column lists). Unlike single-column keys, each kind builds
/// its own kernel, since the kinds are few and their kernels read several arrays.
/// </summary>
internal abstract record MultiColumnMetricKey(ColumnList Columns) : MetricKey
{
    /// <summary>The kernel for these columns, as kernels see them (dictionary-encoded numbers decoded).</summary>
    /// <exception cref="Kernels.MetricPreconditionException">The columns' types do not fit the check.</exception>
    public abstract Kernels.ColumnKernel CreateKernel(IReadOnlyList<Apache.Arrow.Field> fields, int sampleLimit);
}
