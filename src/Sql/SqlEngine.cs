namespace Dq.Sql;

/// <summary>The databases dq runs suites inside.</summary>
public enum SqlEngine
{
    /// <summary>PostgreSQL (and engines that speak its protocol and SQL), through Npgsql.</summary>
    PostgreSql,

    /// <summary>DuckDB (a database file, or an in-memory database reading Parquet or CSV), through DuckDB.NET.</summary>
    DuckDb,
}
