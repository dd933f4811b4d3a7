using System.Text.Json;
using Dq.Benchmarks.Data;

namespace Dq.Benchmarks;

/// <summary>
/// One end-to-end case: a data file, a dq suite, and the same checks as one DuckDB query. <c>{src}</c> in the SQL is
/// the file reader (read_csv_auto / read_parquet) or the in-memory table <c>t</c>.
/// </summary>
/// <param name="Name">orders-seed-csv, orders-wide-parquet, flights-parquet, ...</param>
/// <param name="Path">The data file.</param>
/// <param name="Expectations">The suite's expectations as GX JSON objects.</param>
/// <param name="Sql">The checks as one DuckDB query over {src}.</param>
/// <param name="FileSource">The DuckDB table function that reads the file.</param>
public sealed record Workload(string Name, string Path, IReadOnlyList<string> Expectations, string Sql, string FileSource)
{
    /// <summary>The DuckDB query over the file.</summary>
    public string FileSql => Sql.Replace("{src}", FileSource, StringComparison.Ordinal);

    /// <summary>The DuckDB query over the in-memory table t.</summary>
    public string MemorySql => Sql.Replace("{src}", "t", StringComparison.Ordinal);

    /// <summary>The suite as GX JSON.</summary>
    public string SuiteJson => $"{{ \"name\": \"{Name}\", \"expectations\": [\n  {string.Join(",\n  ", Expectations)}\n] }}";

