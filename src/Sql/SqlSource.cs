using System.Data.Common;
using Dq.Expectations;
using DuckDB.NET.Data;
using Npgsql;

namespace Dq.Sql;

/// <summary>
/// A table or query in a database that <see cref="SqlValidator"/> validates where it lives: dq sends aggregate
/// queries and receives numbers, distinct values with counts, and samples of unexpected rows.
/// </summary>
/// <remarks>
/// A source opens one connection per validation (or uses the caller's, which it never closes). Row indices
/// (<c>unexpected_index_list</c>) and the increasing/decreasing checks follow <see cref="RowOrder"/>: for a table by
/// default its storage order (PostgreSQL's <c>ctid</c>, DuckDB's <c>rowid</c>), which is load order for a table that
/// is only appended to; a query has no order unless <see cref="RowOrder"/> names its columns.
/// </remarks>
public sealed class SqlSource
{
    private readonly Func<DbConnection>? _open;
    private readonly DbConnection? _shared;

    private SqlSource(SqlEngine engine, Func<DbConnection>? open, DbConnection? shared, string server, string? table, string? query)
    {
        if ((table is null) == (query is null))
        {
            throw new ArgumentException("Give a table or a query to validate, not both and not neither.");
        }
        Engine = engine;
        _open = open;
        _shared = shared;
        Server = server;
        Table = table;
        Query = query;
        Relation = table is not null ? SqlRelation.Table(table) : SqlRelation.Query(query!);
    }

    /// <summary>The database engine.</summary>
    public SqlEngine Engine { get; }

    /// <summary>The server and database (never a password), as named in results and messages.</summary>
    public string Server { get; }

    /// <summary>The table (<c>schema.table</c> or <c>table</c>), or null for a query.</summary>
    public string? Table { get; }

    /// <summary>The query whose rows are validated, or null for a table.</summary>
    public string? Query { get; }

    /// <summary>
    /// Columns whose values order the rows (each quoted as an identifier): the order of row indices and of the
    /// increasing/decreasing checks. Null: a table's storage order, or no order for a query.
    /// </summary>
    public IReadOnlyList<string>? RowOrder { get; init; }

    /// <summary>The data asset's name in results: the server and the table, or the server and "query".</summary>
    public string Name => $"{Server}/{Table ?? "query"}";

    internal SqlDialect Dialect => SqlDialect.For(Engine);

    internal SqlRelation Relation { get; }

    /// <summary>A PostgreSQL table or query, from a libpq URI or an Npgsql connection string.</summary>
    /// <param name="connection">A <c>postgresql://</c> URI or an Npgsql connection string.</param>
    /// <param name="table">The table, <c>schema.table</c> or <c>table</c>.</param>
    /// <param name="query">A query whose rows to validate instead of a table.</param>
    /// <param name="password">The password when <paramref name="connection"/> has none (PGPASSWORD, a secret store).</param>
    /// <exception cref="ArgumentException">The connection text cannot be read; the message has no password.</exception>
    public static SqlSource PostgreSql(string connection, string? table = null, string? query = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        NpgsqlConnectionStringBuilder builder;
        if (PostgresConnectionString.IsUri(connection))
        {
            builder = PostgresConnectionString.FromUri(connection, password);
        }
        else
        {
            try
            {
                builder = new NpgsqlConnectionStringBuilder(connection);
            }
            catch (ArgumentException)
            {
                throw new ArgumentException("The PostgreSQL connection string could not be read; write a postgresql://user@host:port/database URI.", nameof(connection));
            }
            builder.Password ??= password;
        }
        var connectionString = builder.ConnectionString;
        var server = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        return new SqlSource(SqlEngine.PostgreSql, () => new NpgsqlConnection(connectionString), null, server, table, query);
    }

    /// <summary>A DuckDB table or query in a database file (opened read-only), or in memory for <c>:memory:</c>.</summary>
    public static SqlSource DuckDb(string databasePath, string? table = null, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(databasePath);
        var memory = databasePath is ":memory:" or "";
        var connectionString = memory ? "Data Source=:memory:" : $"Data Source={databasePath};ACCESS_MODE=READ_ONLY";
        if (!memory && !File.Exists(databasePath))
        {
            throw new DataReadException($"DuckDB database `{databasePath}` does not exist; give the path of a .duckdb file.") { FilePath = databasePath };
        }
        return new SqlSource(SqlEngine.DuckDb, () => new DuckDBConnection(connectionString), null, $"duckdb:{databasePath}", table, query);
    }

    /// <summary>A table or query over a connection the caller owns (open or not); dq never closes or disposes it.</summary>
    public static SqlSource OnConnection(DbConnection connection, string? table = null, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var engine = connection switch
        {
            NpgsqlConnection => SqlEngine.PostgreSql,
            DuckDBConnection => SqlEngine.DuckDb,
            _ => throw new ArgumentException($"dq runs suites inside PostgreSQL (Npgsql) and DuckDB; {connection.GetType().Name} is neither.", nameof(connection)),
        };
        var server = engine == SqlEngine.PostgreSql ? $"postgresql://{connection.DataSource}/{connection.Database}" : $"duckdb:{connection.DataSource}";
        return new SqlSource(engine, null, connection, server, table, query);
    }

    /// <summary>An open connection and whether the caller of <see cref="Open"/> owns it.</summary>
    internal SqlSession Open()
    {
        if (_shared is not null)
        {
            if (_shared.State != System.Data.ConnectionState.Open)
            {
                Connect(_shared);
            }
            return new SqlSession(this, _shared, owned: false);
        }
        var connection = _open!();
        try
        {
            Connect(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new SqlSession(this, connection, owned: true);
    }

    private void Connect(DbConnection connection)
    {
        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is DbException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            throw new DataReadException($"Could not connect to {Server}: {SqlErrors.Describe(e)}", e);
        }
    }
}
