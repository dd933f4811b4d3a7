using DuckDB.NET.Data;

namespace Dq.Benchmarks.Data;

/// <summary>
/// The benchmark data files in benchmarks/data/ (git-ignored): the generated orders table as CSV and Parquet,
/// made on first use, and the vega-datasets files fetched by benchmarks/fetch-data.sh.
/// </summary>
public static class DataFiles
{
    /// <summary>Rows of the orders table; DQ_ORDERS_ROWS overrides it for quick runs of the harness.</summary>
    public static int OrdersRows { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("DQ_ORDERS_ROWS"), out var rows) ? rows : 10_000_000;

    /// <summary>benchmarks/data, found by walking up from the working directory or the binary.</summary>
    public static string Folder { get; } = FindFolder();

    /// <summary>The orders CSV, generated if missing.</summary>
    public static string OrdersCsv => Ensure().Csv;

    /// <summary>The orders Parquet (snappy), converted from the CSV by DuckDB if missing.</summary>
    public static string OrdersParquet => Ensure().Parquet;

    /// <summary>The orders Parquet with <c>amount</c> as DECIMAL(12, 2), converted by DuckDB from the orders Parquet if missing.</summary>
    public static string OrdersDecimalParquet
    {
        get
        {
            var source = OrdersParquet;
            var path = source.Replace(".parquet", "-decimal.parquet", StringComparison.Ordinal);
            if (!File.Exists(path))
            {
                using var connection = new DuckDBConnection("DataSource=:memory:");
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText =
                    $"COPY (SELECT order_id, customer_id, CAST(amount AS DECIMAL(12, 2)) AS amount, status, order_date FROM read_parquet('{source}')) " +
                    $"TO '{path}.tmp' (FORMAT PARQUET, COMPRESSION SNAPPY)";
                command.ExecuteNonQuery();
                File.Move(path + ".tmp", path, overwrite: true);
            }
            return path;
        }
    }

    /// <summary>flights-3m.parquet from vega-datasets 3.2.1.</summary>
    public static string FlightsParquet => Fetched("flights-3m.parquet");

    /// <summary>airports.csv from vega-datasets 3.2.1.</summary>
    public static string AirportsCsv => Fetched("airports.csv");

    /// <summary>The orders CSV's column types, so DuckDB reads exactly the types dq infers.</summary>
    public const string OrdersCsvTypes = "types={'order_id':'BIGINT','customer_id':'VARCHAR','amount':'DOUBLE','status':'VARCHAR','order_date':'VARCHAR'}";

    private static (string Csv, string Parquet) Ensure()
    {
        var stem = Path.Combine(Folder, OrdersRows == 10_000_000 ? "orders-10m" : $"orders-{OrdersRows}");
        var (csv, parquet) = (stem + ".csv", stem + ".parquet");
        if (!File.Exists(csv))
        {
            OrdersGenerator.WriteCsv(csv + ".tmp", OrdersRows);
            File.Move(csv + ".tmp", csv, overwrite: true);
        }
        if (!File.Exists(parquet))
        {
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                $"COPY (SELECT * FROM read_csv('{csv}', header=true, {OrdersCsvTypes})) TO '{parquet}.tmp' (FORMAT PARQUET, COMPRESSION SNAPPY)";
            command.ExecuteNonQuery();
            File.Move(parquet + ".tmp", parquet, overwrite: true);
        }
        return (csv, parquet);
    }

    private static string Fetched(string name)
    {
        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: run benchmarks/fetch-data.sh first.");
    }

    private static string FindFolder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "dq.slnx")))
                {
                    var folder = Path.Combine(dir.FullName, "benchmarks", "data");
                    Directory.CreateDirectory(folder);
                    return folder;
                }
            }
        }
        throw new DirectoryNotFoundException("Cannot find the repository root (dq.slnx) above the working directory.");
    }
}
