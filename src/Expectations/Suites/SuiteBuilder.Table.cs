namespace Dq.Expectations.Suites;

/// <content>Table-shape expectations, judged from the schema alone.</content>
public sealed partial class SuiteBuilder
{
    /// <summary><c>expect_table_column_count_to_equal</c>: the data has exactly <paramref name="value"/> columns.</summary>
    public SuiteBuilder ExpectTableColumnCountToEqual(long value) =>
        Add(Catalog.ExpectTableColumnCountToEqual.TypeName, ("value", value));

    /// <summary><c>expect_table_column_count_to_be_between</c>: the column count lies within the bounds (null is open).</summary>
    public SuiteBuilder ExpectTableColumnCountToBeBetween(long? min = null, long? max = null) =>
        Add(Catalog.ExpectTableColumnCountToBeBetween.TypeName, ("min_value", min), ("max_value", max));

    /// <summary><c>expect_table_columns_to_match_ordered_list</c>: the columns are exactly <paramref name="columns"/>, in order.</summary>
    public SuiteBuilder ExpectTableColumnsToMatchOrderedList(IEnumerable<string> columns) =>
        Add(Catalog.ExpectTableColumnsToMatchOrderedList.TypeName, ("column_list", columns.ToList()));

    /// <summary>
    /// <c>expect_table_columns_to_match_set</c>: the column names, in any order, are <paramref name="columns"/>, or
    /// include them when <paramref name="exactMatch"/> is false.
    /// </summary>
    public SuiteBuilder ExpectTableColumnsToMatchSet(IEnumerable<string> columns, bool exactMatch = true) =>
        Add(Catalog.ExpectTableColumnsToMatchSet.TypeName, ("column_set", columns.ToList()), ("exact_match", exactMatch));
}
