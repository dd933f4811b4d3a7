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
    /// <summary>The kernel for these columns, as kernels see them: fields of the value type (dictionaries unwrapped).</summary>
    /// <exception cref="Kernels.MetricPreconditionException">The columns' types do not fit the check.</exception>
    public abstract Kernels.ColumnKernel CreateKernel(IReadOnlyList<Apache.Arrow.Field> fields, int sampleLimit);
}

/// <summary>A list of texts compared by value in order (regex patterns, type names), so keys holding one stay value-equal.</summary>
internal sealed record TextList(IReadOnlyList<string> Items)
{
    public bool Equals(TextList? other) => other is not null && Items.SequenceEqual(other.Items, StringComparer.Ordinal);

    public override int GetHashCode() => Items.Aggregate(Items.Count, (h, n) => HashCode.Combine(h, StringComparer.Ordinal.GetHashCode(n)));

    public override string ToString() => string.Join(", ", Items.Select(n => $"`{n}`"));
}

/// <summary>How a value must relate to a list of regex patterns.</summary>
internal enum PatternRule
{
    /// <summary>At least one pattern matches (<c>match_regex</c>, <c>match_regex_list</c> with <c>match_on: any</c>).</summary>
    MatchAny,

    /// <summary>Every pattern matches (<c>match_on: all</c>).</summary>
    MatchAll,

    /// <summary>No pattern matches (<c>not_match_regex</c>, <c>not_match_regex_list</c>).</summary>
    MatchNone,
}

/// <summary>
/// Non-null rows whose text breaks <paramref name="Rule"/> for the Python-syntax <paramref name="Patterns"/>
/// (searched anywhere in the value, as <c>re.search</c>); values of other types are matched on their Python text.
/// </summary>
internal sealed record TextPatternKey(string Column, TextList Patterns, PatternRule Rule) : ColumnMetricKey(Column);

/// <summary>Non-null text rows whose length in code points (Python <c>len</c>) lies outside the bounds; a null bound is open.</summary>
internal sealed record TextLengthKey(string Column, long? Min, long? Max, bool StrictMin, bool StrictMax) : ColumnMetricKey(Column);

/// <summary>Non-null rows that are not one JSON document as Python's <c>json.loads</c> reads it (non-text values never are).</summary>
internal sealed record JsonParseKey(string Column) : ColumnMetricKey(Column);

/// <summary>Non-null text rows that do not parse as JSON or do not validate against <paramref name="Schema"/> (its JSON text).</summary>
internal sealed record JsonSchemaKey(string Column, string Schema) : ColumnMetricKey(Column);

/// <summary>Non-null text rows that dateutil's <c>parser.parse</c> would reject (the forms of docs/expectations.md).</summary>
internal sealed record DateutilParseKey(string Column) : ColumnMetricKey(Column);

/// <summary>
/// Non-null rows whose Python value type is none of <paramref name="TypeNames"/>, for columns pandas holds as
/// <c>object</c> (text, binary, dates, decimals); nulls are counted as skipped rows. Any other column is judged from
/// its Arrow type alone, so the planner declines the key for it and the column is never read.
/// </summary>
internal sealed record ValueTypeKey(string Column, TextList TypeNames) : ColumnMetricKey(Column);

/// <summary>
/// Non-null rows that are not after (or, when <paramref name="Decreasing"/>, before) the previous non-null value
/// in row order; ties are unexpected only when <paramref name="Strictly"/>. The first value is never unexpected.
/// </summary>
internal sealed record OrderKey(string Column, bool Decreasing, bool Strictly) : ColumnMetricKey(Column);

/// <summary>
/// Non-null rows whose z-score (from the column's mean and sample deviation) is not below the threshold, in
/// absolute value when <paramref name="DoubleSided"/>; needs the column summary first.
/// </summary>
internal sealed record ZScoreKey(string Column, double Threshold, bool DoubleSided) : ColumnMetricKey(Column)
{
    public override IEnumerable<MetricKey> Prerequisites => [new ColumnSummaryKey(Column)];
}
