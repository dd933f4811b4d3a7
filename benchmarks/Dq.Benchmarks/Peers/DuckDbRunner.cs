using System.Data.Common;
using DuckDB.NET.Data;

namespace Dq.Benchmarks.Peers;

/// <summary>Runs SQL on an in-process DuckDB, the engine dq is measured against.</summary>
public static class DuckDbRunner
{
    /// <summary>Opens an in-memory database using every core (DuckDB's default).</summary>
    public static DuckDBConnection Open(int threads = 0)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        if (threads > 0)
        {
            Execute(connection, $"SET threads = {threads}");
        }
        return connection;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a query and reads every value, so that nothing is left lazily unevaluated.</summary>
    public static long Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        long checksum = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                checksum += reader.IsDBNull(i) ? 0 : reader.GetValue(i).GetHashCode();
            }
        }
        return checksum;
    }

    /// <summary>Prints a query's rows as name=value lines.</summary>
    public static void Print(string sql)
    {
        using var connection = Open();
        Print(connection, sql);
    }

    /// <summary>Prints a query's rows on an open connection.</summary>
    public static void Print(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Console.WriteLine(string.Join("  ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : reader.GetValue(i))}")));
        }
    }
}
