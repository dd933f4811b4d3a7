namespace Dq.Expectations.Suites;

/// <content>The order and outlier expectations; the parameters are GX's kwargs.</content>
public sealed partial class SuiteBuilder
{
    /// <summary><c>expect_column_values_to_be_increasing</c>: each non-null value is at least (<paramref name="strictly"/>: above) the previous one.</summary>
    public SuiteBuilder ExpectColumnValuesToBeIncreasing(string column, bool strictly = false, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToBeIncreasing.TypeName, ("column", column), ("strictly", strictly ? true : (object?)null), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_be_decreasing</c>: each non-null value is at most (<paramref name="strictly"/>: below) the previous one.</summary>
    public SuiteBuilder ExpectColumnValuesToBeDecreasing(string column, bool strictly = false, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToBeDecreasing.TypeName, ("column", column), ("strictly", strictly ? true : (object?)null), ("mostly", mostly));

    /// <summary>
    /// <c>expect_column_value_z_scores_to_be_less_than</c>: every value's z-score (in absolute value when
    /// <paramref name="doubleSided"/>) is below <paramref name="threshold"/>.
    /// </summary>
    public SuiteBuilder ExpectColumnValueZScoresToBeLessThan(string column, double threshold, bool doubleSided = true, double? mostly = null) =>
        Add(Catalog.ExpectColumnValueZScoresToBeLessThan.TypeName, ("column", column), ("threshold", threshold), ("double_sided", doubleSided), ("mostly", mostly));
}
