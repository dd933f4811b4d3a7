namespace Dq.Expectations.Suites;

/// <content>The type expectations, with GX's pandas/numpy type names (see docs/expectations.md).</content>
public sealed partial class SuiteBuilder
{
    /// <summary>
    /// <c>expect_column_values_to_be_of_type</c>: the column's numpy type (or, for text, each value's Python type) is
    /// <paramref name="type"/>, such as <c>int64</c>, <c>float64</c>, <c>bool</c>, <c>datetime64</c> or <c>str</c>.
    /// </summary>
    public SuiteBuilder ExpectColumnValuesToBeOfType(string column, string type, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToBeOfType.TypeName, ("column", column), ("type_", type), ("mostly", mostly));

    /// <summary><c>expect_column_values_to_be_in_type_list</c>: the column's type (or each text value's) is one of <paramref name="types"/>.</summary>
    public SuiteBuilder ExpectColumnValuesToBeInTypeList(string column, IEnumerable<string> types, double? mostly = null) =>
        Add(Catalog.ExpectColumnValuesToBeInTypeList.TypeName, ("column", column), ("type_list", types.ToList()), ("mostly", mostly));
}
