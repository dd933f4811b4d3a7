

namespace Dq.Expectations.Suites;

/// <content>One method per expectation type; the parameters are GX's kwargs.</content>
public sealed partial class SuiteBuilder
{
    /// <summary><c>expect_column_to_exist</c>: the column is present (at the 0-based <paramref name="columnIndex"/> when given).</summary>
    public SuiteBuilder ExpectColumnToExist(string column, int? columnIndex = null) =>
        Add(Dq.Expectations.Catalog.ExpectColumnToExist.TypeName, ("column", column), ("column_index", columnIndex));

    /// <summary><c>expect_column_values_to_not_be_null</c>: no value (or at most 1 − <paramref name="mostly"/> of them) is null.</summary>
    public SuiteBuilder ExpectColumnValuesToNotBeNull(string column, double? mostly = null) =>
        Add(Dq.Expectations.Catalog.ExpectColumnValuesToNotBeNull.TypeName, ("column", column), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_be_null</c>: every value (or <paramref name="mostly"/> of them) is null.</summary>
    public SuiteBuilder ExpectColumnValuesToBeNull(string column, double? mostly = null) =>
        Add(Dq.Expectations.Catalog.ExpectColumnValuesToBeNull.TypeName, ("column", column), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_be_unique</c>: no non-null value occurs twice.</summary>
    public SuiteBuilder ExpectColumnValuesToBeUnique(string column, double? mostly = null) =>
        Add(Dq.Expectations.Catalog.ExpectColumnValuesToBeUnique.TypeName, ("column", column), ("mostly", mostly));

    /// <summary>
    /// <c>expect_column_values_to_be_between</c>: non-null values lie within the bounds (numbers, text, or dates as
    /// <see cref="DateTime"/>/<see cref="DateOnly"/>/ISO text); a null bound is open.
    /// </summary>
    public SuiteBuilder ExpectColumnValuesToBeBetween(string column, object? min = null, object? max = null, bool strictMin = false, bool strictMax = false, double? mostly = null) =>
        Add(Dq.Expectations.Catalog.ExpectColumnValuesToBeBetween.TypeName, ("column", column), ("min_value", min), ("max_value", max),
            ("strict_min", strictMin ? true : (object?)null), ("strict_max", strictMax ? true : (object?)null), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_be_in_set</c>: non-null values are among <paramref name="values"/>.</summary>
    public SuiteBuilder ExpectColumnValuesToBeInSet<T>(string column, IEnumerable<T> values, double? mostly = null) =>
        Add(Dq.Expectations.Catalog.ExpectColumnValuesToBeInSet.TypeName, ("column", column), ("value_set", values.Cast<object?>().ToList()), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_not_be_in_set</c>: no non-null value is among <paramref name="values"/>.</summary>
    public SuiteBuilder ExpectColumnValuesToNotBeInSet<T>(string column, IEnumerable<T> values, double? mostly = null) =>
        Add(Dq.Expectations.Catalog.ExpectColumnValuesToNotBeInSet.TypeName, ("column", column), ("value_set", values.Cast<object?>().ToList()), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_match_strftime_format</c>: non-null text parses with <paramref name="format"/> (Python strptime).</summary>
    public SuiteBuilder ExpectColumnValuesToMatchStrftimeFormat(string column, string format, double? mostly = null) =>
        Add(Dq.Expectations.Catalog.ExpectColumnValuesToMatchStrftimeFormat.TypeName, ("column", column), ("strftime_format", format), ("mostly", mostly));

    /// <summary><c>expect_table_row_count_to_be_between</c>: the row count lies within the bounds (null is open).</summary>
    public SuiteBuilder ExpectTableRowCountToBeBetween(long? min = null, long? max = null) =>
        Add(Dq.Expectations.Catalog.ExpectTableRowCountToBeBetween.TypeName, ("min_value", min), ("max_value", max));

    /// <summary><c>expect_table_row_count_to_equal</c>: the table has exactly <paramref name="value"/> rows.</summary>
    public SuiteBuilder ExpectTableRowCountToEqual(long value) =>
        Add(Dq.Expectations.Catalog.ExpectTableRowCountToEqual.TypeName, ("value", value));
}
