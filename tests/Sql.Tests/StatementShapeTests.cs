using Dq.Expectations;

namespace Dq.Sql.Tests;

/// <summary>
/// One aggregate statement per row condition is a plan choice, never a change of answer: sending each metric as its
/// own statement (GX's pattern, the benchmarks' baseline) gives the same results and brings back the same rows.
/// </summary>
public sealed class StatementShapeTests
{
    [Theory]
    [InlineData(SqlEngine.DuckDb)]
    [InlineData(SqlEngine.PostgreSql)]
    public void OneStatementPerMetric_GivesTheSameResultsAndRows(SqlEngine engine)
    {
        using var connection = TestDatabases.Open(engine);
        var table = TestDatabases.UniqueName("orders");
        SeedOrders.Create(connection, table, SeedOrders.CsvRows());
        try
        {
            var source = SqlSource.OnConnection(connection, table: table);
            var together = SqlValidator.Run(source, SeedOrders.Suite, null, TestContext.Current.CancellationToken);
            var apart = SqlValidator.Run(source, SeedOrders.Suite, null, expressionsPerQuery: 1, TestContext.Current.CancellationToken);

            Assert.Equal(SameAnswersTests.Comparable(together.Result), SameAnswersTests.Comparable(apart.Result));
            Assert.True(together.RowsReceived + (apart.Statements - together.Statements) == apart.RowsReceived, $"{together.RowsReceived} rows together, {apart.RowsReceived} apart; paths {string.Join(",", apart.PathCounts)} vs {string.Join(",", together.PathCounts)}"); // one row per extra aggregate statement
            Assert.True(apart.Statements > together.Statements + 5, $"{apart.Statements} statements apart, {together.Statements} together");
        }
        finally
        {
            TestDatabases.Execute(connection, $"DROP TABLE {table}");
        }
    }
}
