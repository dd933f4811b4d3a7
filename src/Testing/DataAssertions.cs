using Dq.Expectations.Columns;
using Dq.Expectations.Suites;

namespace Dq.Testing;

/// <summary>
/// Fluent assertions on a table, started with <c>Should()</c>: <c>frame.Should().HaveRowCount(3).HaveColumn("email").WithNoNulls()</c>.
/// </summary>
/// <remarks>
/// Each call checks its expectation at once and throws a <see cref="DataAssertionException"/> when it fails, so a
/// chain needs no closing call; a chain stops at its first failure. To see every failure of many expectations in one
/// message, build a suite and call <see cref="Satisfy"/> (or <see cref="DataAssert"/>).
/// </remarks>
public sealed class DataAssertions
{
    private readonly Func<IBatchSource> _open;

    internal DataAssertions(Func<IBatchSource> open) => _open = open;

    /// <summary>Asserts that the table has the column, and returns assertions on its values.</summary>
    /// <exception cref="DataAssertionException">The column is missing; the message lists the columns found.</exception>
    public ColumnAssertions HaveColumn(string column)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        Check(b => b.ExpectColumnToExist(column));
        return new ColumnAssertions(this, column);
    }

    /// <summary>Asserts that the table has exactly <paramref name="rows"/> rows (<see cref="Dq.Expectations.Catalog.ExpectTableRowCountToEqual"/>).</summary>
    /// <exception cref="DataAssertionException">The row count differs.</exception>
    public DataAssertions HaveRowCount(long rows) => Check(b => b.ExpectTableRowCountToEqual(rows));

    /// <summary>Asserts that the row count lies within the bounds, each inclusive and open when null.</summary>
    /// <exception cref="DataAssertionException">The row count is out of bounds.</exception>
    public DataAssertions HaveRowCountBetween(long? min, long? max) => Check(b => b.ExpectTableRowCountToBeBetween(min, max));

    /// <summary>Asserts that the table satisfies every expectation of <paramref name="suite"/>; the message lists every failure.</summary>
    /// <exception cref="DataAssertionException">An expectation of severity <c>error</c> failed.</exception>
    public DataAssertions Satisfy(ExpectationSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        using var source = _open();
        DataAssert.Satisfies(source, suite);
        return this;
    }

    /// <summary>
    /// Asserts any expectation by its GX type and kwargs, for types without a method here (such as a table
    /// expectation added later to dq).
    /// </summary>
    /// <exception cref="DataAssertionException">The expectation failed.</exception>
    /// <exception cref="Dq.Expectations.ConfigurationException">The type is unknown or a kwarg is invalid.</exception>
    public DataAssertions Satisfying(string type, IReadOnlyDictionary<string, object?> kwargs) => Check(b => b.Expect(type, kwargs));

    internal DataAssertions Check(Func<SuiteBuilder, SuiteBuilder> add)
    {
        var suite = add(ExpectationSuite.Create("assertion")).Build();
        using var source = _open();
        DataAssert.Satisfies(source, suite);
        return this;
    }
}
