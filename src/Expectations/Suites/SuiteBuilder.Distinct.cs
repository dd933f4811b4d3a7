namespace Dq.Expectations.Suites;

/// <content>Distinct values, the most common value and the KL divergence from an expected partition.</content>
public sealed partial class SuiteBuilder
{
    /// <summary><c>expect_column_distinct_values_to_be_in_set</c>: every distinct non-null value is among <paramref name="values"/>.</summary>
    public SuiteBuilder ExpectColumnDistinctValuesToBeInSet<T>(string column, IEnumerable<T> values) =>
        Add(Catalog.ExpectColumnDistinctValuesToBeInSet.TypeName, ("column", column), ("value_set", List(values)));

    /// <summary><c>expect_column_distinct_values_to_contain_set</c>: every one of <paramref name="values"/> occurs in the column.</summary>
    public SuiteBuilder ExpectColumnDistinctValuesToContainSet<T>(string column, IEnumerable<T> values) =>
        Add(Catalog.ExpectColumnDistinctValuesToContainSet.TypeName, ("column", column), ("value_set", List(values)));

    /// <summary><c>expect_column_distinct_values_to_equal_set</c>: the distinct non-null values are exactly <paramref name="values"/>.</summary>
    public SuiteBuilder ExpectColumnDistinctValuesToEqualSet<T>(string column, IEnumerable<T> values) =>
        Add(Catalog.ExpectColumnDistinctValuesToEqualSet.TypeName, ("column", column), ("value_set", List(values)));

    /// <summary>
    /// <c>expect_column_most_common_value_to_be_in_set</c>: the most frequent non-null value is among
    /// <paramref name="values"/>; with <paramref name="tiesOkay"/>, any of the values tied for most frequent may be.
    /// </summary>
    public SuiteBuilder ExpectColumnMostCommonValueToBeInSet<T>(string column, IEnumerable<T> values, bool tiesOkay = false) =>
        Add(Catalog.ExpectColumnMostCommonValueToBeInSet.TypeName, ("column", column), ("value_set", List(values)),
            ("ties_okay", tiesOkay ? true : (object?)null));

    /// <summary>
    /// <c>expect_column_kl_divergence_to_be_less_than</c> over a continuous partition: the KL divergence of the column's
    /// histogram on <paramref name="bins"/> (edges, one more than <paramref name="weights"/>) from the expected weights is
    /// below <paramref name="threshold"/>.
    /// </summary>
    public SuiteBuilder ExpectColumnKlDivergenceToBeLessThan(string column, IEnumerable<double> bins, IEnumerable<double> weights, double threshold,
        double tailWeightHoldout = 0, double internalWeightHoldout = 0) =>
        Add(Catalog.ExpectColumnKlDivergenceToBeLessThan.TypeName, ("column", column),
            ("partition_object", new Dictionary<string, object?> { ["bins"] = List(bins), ["weights"] = List(weights) }),
            ("threshold", threshold), ("tail_weight_holdout", tailWeightHoldout == 0 ? null : tailWeightHoldout),
            ("internal_weight_holdout", internalWeightHoldout == 0 ? null : internalWeightHoldout));

    /// <summary>
    /// <c>expect_column_kl_divergence_to_be_less_than</c> over a categorical partition: the KL divergence of the column's
    /// value shares from <paramref name="expected"/> (value → weight) is below <paramref name="threshold"/>.
    /// </summary>
    public SuiteBuilder ExpectColumnKlDivergenceToBeLessThan<T>(string column, IEnumerable<KeyValuePair<T, double>> expected, double threshold)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var pairs = expected.ToList();
        return Add(Catalog.ExpectColumnKlDivergenceToBeLessThan.TypeName, ("column", column),
            ("partition_object", new Dictionary<string, object?> { ["values"] = List(pairs.Select(p => p.Key)), ["weights"] = List(pairs.Select(p => p.Value)) }),
            ("threshold", threshold));
    }

    private static List<object?> List<T>(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Select(v => (object?)v).ToList();
    }
}
