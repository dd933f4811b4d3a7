using System.Text.Json.Nodes;

namespace Dq.Reporting.DataDocs;

internal static partial class SentenceTemplates
{
    private static readonly HashSet<string> s_known = [.. Types()];

    /// <summary>Every type with its own template (the switch below is the source of truth; this lists it for tests).</summary>
    private static IEnumerable<string> Types()
    {
        string[] all =
        [
            "expect_column_to_exist", "expect_column_values_to_not_be_null", "expect_column_values_to_be_null",
            "expect_column_values_to_be_unique", "expect_column_values_to_be_between", "expect_column_values_to_be_in_set",
            "expect_column_values_to_not_be_in_set", "expect_column_values_to_match_strftime_format",
            "expect_column_values_to_match_regex", "expect_column_values_to_not_match_regex",
            "expect_column_values_to_match_regex_list", "expect_column_values_to_not_match_regex_list",
            "expect_column_value_lengths_to_be_between", "expect_column_value_lengths_to_equal",
            "expect_column_values_to_be_json_parseable", "expect_column_values_to_match_json_schema",
            "expect_column_values_to_be_dateutil_parseable", "expect_column_values_to_be_of_type",
            "expect_column_values_to_be_in_type_list", "expect_column_values_to_be_increasing",
            "expect_column_values_to_be_decreasing", "expect_column_value_z_scores_to_be_less_than",
            "expect_column_min_to_be_between", "expect_column_max_to_be_between", "expect_column_mean_to_be_between",
            "expect_column_median_to_be_between", "expect_column_sum_to_be_between", "expect_column_stdev_to_be_between",
            "expect_column_quantile_values_to_be_between", "expect_column_unique_value_count_to_be_between",
            "expect_column_proportion_of_unique_values_to_be_between", "expect_column_distinct_values_to_be_in_set",
            "expect_column_distinct_values_to_contain_set", "expect_column_distinct_values_to_equal_set",
            "expect_column_most_common_value_to_be_in_set", "expect_column_kl_divergence_to_be_less_than",
            "expect_column_pair_values_to_be_equal", "expect_column_pair_values_a_to_be_greater_than_b",
            "expect_column_pair_values_to_be_in_set", "expect_multicolumn_sum_to_equal",
            "expect_compound_columns_to_be_unique", "expect_select_column_values_to_be_unique_within_record",
            "expect_table_row_count_to_be_between", "expect_table_row_count_to_equal",
            "expect_table_column_count_to_be_between", "expect_table_column_count_to_equal",
            "expect_table_columns_to_match_ordered_list", "expect_table_columns_to_match_set",
        ];
        return all;
    }

