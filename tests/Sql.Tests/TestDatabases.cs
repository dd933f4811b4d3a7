using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;

namespace Dq.Sql.Tests;

/// <summary>
/// The databases tests run against: an in-memory DuckDB, and the PostgreSQL server of <c>DQ_TEST_POSTGRES</c> (a
/// libpq URI; .ci/run starts a throwaway one). Without the variable, PostgreSQL tests skip saying so.
/// </summary>
internal static class TestDatabases
{
    public const string PostgresVariable = "DQ_TEST_POSTGRES";

    public static string? PostgresUri => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } uri ? uri : null;

    public static string SkipReason => $"{PostgresVariable} is not set: PostgreSQL tests need a server (a libpq URI such as postgresql://postgres:pw@127.0.0.1:5432/postgres; .ci/run starts one)";

    /// <summary>An open connection to the engine's test database; PostgreSQL tests skip without a server.</summary>
    public static DbConnection Open(SqlEngine engine)
    {
        if (engine == SqlEngine.DuckDb)
        {
            var duck = new DuckDBConnection("Data Source=:memory:");
            duck.Open();
            return duck;
        }
        Assert.SkipWhen(PostgresUri is null, SkipReason);
        var connection = new NpgsqlConnection(PostgresConnectionString.FromUri(PostgresUri!, Environment.GetEnvironmentVariable("PGPASSWORD")).ConnectionString);
        connection.Open();
        return connection;
    }

    public static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A table name unique to this test run, so parallel tests and earlier runs never collide.</summary>
    public static string UniqueName(string stem) => $"{stem}_{Guid.NewGuid():N}"[..Math.Min(60, stem.Length + 33)];
}
