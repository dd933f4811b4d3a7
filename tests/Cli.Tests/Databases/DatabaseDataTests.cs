using System.Text;
using DuckDB.NET.Data;
using Npgsql;

namespace Dq.Cli.Tests.Databases;

/// <summary>
/// <c>dq validate postgresql://… --table</c> and <c>duckdb:&lt;file&gt;</c>: the suite runs inside the database, gives
/// the answers it gives over the file, and connection problems exit 3 naming the server and table, never the password.
/// </summary>
public sealed class DatabaseDataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dq-db-").FullName;
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");
    private static readonly string s_suite = Repository.PathOf("samples", "orders", "orders.suite.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void DuckDbFile_GivesTheSummaryOfTheCsv()
    {
        var database = Path.Combine(_folder, "orders.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE TABLE orders AS SELECT * FROM read_csv('{s_orders.Replace("'", "''", StringComparison.Ordinal)}', header = true, types = {{'order_date': 'VARCHAR'}})";
            command.ExecuteNonQuery();
        }

        var (fileCode, fileOut, _) = DqRunner.Run("validate", s_orders, "--suite", s_suite, "--store", "none");
        var (code, output, error) = DqRunner.Run("validate", $"duckdb:{database}", "--table", "orders", "--suite", s_suite, "--store", "none");

        Assert.True(code == ExitCodes.ExpectationFailed, error);
        Assert.Equal(fileCode, code);
        Assert.Equal(Table(fileOut), Table(output));
        Assert.Contains($"duckdb:{database}/orders: 200 rows", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TableWithoutDatabase_AndDatabaseWithoutTable_AreUsageErrors()
    {
        var (code, _, error) = DqRunner.Run("validate", s_orders, "--table", "orders", "--suite", s_suite);
        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("--table and --query", error, StringComparison.Ordinal);

        (code, _, error) = DqRunner.Run("validate", "duckdb:nowhere.duckdb", "--suite", s_suite);
        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("--table", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_ValidatesInTheDatabase_AndThePasswordAppearsNowhere()
    {
        var server = Server();
        var table = $"orders_{Guid.NewGuid():N}"[..20];
        using var connection = new NpgsqlConnection(server.ConnectionString);
        connection.Open();
        Execute(connection, $"CREATE TABLE {table} (order_id BIGINT, customer_id TEXT, amount DOUBLE PRECISION, status TEXT, order_date TEXT)");
        try
        {
            using (var copy = connection.BeginTextImport($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)"))
            {
                copy.Write(File.ReadAllText(s_orders));
            }
            var uri = $"postgresql://{server.Username}:{Uri.EscapeDataString(server.Password!)}@{server.Host}:{server.Port}/{server.Database}";
            var json = Path.Combine(_folder, "result.json");
            var junit = Path.Combine(_folder, "junit.xml");
            var store = Path.Combine(_folder, "store.db");
            var docs = Path.Combine(_folder, "docs");

            var (code, output, error) = DqRunner.Run("validate", uri, "--table", $"public.{table}", "--suite", s_suite,
                "--output", json, "--junit", junit, "--store", store, "--docs", docs);
            var wrong = DqRunner.Run("validate", uri.Replace(Uri.EscapeDataString(server.Password!), "Wr0ng-Secret-4711", StringComparison.Ordinal), "--table", table, "--suite", s_suite, "--store", "none");
            var missing = DqRunner.Run("validate", uri, "--table", "public.no_such_table", "--suite", s_suite, "--store", "none");
            var refused = DqRunner.Run("validate", $"postgresql://{server.Username}:{Uri.EscapeDataString(server.Password!)}@127.0.0.1:1/{server.Database}", "--table", table, "--suite", s_suite, "--store", "none");

            Assert.True(code == ExitCodes.ExpectationFailed, error);
            Assert.Contains($"{server.Host}:{server.Port}/{server.Database}/public.{table}: 200 rows", output, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.DataUnreadable, wrong.Code);
            Assert.Contains("password authentication failed", wrong.Err, StringComparison.Ordinal);
            Assert.Contains($"{server.Host}:{server.Port}/{server.Database}", wrong.Err, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.DataUnreadable, missing.Code);
            Assert.Contains("no_such_table", missing.Err, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.DataUnreadable, refused.Code);
            Assert.Contains("127.0.0.1:1", refused.Err, StringComparison.Ordinal);

            string[] secrets = [server.Password!, Uri.EscapeDataString(server.Password!), "Wr0ng-Secret-4711"];
            var texts = new[] { output, error, wrong.Out, wrong.Err, missing.Out, missing.Err, refused.Out, refused.Err }
                .Concat(new[] { json, junit, store }.Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))))
                .Concat(Directory.EnumerateFiles(docs, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
            foreach (var text in texts)
            {
                foreach (var secret in secrets.Where(s => s.Length >= 4))
                {
                    Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            Execute(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }

    /// <summary>The test server (DQ_TEST_POSTGRES), with a password: the test is about where that password goes.</summary>
    private static NpgsqlConnectionStringBuilder Server()
    {
        var uri = Environment.GetEnvironmentVariable("DQ_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrEmpty(uri), "DQ_TEST_POSTGRES is not set: this test needs a PostgreSQL server (a libpq URI; .ci/run starts one)");
        var builder = Dq.Sql.PostgresConnectionString.FromUri(uri!, Environment.GetEnvironmentVariable("PGPASSWORD"));
        Assert.SkipWhen(string.IsNullOrEmpty(builder.Password), "DQ_TEST_POSTGRES has no password (and PGPASSWORD is unset): the test checks where a password goes");
        return builder;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The summary's expectation rows, without the header line (which names the data and the time).</summary>
    private static string Table(string summary) => string.Join('\n', summary.Split('\n').Skip(1));
}
