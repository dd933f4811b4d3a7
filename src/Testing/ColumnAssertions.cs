namespace Dq.Testing;

/// <summary>
/// Fluent assertions on the values of one column, from <see cref="DataAssertions.HaveColumn"/>:
/// <c>.HaveColumn("status").WithNoNulls().WithValuesIn(["active", "closed"])</c>. Each call checks at once.
/// </summary>
/// <remarks>
/// As in GX, rules on values skip nulls (only <see cref="WithNoNulls"/> and <see cref="WithOnlyNulls"/> look at them),
/// and <c>mostly</c> lets a fraction of the non-null values break the rule.
/// </remarks>
public sealed class ColumnAssertions
{
    private readonly DataAssertions _table;

    internal ColumnAssertions(DataAssertions table, string column)
    {
        _table = table;
        Column = column;
    }

    /// <summary>The column under test.</summary>
    public string Column { get; }

    /// <summary>Goes back to the table, to assert on another column: <c>.And.HaveColumn("id")</c>.</summary>
    public DataAssertions And => _table;

    /// <summary>No value is null (<see cref="Dq.Expectations.Catalog.ExpectColumnValuesToNotBeNull"/>).</summary>
    /// <exception cref="DataAssertionException">A value is null; the message gives the rows.</exception>
    public ColumnAssertions WithNoNulls(double? mostly = null) => Check(b => b.ExpectColumnValuesToNotBeNull(Column, mostly));

    /// <summary>Every value is null (<see cref="Dq.Expectations.Catalog.ExpectColumnValuesToBeNull"/>).</summary>
    /// <exception cref="DataAssertionException">A value is not null.</exception>
    public ColumnAssertions WithOnlyNulls(double? mostly = null) => Check(b => b.ExpectColumnValuesToBeNull(Column, mostly));

    /// <summary>No non-null value occurs twice (<see cref="Dq.Expectations.Catalog.ExpectColumnValuesToBeUnique"/>; every copy counts as unexpected).</summary>
    /// <exception cref="DataAssertionException">A value repeats.</exception>
    public ColumnAssertions WithUniqueValues(double? mostly = null) => Check(b => b.ExpectColumnValuesToBeUnique(Column, mostly));

    /// <summary>Values lie within the bounds, inclusive unless strict, open when null (<see cref="Dq.Expectations.Catalog.ExpectColumnValuesToBeBetween"/>).</summary>
    /// <exception cref="DataAssertionException">A value is out of bounds.</exception>
    public ColumnAssertions WithValuesBetween(object? min, object? max, bool strictMin = false, bool strictMax = false, double? mostly = null) =>
        Check(b => b.ExpectColumnValuesToBeBetween(Column, min, max, strictMin, strictMax, mostly));

    /// <summary>Values are among <paramref name="values"/> (<see cref="Dq.Expectations.Catalog.ExpectColumnValuesToBeInSet"/>).</summary>
    /// <exception cref="DataAssertionException">A value is outside the set.</exception>
    public ColumnAssertions WithValuesIn<T>(IEnumerable<T> values, double? mostly = null) => Check(b => b.ExpectColumnValuesToBeInSet(Column, values, mostly));

    /// <summary>No value is among <paramref name="values"/> (<see cref="Dq.Expectations.Catalog.ExpectColumnValuesToNotBeInSet"/>).</summary>
    /// <exception cref="DataAssertionException">A value is in the set.</exception>
    public ColumnAssertions WithValuesNotIn<T>(IEnumerable<T> values, double? mostly = null) => Check(b => b.ExpectColumnValuesToNotBeInSet(Column, values, mostly));

    /// <summary>Text values parse with a Python strftime format, such as <c>%Y-%m-%d</c> (<see cref="Dq.Expectations.Catalog.ExpectColumnValuesToMatchStrftimeFormat"/>).</summary>
    /// <exception cref="DataAssertionException">A value does not match.</exception>
    public ColumnAssertions MatchingStrftimeFormat(string format, double? mostly = null) => Check(b => b.ExpectColumnValuesToMatchStrftimeFormat(Column, format, mostly));

    /// <summary>
    /// Any column expectation by its GX type and kwargs (the <c>column</c> kwarg is added), for types without a method
    /// here: <c>.Satisfying(ExpectColumnValuesToMatchRegex.TypeName, new Dictionary&lt;string, object?&gt; { ["regex"] = "^a" })</c>.
    /// </summary>
    /// <exception cref="DataAssertionException">The expectation failed.</exception>
    /// <exception cref="Dq.Expectations.ConfigurationException">The type is unknown to this version of dq, or a kwarg is invalid.</exception>
    public ColumnAssertions Satisfying(string type, IReadOnlyDictionary<string, object?> kwargs)
    {
        ArgumentNullException.ThrowIfNull(kwargs);
        var withColumn = new Dictionary<string, object?>(kwargs) { ["column"] = Column };
        return Check(b => b.Expect(type, withColumn));
    }

    private ColumnAssertions Check(Func<Dq.Expectations.Suites.SuiteBuilder, Dq.Expectations.Suites.SuiteBuilder> add)
    {
        _table.Check(add);
        return this;
    }
}