    private static string? Template(string type, JsonObject k) => type switch
    {
        "expect_column_to_exist" => k["column_index"] is null ? "column {column} must exist" : "column {column} must exist, at position {column_index}",
        "expect_column_values_to_not_be_null" => "values in {column} must not be null",
        "expect_column_values_to_be_null" => "values in {column} must be null",
        "expect_column_values_to_be_unique" => "values in {column} must be unique",
        "expect_column_values_to_be_between" => "values in {column} must be {range}",
        "expect_column_values_to_be_in_set" => "values in {column} must belong to the set {value_set}",
        "expect_column_values_to_not_be_in_set" => "values in {column} must not belong to the set {value_set}",
        "expect_column_values_to_match_strftime_format" => "values in {column} must match {strftime_format}",
        "expect_column_values_to_match_regex" => "values in {column} must match the regular expression {regex}",
        "expect_column_values_to_not_match_regex" => "values in {column} must not match the regular expression {regex}",
        "expect_column_values_to_match_regex_list" => k["match_on"]?.ToString() == "all"
            ? "values in {column} must match all of the regular expressions {regex_list}"
            : "values in {column} must match at least one of the regular expressions {regex_list}",
        "expect_column_values_to_not_match_regex_list" => "values in {column} must match none of the regular expressions {regex_list}",
        "expect_column_value_lengths_to_be_between" => "lengths of values in {column} must be {range}",
        "expect_column_value_lengths_to_equal" => "lengths of values in {column} must equal {value}",
        "expect_column_values_to_be_json_parseable" => "values in {column} must be parseable as JSON",
        "expect_column_values_to_match_json_schema" => "values in {column} must be JSON matching the schema {json_schema}",
        "expect_column_values_to_be_dateutil_parseable" => "values in {column} must be parseable as dates",
        "expect_column_values_to_be_of_type" => "values in {column} must be of type {type_}",
        "expect_column_values_to_be_in_type_list" => "values in {column} must be of one of the types {type_list}",
        "expect_column_values_to_be_increasing" => ValueText.Flag(k["strictly"]) ? "values in {column} must be strictly increasing" : "values in {column} must be increasing",
        "expect_column_values_to_be_decreasing" => ValueText.Flag(k["strictly"]) ? "values in {column} must be strictly decreasing" : "values in {column} must be decreasing",
        "expect_column_value_z_scores_to_be_less_than" => ValueText.Flag(k["double_sided"])
            ? "z-scores of values in {column} must be less than {threshold} in absolute value"
            : "z-scores of values in {column} must be less than {threshold}",
        "expect_column_min_to_be_between" => "the minimum of {column} must be {range}",
        "expect_column_max_to_be_between" => "the maximum of {column} must be {range}",
        "expect_column_mean_to_be_between" => "the mean of {column} must be {range}",
        "expect_column_median_to_be_between" => "the median of {column} must be {range}",
        "expect_column_sum_to_be_between" => "the sum of {column} must be {range}",
        "expect_column_stdev_to_be_between" => "the standard deviation of {column} must be {range}",
        "expect_column_quantile_values_to_be_between" => "quantiles of {column} must fall in the ranges {quantile_ranges}",
        "expect_column_unique_value_count_to_be_between" => "the number of distinct values in {column} must be {range}",
        "expect_column_proportion_of_unique_values_to_be_between" => "the proportion of unique values in {column} must be {range}",
        "expect_column_distinct_values_to_be_in_set" => "distinct values in {column} must belong to the set {value_set}",
        "expect_column_distinct_values_to_contain_set" => "distinct values in {column} must include every value of {value_set}",
        "expect_column_distinct_values_to_equal_set" => "distinct values in {column} must be exactly {value_set}",
        "expect_column_most_common_value_to_be_in_set" => ValueText.Flag(k["ties_okay"])
            ? "the most common value in {column} must belong to {value_set} (ties allowed)"
            : "the most common value in {column} must belong to {value_set}",
        "expect_column_kl_divergence_to_be_less_than" => "the KL divergence of {column} from the expected partition must be less than {threshold}",
        "expect_column_pair_values_to_be_equal" => "values in {column_A} must equal those in {column_B}",
        "expect_column_pair_values_a_to_be_greater_than_b" => ValueText.Flag(k["or_equal"])
            ? "values in {column_A} must be greater than or equal to those in {column_B}"
            : "values in {column_A} must be greater than those in {column_B}",
        "expect_column_pair_values_to_be_in_set" => "pairs of values in {column_A} and {column_B} must belong to {value_pairs_set}",
        "expect_multicolumn_sum_to_equal" => "in each row, the sum of {column_list} must equal {sum_total}",
        "expect_compound_columns_to_be_unique" => "combinations of values in {column_list} must be unique",
        "expect_select_column_values_to_be_unique_within_record" => "values in {column_list} must be unique within each row",
        "expect_table_row_count_to_be_between" => "the table must have {range} rows",
        "expect_table_row_count_to_equal" => "the table must have exactly {value} rows",
        "expect_table_column_count_to_be_between" => "the table must have {range} columns",
        "expect_table_column_count_to_equal" => "the table must have exactly {value} columns",
        "expect_table_columns_to_match_ordered_list" => "the table's columns must be, in order, {column_list}",
        "expect_table_columns_to_match_set" => ValueText.Flag(k["exact_match"], fallback: true)
            ? "the table's columns must be exactly the set {column_set}"
            : "the table's columns must include the set {column_set}",
        _ => null,
    };
}
