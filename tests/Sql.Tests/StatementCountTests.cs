using System.Globalization;
using Dq.Expectations;

namespace Dq.Sql.Tests;

/// <summary>
/// What a suite costs the database, as the server itself counts it (pg_stat_statements): for the seed suite over
/// 100,000 rows, a handful of statements, and far fewer rows sent back than the table holds.
/// </summary>
public sealed class StatementCountTests
{
    private const int Rows = 100_000;

    [Fact]
    public void SeedSuite_On100kRows_IssuesAHandfulOfStatementsAndReturnsFewRows()
    {
        using var connection = TestDatabases.Open(SqlEngine.PostgreSql);
        Assert.SkipWhen(!HasStatementStatistics(connection),
            "the server does not load pg_stat_statements (shared_preload_libraries = pg_stat_statements; .ci/run's cluster does)");
        var table = TestDatabases.UniqueName("orders_100k");
        SeedOrders.Create(connection, table, SeedOrders.Generated(Rows));
        try
        {
            TestDatabases.Execute(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            // The validation runs on a connection of its own, so only its statements carry its application name.
            var uri = TestDatabases.PostgresUri!;
            var application = "dq_count_" + Guid.NewGuid().ToString("N")[..8];
            var separator = uri.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            TestDatabases.Execute(connection, "SELECT pg_stat_statements_reset()");
            var run = SqlValidator.Run(SqlSource.PostgreSql(uri + separator + "application_name=" + application, table: table, password: Environment.GetEnvironmentVariable("PGPASSWORD")),
                SeedOrders.Suite, new ValidationOptions(), TestContext.Current.CancellationToken);
            var (statements, rowsBack) = Statistics(connection, table);

            Assert.Equal(Rows, run.Result.Run.RowCount);
            Assert.False(run.Result.Success); // the generated faults are found
            Assert.Equal(run.Statements, statements);
            Assert.Equal(run.RowsReceived, rowsBack);
            // The schema, one aggregate query, one GROUP BY (the strftime column), a sample per failing check (two for uniqueness:
            // its first duplicated values, then their rows) and one count of the sampled rows' positions: 10.
            Assert.InRange(statements, 1, 12);
            Assert.InRange(rowsBack, 1, Rows / 20);
            Assert.False(run.PathCounts.ContainsKey("pulled"));
            TestContext.Current.SendDiagnosticMessage($"seed suite on {Rows} rows: {statements} statements, {rowsBack} rows back; metrics by path: {string.Join(", ", run.PathCounts.Select(p => $"{p.Key} {p.Value}"))}");
        }
        finally
        {
            TestDatabases.Execute(connection, $"DROP TABLE {table}");
        }
    }

    private static bool HasStatementStatistics(System.Data.Common.DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pg_settings WHERE name = 'shared_preload_libraries' AND setting LIKE '%pg_stat_statements%'";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The statements that read the table (the validation's only), and the rows they returned.</summary>
    private static (long Statements, long Rows) Statistics(System.Data.Common.DbConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(sum(calls), 0), COALESCE(sum(rows), 0) FROM pg_stat_statements WHERE query LIKE @t AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE 'DROP%'";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "t";
        parameter.Value = $"%{table}%";
        command.Parameters.Add(parameter);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }
}
