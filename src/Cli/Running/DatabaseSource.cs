using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Sql;

namespace Dq.Cli.Running;

/// <summary>
/// A table or query in a database, as the data argument or a checkpoint's <c>data:</c> names it:
/// <c>postgresql://user@host:port/db</c> (also <c>postgres://</c>) or <c>duckdb:&lt;file&gt;</c>, with
/// <c>--table</c> or <c>--query</c>. The suite runs inside the database (<see cref="SqlValidator"/>).
/// </summary>
/// <remarks>
/// The password comes from the URI, the environment variable <see cref="PasswordEnv"/> (a checkpoint's
/// <c>password_env:</c>) or <c>PGPASSWORD</c>; it never appears in <see cref="AssetName"/>, messages, results, the store
/// or data docs, which all name the server by host, port, database and table only.
/// </remarks>
internal sealed record DatabaseSource(string Location, string? Table, string? Query, string? PasswordEnv)
{
    private const string DuckDbPrefix = "duckdb:";

    /// <summary>Whether a data argument names a database rather than a file.</summary>
    public static bool IsDatabase(string data) => PostgresConnectionString.IsUri(data) || data.StartsWith(DuckDbPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the options of a database data argument; <paramref name="folder"/> resolves a relative DuckDB path.</summary>
    /// <exception cref="ConfigurationException">Neither or both of table and query, or a URI dq cannot read (exit 2).</exception>
    public static DatabaseSource Create(string data, string? table, string? query, string? passwordEnv, string folder)
    {
        if ((table is null) == (query is null))
        {
            throw new ConfigurationException($"`{Redacted(data)}` is a database: give the table to validate with --table <schema.table> (checkpoint: `table:`) or a query with --query <sql> (`query:`), one of the two.");
        }
        if (PostgresConnectionString.IsUri(data))
        {
            try
            {
                _ = PostgresConnectionString.FromUri(data);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new ConfigurationException(e.Message);
            }
            return new DatabaseSource(data, table, query, passwordEnv);
        }
        var path = data[DuckDbPrefix.Length..];
        if (path.Length == 0)
        {
            throw new ConfigurationException("`duckdb:` needs the path of a DuckDB database file, such as duckdb:warehouse.duckdb (or duckdb::memory: for a query over Parquet or CSV files).");
        }
        return new DatabaseSource(DuckDbPrefix + (path == ":memory:" ? path : Path.GetFullPath(Path.Combine(folder, path))), table, query, passwordEnv);
    }

    /// <summary>The name of the data in summaries, results and the store: server and table (or "query"), no password.</summary>
    public string AssetName => $"{Redacted(Location)}{(Location.EndsWith('/') ? "" : "/")}{Table ?? "query"}";

    /// <summary>Runs the suite inside the database.</summary>
    /// <exception cref="DataReadException">The database could not be reached, refused a query, or has no such table (exit 3).</exception>
    public ValidationResult Validate(ExpectationSuite suite, ValidationOptions options, CancellationToken cancellationToken)
    {
        var source = Open();
        return SqlValidator.Validate(source, suite, options, cancellationToken);
    }

    private SqlSource Open()
    {
        if (Location.StartsWith(DuckDbPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return SqlSource.DuckDb(Location[DuckDbPrefix.Length..], Table, Query);
        }
        var password = PasswordEnv is { } name ? Environment.GetEnvironmentVariable(name) : Environment.GetEnvironmentVariable("PGPASSWORD");
        if (PasswordEnv is { } variable && password is null)
        {
            throw new DataReadException($"{AssetName}: `password_env: {variable}` names an environment variable that is not set; set it to the database password.");
        }
        return SqlSource.PostgreSql(Location, Table, Query, password);
    }

    /// <summary>The server as <c>postgresql://user@host:port/db</c>: the URI without its password or parameters.</summary>
    private static string Redacted(string location)
    {
        if (!PostgresConnectionString.IsUri(location))
        {
            return location;
        }
        var query = location.IndexOf('?', StringComparison.Ordinal);
        return PostgresConnectionString.Redact(query < 0 ? location : location[..query]).Replace(":***@", "@", StringComparison.Ordinal);
    }
}
