namespace Dq.Expectations.Suites;

/// <content>The text expectations: regexes, lengths, JSON and dates; the parameters are GX's kwargs.</content>
public sealed partial class SuiteBuilder
{
    /// <summary><c>expect_column_values_to_match_regex</c>: non-null values contain a match of the Python regex <paramref name="regex"/>.</summary>
    public SuiteBuilder ExpectColumnValuesToMatchRegex(string column, string regex, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToMatchRegex.TypeName, ("column", column), ("regex", regex), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_not_match_regex</c>: no non-null value contains a match of <paramref name="regex"/>.</summary>
    public SuiteBuilder ExpectColumnValuesToNotMatchRegex(string column, string regex, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToNotMatchRegex.TypeName, ("column", column), ("regex", regex), ("mostly", mostly));

    /// <summary>
    /// <c>expect_column_values_to_match_regex_list</c>: non-null values contain a match of any of <paramref name="regexes"/>
    /// (of all of them when <paramref name="matchAll"/>).
    /// </summary>
    public SuiteBuilder ExpectColumnValuesToMatchRegexList(string column, IEnumerable<string> regexes, bool matchAll = false, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToMatchRegexList.TypeName, ("column", column), ("regex_list", regexes.ToList()),
            ("match_on", matchAll ? "all" : null), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_not_match_regex_list</c>: no non-null value contains a match of any of <paramref name="regexes"/>.</summary>
    public SuiteBuilder ExpectColumnValuesToNotMatchRegexList(string column, IEnumerable<string> regexes, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToNotMatchRegexList.TypeName, ("column", column), ("regex_list", regexes.ToList()), ("mostly", mostly));

    /// <summary><c>expect_column_value_lengths_to_be_between</c>: text lengths in code points lie within the bounds (null is open).</summary>
    public SuiteBuilder ExpectColumnValueLengthsToBeBetween(string column, long? min = null, long? max = null, bool strictMin = false, bool strictMax = false, double? mostly = null) =>
        Add(Catalog.ExpectColumnValueLengthsToBeBetween.TypeName, ("column", column), ("min_value", min), ("max_value", max),
            ("strict_min", strictMin ? true : (object?)null), ("strict_max", strictMax ? true : (object?)null), ("mostly", mostly));

    /// <summary><c>expect_column_value_lengths_to_equal</c>: every text value is <paramref name="length"/> code points long.</summary>
    public SuiteBuilder ExpectColumnValueLengthsToEqual(string column, long length, double? mostly = null) =>
        Add(Catalog.ExpectColumnValueLengthsToEqual.TypeName, ("column", column), ("value", length), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_be_json_parseable</c>: non-null values are JSON documents.</summary>
    public SuiteBuilder ExpectColumnValuesToBeJsonParseable(string column, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToBeJsonParseable.TypeName, ("column", column), ("mostly", mostly));

    /// <summary>
    /// <c>expect_column_values_to_match_json_schema</c>: non-null values are JSON valid against <paramref name="jsonSchema"/>
    /// (a JSON Schema as text, such as <c>{"required": ["id"]}</c>).
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException"><paramref name="jsonSchema"/> is not JSON.</exception>
    public SuiteBuilder ExpectColumnValuesToMatchJsonSchema(string column, string jsonSchema, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToMatchJsonSchema.TypeName, ("column", column), ("json_schema", System.Text.Json.Nodes.JsonNode.Parse(jsonSchema)), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_be_dateutil_parseable</c>: non-null text values read as dates under dateutil's rules.</summary>
    public SuiteBuilder ExpectColumnValuesToBeDateutilParseable(string column, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToBeDateutilParseable.TypeName, ("column", column), ("mostly", mostly));
}
