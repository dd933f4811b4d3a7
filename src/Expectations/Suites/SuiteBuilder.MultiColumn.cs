using Dq.Expectations.Catalog;

namespace Dq.Expectations.Suites;

/// <content>
/// Multi-column expectations. <c>ignoreRowIf</c> takes GX's words: for pairs <c>both_values_are_missing</c> (default),
/// <c>either_value_is_missing</c>, <c>neither</c>; for column lists <c>all_values_are_missing</c> (default),
/// <c>any_value_is_missing</c>, <c>never</c>.
/// </content>
public sealed partial class SuiteBuilder
{
    /// <summary><c>expect_column_pair_values_to_be_equal</c>: in each row, <paramref name="columnA"/> equals <paramref name="columnB"/> by value.</summary>
    public SuiteBuilder ExpectColumnPairValuesToBeEqual(string columnA, string columnB, string? ignoreRowIf = null, double? mostly = null) =>
        Add(Catalog.ExpectColumnPairValuesToBeEqual.TypeName, ("column_A", columnA), ("column_B", columnB), ("ignore_row_if", ignoreRowIf), ("mostly", mostly));

    /// <summary><c>expect_column_pair_values_a_to_be_greater_than_b</c>: in each row, A &gt; B (A ≥ B when <paramref name="orEqual"/>).</summary>
    public SuiteBuilder ExpectColumnPairValuesAToBeGreaterThanB(string columnA, string columnB, bool orEqual = false, string? ignoreRowIf = null, double? mostly = null) =>
        Add(Catalog.ExpectColumnPairValuesAToBeGreaterThanB.TypeName, ("column_A", columnA), ("column_B", columnB),
            ("or_equal", orEqual ? true : (object?)null), ("ignore_row_if", ignoreRowIf), ("mostly", mostly));

    /// <summary><c>expect_column_pair_values_to_be_in_set</c>: each row's pair (A, B) is one of <paramref name="pairs"/>.</summary>
    public SuiteBuilder ExpectColumnPairValuesToBeInSet<TA, TB>(string columnA, string columnB, IEnumerable<(TA A, TB B)> pairs, string? ignoreRowIf = null, double? mostly = null) =>
        Add(Catalog.ExpectColumnPairValuesToBeInSet.TypeName, ("column_A", columnA), ("column_B", columnB),
            ("value_pairs_set", pairs.Select(p => new object?[] { p.A, p.B }).ToList()), ("ignore_row_if", ignoreRowIf), ("mostly", mostly));

    /// <summary><c>expect_multicolumn_sum_to_equal</c>: in each row, the columns add up to exactly <paramref name="sumTotal"/>.</summary>
    public SuiteBuilder ExpectMulticolumnSumToEqual(IEnumerable<string> columns, double sumTotal, string? ignoreRowIf = null, double? mostly = null) =>
        Add(Catalog.ExpectMulticolumnSumToEqual.TypeName, ("column_list", columns.ToList()), ("sum_total", sumTotal), ("ignore_row_if", ignoreRowIf), ("mostly", mostly));

    /// <summary><c>expect_select_column_values_to_be_unique_within_record</c>: in each row, the columns' values all differ.</summary>
    public SuiteBuilder ExpectSelectColumnValuesToBeUniqueWithinRecord(IEnumerable<string> columns, string? ignoreRowIf = null, double? mostly = null) =>
        Add(Catalog.ExpectSelectColumnValuesToBeUniqueWithinRecord.TypeName, ("column_list", columns.ToList()), ("ignore_row_if", ignoreRowIf), ("mostly", mostly));

    /// <summary><c>expect_compound_columns_to_be_unique</c>: no combination of the columns' values occurs twice.</summary>
    public SuiteBuilder ExpectCompoundColumnsToBeUnique(IEnumerable<string> columns, string? ignoreRowIf = null, double? mostly = null) =>
        Add(Catalog.ExpectCompoundColumnsToBeUnique.TypeName, ("column_list", columns.ToList()), ("ignore_row_if", ignoreRowIf), ("mostly", mostly));
}