    /// <summary>The suite written to benchmarks/data/suites/, for `dq validate`.</summary>
    public string SuitePath
    {
        get
        {
            var folder = System.IO.Path.Combine(DataFiles.Folder, "suites");
            Directory.CreateDirectory(folder);
            var path = System.IO.Path.Combine(folder, Name + ".json");
            File.WriteAllText(path, SuiteJson);
            return path;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>The workloads of issue 8.</summary>
public static class Workloads
{
    /// <summary>Every workload name.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["orders-seed-csv", "orders-seed-parquet", "orders-wide-csv", "orders-wide-parquet", "flights-parquet",
         "flights-unique-parquet", "flights-condition-parquet", "orders-decimal-parquet"];

    /// <summary>The workload of that name.</summary>
    public static Workload Get(string name) => name switch
    {
        "orders-seed-csv" => Orders(name, DataFiles.OrdersCsv, Csv(DataFiles.OrdersCsv), wide: false),
        "orders-seed-parquet" => Orders(name, DataFiles.OrdersParquet, $"read_parquet('{DataFiles.OrdersParquet}')", wide: false),
        "orders-wide-csv" => Orders(name, DataFiles.OrdersCsv, Csv(DataFiles.OrdersCsv), wide: true),
        "orders-wide-parquet" => Orders(name, DataFiles.OrdersParquet, $"read_parquet('{DataFiles.OrdersParquet}')", wide: true),
        "flights-parquet" => Flights(),
        "flights-unique-parquet" => FlightsUnique(),
        "flights-condition-parquet" => FlightsCondition(),
        "orders-decimal-parquet" => OrdersDecimal(),
        _ => throw new ArgumentException($"Unknown workload `{name}`; one of {string.Join(", ", Names)}.", nameof(name)),
    };

    private static string Csv(string path) => $"read_csv_auto('{path}', header=true, {DataFiles.OrdersCsvTypes})";

    private const string Statuses = "'placed','shipped','delivered','cancelled'";

    private static Workload Orders(string name, string path, string source, bool wide)
    {
        // The seven seed checks (issue 8); customer_id not-null is the sample suite's mostly=0.99 check.
        List<string> dq =
        [
            """{ "type": "expect_column_to_exist", "kwargs": { "column": "order_id" } }""",
            """{ "type": "expect_column_values_to_not_be_null", "kwargs": { "column": "order_id" } }""",
            """{ "type": "expect_column_values_to_be_unique", "kwargs": { "column": "order_id" } }""",
            """{ "type": "expect_column_values_to_not_be_null", "kwargs": { "column": "customer_id", "mostly": 0.99 } }""",
            """{ "type": "expect_column_values_to_be_between", "kwargs": { "column": "amount", "min_value": 0, "max_value": 1000000 } }""",
            """{ "type": "expect_column_values_to_be_in_set", "kwargs": { "column": "status", "value_set": ["placed", "shipped", "delivered", "cancelled"] } }""",
            """{ "type": "expect_column_values_to_match_strftime_format", "kwargs": { "column": "order_date", "strftime_format": "%Y-%m-%d" } }""",
            """{ "type": "expect_table_row_count_to_be_between", "kwargs": { "min_value": 1000, "max_value": 10000000 } }""",
        ];
        List<string> sql =
        [
            "count(*) AS row_count",
            "count(*) FILTER (WHERE order_id IS NULL) AS order_id_nulls",
            "(SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM {src} WHERE order_id IS NOT NULL GROUP BY order_id HAVING count(*) > 1)) AS order_id_duplicated",
            "count(*) FILTER (WHERE customer_id IS NULL) AS customer_id_nulls",
            "count(*) FILTER (WHERE NOT (amount BETWEEN 0 AND 1000000)) AS amount_outside",
            $"count(*) FILTER (WHERE status NOT IN ({Statuses})) AS status_outside",
            "count(*) FILTER (WHERE order_date IS NOT NULL AND try_strptime(order_date, '%Y-%m-%d') IS NULL) AS order_date_mismatch",
        ];
        if (wide)
        {
            dq.AddRange(
            [
                """{ "type": "expect_table_column_count_to_equal", "kwargs": { "value": 5 } }""",
                """{ "type": "expect_column_values_to_be_between", "kwargs": { "column": "order_id", "min_value": 1, "max_value": 20000000 } }""",
                """{ "type": "expect_column_min_to_be_between", "kwargs": { "column": "amount", "min_value": -10000, "max_value": 10000 } }""",
                """{ "type": "expect_column_max_to_be_between", "kwargs": { "column": "amount", "min_value": 0, "max_value": 1000000 } }""",
                """{ "type": "expect_column_mean_to_be_between", "kwargs": { "column": "amount", "min_value": 1000, "max_value": 4000 } }""",
                """{ "type": "expect_column_stdev_to_be_between", "kwargs": { "column": "amount", "min_value": 0, "max_value": 10000 } }""",
                """{ "type": "expect_column_sum_to_be_between", "kwargs": { "column": "amount", "min_value": 0 } }""",
                """{ "type": "expect_column_values_to_match_regex", "kwargs": { "column": "customer_id", "regex": "^C[0-9]{7}$" } }""",
                """{ "type": "expect_column_value_lengths_to_be_between", "kwargs": { "column": "customer_id", "min_value": 8, "max_value": 8 } }""",
                """{ "type": "expect_column_values_to_not_be_in_set", "kwargs": { "column": "status", "value_set": ["lost", "returned"] } }""",
                """{ "type": "expect_column_distinct_values_to_be_in_set", "kwargs": { "column": "status", "value_set": ["placed", "shipped", "delivered", "cancelled", "lost"] } }""",
                """{ "type": "expect_column_values_to_not_be_null", "kwargs": { "column": "order_date" } }""",
            ]);
            sql.AddRange(
            [
                "count(*) FILTER (WHERE NOT (order_id BETWEEN 1 AND 20000000)) AS order_id_outside",
                "min(amount) AS amount_min, max(amount) AS amount_max, avg(amount) AS amount_mean, stddev_samp(amount) AS amount_stdev, sum(amount) AS amount_sum",
                "count(*) FILTER (WHERE NOT regexp_full_match(customer_id, '^C[0-9]{7}$')) AS customer_id_regex",
                "count(*) FILTER (WHERE length(customer_id) <> 8) AS customer_id_length",
                "count(*) FILTER (WHERE status IN ('lost', 'returned')) AS status_forbidden",
                "list(DISTINCT status) AS status_distinct",
                "count(*) FILTER (WHERE order_date IS NULL) AS order_date_nulls",
            ]);
        }
        return new Workload(name, path, dq, $"SELECT {string.Join(",\n  ", sql)}\nFROM {{src}}", source);
    }

    private static Workload Flights()
    {
        // Set membership against every IATA code of airports.csv (3,376), inlined in both the suite and the SQL.
        var codes = File.ReadLines(DataFiles.AirportsCsv).Skip(1).Select(l => l.Split(',')[0].Trim('"')).Where(c => c.Length > 0).Distinct().ToList();
        var dqSet = JsonSerializer.Serialize(codes);
        var sqlSet = string.Join(",", codes.Select(c => $"'{c.Replace("'", "''", StringComparison.Ordinal)}'"));
        List<string> dq =
        [
            """{ "type": "expect_column_to_exist", "kwargs": { "column": "origin" } }""",
            """{ "type": "expect_column_values_to_not_be_null", "kwargs": { "column": "origin" } }""",
            """{ "type": "expect_column_values_to_not_be_null", "kwargs": { "column": "destination" } }""",
            $$"""{ "type": "expect_column_values_to_be_in_set", "kwargs": { "column": "origin", "value_set": {{dqSet}} } }""",
            $$"""{ "type": "expect_column_values_to_be_in_set", "kwargs": { "column": "destination", "value_set": {{dqSet}} } }""",
            """{ "type": "expect_column_values_to_be_between", "kwargs": { "column": "delay", "min_value": -120, "max_value": 1440 } }""",
            """{ "type": "expect_column_values_to_be_between", "kwargs": { "column": "distance", "min_value": 1, "max_value": 5000 } }""",
            """{ "type": "expect_column_values_to_not_be_null", "kwargs": { "column": "date" } }""",
            """{ "type": "expect_column_value_lengths_to_equal", "kwargs": { "column": "origin", "value": 3 } }""",
            """{ "type": "expect_table_row_count_to_be_between", "kwargs": { "min_value": 1000, "max_value": 10000000 } }""",
        ];
        string[] sql =
        [
            "count(*) AS row_count",
            "count(*) FILTER (WHERE origin IS NULL) AS origin_nulls",
            "count(*) FILTER (WHERE destination IS NULL) AS destination_nulls",
            "count(*) FILTER (WHERE origin NOT IN (SELECT iata FROM codes)) AS origin_unknown",
            "count(*) FILTER (WHERE destination NOT IN (SELECT iata FROM codes)) AS destination_unknown",
            "count(*) FILTER (WHERE NOT (delay BETWEEN -120 AND 1440)) AS delay_outside",
            "count(*) FILTER (WHERE NOT (distance BETWEEN 1 AND 5000)) AS distance_outside",
            "count(*) FILTER (WHERE date IS NULL) AS date_nulls",
            "count(*) FILTER (WHERE length(origin) <> 3) AS origin_length",
        ];
        var path = DataFiles.FlightsParquet;
        // A literal IN list of 3,376 constants is slow in DuckDB (tens of seconds): a semi-join on a codes table is its fast form.
        var query = $"WITH codes AS (SELECT unnest([{sqlSet}]) AS iata)\nSELECT {string.Join(",\n  ", sql)}\nFROM {{src}}";
        return new Workload("flights-parquet", path, dq, query, $"read_parquet('{path}')");
    }

    /// <summary>
    /// Issue 22's suite: the flights checks plus uniqueness of the <c>date</c> timestamp, the extremes of two number
    /// columns and of the timestamp (13 checks), so every typed path a real file takes is in one run.
    /// </summary>
    private static Workload FlightsUnique()
    {
        var flights = Flights();
        List<string> dq =
        [
            .. flights.Expectations,
            """{ "type": "expect_column_values_to_be_unique", "kwargs": { "column": "date" } }""",
            """{ "type": "expect_column_min_to_be_between", "kwargs": { "column": "delay", "min_value": -1000, "max_value": 1000 } }""",
            """{ "type": "expect_column_max_to_be_between", "kwargs": { "column": "distance", "min_value": 0, "max_value": 10000 } }""",
        ];
        var sql = flights.Sql.Replace("\nFROM {src}", "", StringComparison.Ordinal) +
            ",\n  (SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM {src} WHERE date IS NOT NULL GROUP BY date HAVING count(*) > 1)) AS date_duplicated" +
            ",\n  min(delay) AS delay_min, max(distance) AS distance_max\nFROM {src}";
        return new Workload("flights-unique-parquet", flights.Path, dq, sql, flights.FileSource);
    }

    /// <summary>
    /// The flights checks on the delayed flights only (<c>row_condition: delay &gt; 0</c> on each column check), against
    /// flights-parquet, the same suite without the condition: what a row condition costs.
    /// </summary>
    private static Workload FlightsCondition()
    {
        var flights = Flights();
        List<string> dq =
        [
            .. flights.Expectations.Select(e => e.Contains("\"column\"", StringComparison.Ordinal) && !e.Contains("expect_column_to_exist", StringComparison.Ordinal)
                ? e.Replace("\"kwargs\": {", "\"kwargs\": { \"row_condition\": \"delay > 0\", \"condition_parser\": \"pandas\",", StringComparison.Ordinal)
                : e),
        ];
        var sql = flights.Sql.Replace("FILTER (WHERE ", "FILTER (WHERE delay > 0 AND ", StringComparison.Ordinal);
        return new Workload("flights-condition-parquet", flights.Path, dq, sql, flights.FileSource);
    }

    /// <summary>The orders table with <c>amount</c> as DECIMAL(12, 2) (money as such files hold it): range, extremes, moments and distinct count.</summary>
    private static Workload OrdersDecimal()
    {
        var path = DataFiles.OrdersDecimalParquet;
        List<string> dq =
        [
            """{ "type": "expect_column_values_to_not_be_null", "kwargs": { "column": "amount" } }""",
            """{ "type": "expect_column_values_to_be_between", "kwargs": { "column": "amount", "min_value": 0, "max_value": 1000000 } }""",
            """{ "type": "expect_column_min_to_be_between", "kwargs": { "column": "amount", "min_value": -10000, "max_value": 10000 } }""",
            """{ "type": "expect_column_max_to_be_between", "kwargs": { "column": "amount", "min_value": 0, "max_value": 1000000 } }""",
            """{ "type": "expect_column_mean_to_be_between", "kwargs": { "column": "amount", "min_value": 1000, "max_value": 4000 } }""",
            """{ "type": "expect_column_sum_to_be_between", "kwargs": { "column": "amount", "min_value": 0 } }""",
            """{ "type": "expect_column_unique_value_count_to_be_between", "kwargs": { "column": "amount", "min_value": 1 } }""",
            """{ "type": "expect_table_row_count_to_be_between", "kwargs": { "min_value": 1000, "max_value": 10000000 } }""",
        ];
        string[] sql =
        [
            "count(*) AS row_count",
            "count(*) FILTER (WHERE amount IS NULL) AS amount_nulls",
            "count(*) FILTER (WHERE NOT (amount BETWEEN 0 AND 1000000)) AS amount_outside",
            "min(amount) AS amount_min, max(amount) AS amount_max, avg(amount) AS amount_mean, sum(amount) AS amount_sum",
            "count(DISTINCT amount) AS amount_distinct",
        ];
        return new Workload("orders-decimal-parquet", path, dq, $"SELECT {string.Join(",\n  ", sql)}\nFROM {{src}}", $"read_parquet('{path}')");
    }
}
