using System.Diagnostics;
using System.Globalization;
using Dq.Benchmarks.Data;
using Dq.Expectations;
using Dq.Expectations.Suites;
using Dq.Sql;
using DuckDB.NET.Data;
using Npgsql;

namespace Dq.Benchmarks;

/// <summary>
/// The seed suite over the generated orders table (10M rows) inside DuckDB and PostgreSQL, three ways: dq's pushdown
/// (one aggregate statement per row condition), the same SQL sent one statement per metric (GX's pattern), and
/// pulling the table's columns into dq's engine (SqlBatchSource). Wall-clock min and median of the repetitions,
/// with the statements and rows each way sends and receives.
/// </summary>
public static class SqlPushdown
{
    /// <summary>Usage: sqlpushdown [repeats] [duckdb|postgresql|both]; PostgreSQL needs DQ_TEST_POSTGRES (a libpq URI).</summary>
    public static void Run(string[] args)
    {
        var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var which = args.Length > 1 ? args[1] : "both";
        var suite = SuiteJson.Read(Path.Combine(DataFiles.Folder, "..", "..", "samples", "orders", "orders.suite.json"));
        Console.WriteLine($"# orders: {DataFiles.OrdersRows:N0} rows; suite samples/orders/orders.suite.json ({suite.Expectations.Count} expectations); {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        if (which is "duckdb" or "both")
        {
            var file = DuckDbFile();
            Console.WriteLine($"# DuckDB {Scalar(new DuckDBConnection($"Data Source={file};ACCESS_MODE=READ_ONLY"), "SELECT version()")} ({file})");
            Time("duckdb", SqlSource.DuckDb(file, table: "orders"), suite, repeats);
        }
        if (which is "postgresql" or "both" && Environment.GetEnvironmentVariable("DQ_TEST_POSTGRES") is { Length: > 0 } uri)
        {
            var table = PostgresTable(uri);
            var source = SqlSource.PostgreSql(uri, table: table, password: Environment.GetEnvironmentVariable("PGPASSWORD"));
            Console.WriteLine($"# {Scalar(new NpgsqlConnection(PostgresConnectionString.FromUri(uri, Environment.GetEnvironmentVariable("PGPASSWORD")).ConnectionString), "SELECT version()")}");
            Time("postgresql", source, suite, repeats);
        }
    }

    private static void Time(string engine, SqlSource source, ExpectationSuite suite, int repeats)
    {
        Console.WriteLine("| engine | way | min s | median s | statements | rows back | failed expectations |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (way, run) in new (string, Func<(int Statements, long Rows, int Failed)>)[]
        {
            ("pushdown (dq)", () => Counts(SqlValidator.Run(source, suite, null, CancellationToken.None))),
            ("one statement per metric", () => Counts(SqlValidator.Run(source, suite, null, expressionsPerQuery: 1, CancellationToken.None))),
            ("pull into dq's engine", () => Pull(source, suite)),
        })
        {
            var times = new List<double>();
            (int Statements, long Rows, int Failed) last = default;
            for (var i = 0; i < repeats; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                last = run();
                times.Add(stopwatch.Elapsed.TotalSeconds);
            }
            times.Sort();
            if (way == "pushdown (dq)" && Environment.GetEnvironmentVariable("DQ_SQL_LOG") == "1")
            {
                foreach (var (statement, elapsed) in SqlValidator.Run(source, suite, null, CancellationToken.None).Log)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#   {elapsed.TotalSeconds,6:F2} s  {statement.ReplaceLineEndings(" ")[..Math.Min(150, statement.ReplaceLineEndings(" ").Length)]}"));
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {engine} | {way} | {times[0]:F2} | {times[times.Count / 2]:F2} | {(last.Statements < 0 ? "1 (all columns)" : last.Statements.ToString(CultureInfo.InvariantCulture))} | {last.Rows:N0} | {last.Failed} |"));
        }
    }

    private static (int, long, int) Counts(SqlRun run) => (run.Statements, run.RowsReceived, run.Result.Results.Count(r => !r.Success));

    private static (int, long, int) Pull(SqlSource source, ExpectationSuite suite)
    {
        using var batches = new SqlBatchSource(source);
        var result = Validator.Validate(batches, suite);
        return (-1, result.Run.RowCount, result.Results.Count(r => !r.Success));
    }

    /// <summary>benchmarks/data/orders-N.duckdb, loaded from the orders CSV once.</summary>
    private static string DuckDbFile()
    {
        var file = Path.ChangeExtension(DataFiles.OrdersCsv, ".duckdb");
        if (!File.Exists(file))
        {
            using var connection = new DuckDBConnection($"Data Source={file}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE TABLE orders AS SELECT * FROM read_csv('{DataFiles.OrdersCsv}', header=true, {DataFiles.OrdersCsvTypes})";
            command.ExecuteNonQuery();
        }
        return file;
    }

    /// <summary>public.orders_N in the server, COPYed from the orders CSV once (kept between runs).</summary>
    private static string PostgresTable(string uri)
    {
        var table = $"orders_{DataFiles.OrdersRows}";
        using var connection = new NpgsqlConnection(PostgresConnectionString.FromUri(uri, Environment.GetEnvironmentVariable("PGPASSWORD")).ConnectionString);
        connection.Open();
        using (var exists = new NpgsqlCommand($"SELECT count(*) FROM pg_tables WHERE tablename = '{table}'", connection))
        {
            if ((long)exists.ExecuteScalar()! > 0)
            {
                return "public." + table;
            }
        }
        using (var create = new NpgsqlCommand($"CREATE TABLE {table} (order_id BIGINT, customer_id TEXT, amount DOUBLE PRECISION, status TEXT, order_date TEXT)", connection))
        {
            create.ExecuteNonQuery();
        }
        using (var copy = connection.BeginTextImport($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)"))
        using (var csv = File.OpenText(DataFiles.OrdersCsv))
        {
            var buffer = new char[1 << 16];
            int read;
            while ((read = csv.Read(buffer, 0, buffer.Length)) > 0)
            {
                copy.Write(buffer, 0, read);
            }
        }
        using (var analyze = new NpgsqlCommand($"ANALYZE {table}", connection))
        {
            analyze.ExecuteNonQuery();
        }
        return "public." + table;
    }

    private static string Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        }
    }
}
