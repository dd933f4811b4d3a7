using System.Data.Common;
using System.Globalization;
using Dq.Expectations.Suites;

namespace Dq.Sql.Tests;

/// <summary>The seed's orders sample: its suite, and tables of its rows (or of generated rows like them) in a database.</summary>
internal static class SeedOrders
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "dq.slnx")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new DirectoryNotFoundException("The repository root (dq.slnx) was not found above the test binaries.");
        }
    }

    public static string CsvPath => Path.Combine(Root, "samples", "orders", "orders.csv");

    public static ExpectationSuite Suite => SuiteJson.Read(Path.Combine(Root, "samples", "orders", "orders.suite.json"));

    /// <summary>Creates <paramref name="table"/> with the CSV's columns as the CSV reader types them (dates as text: some are not dates).</summary>
    public static void Create(DbConnection connection, string table, IEnumerable<string[]> rows)
    {
        TestDatabases.Execute(connection, $"CREATE TABLE {table} (order_id BIGINT, customer_id TEXT, amount DOUBLE PRECISION, status TEXT, order_date TEXT)");
        using var transaction = connection.BeginTransaction();
        var postgres = connection is Npgsql.NpgsqlConnection;
        foreach (var chunk in rows.Chunk(500))
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            var tuples = new List<string>();
            foreach (var row in chunk)
            {
                var markers = new List<string>();
                for (var c = 0; c < row.Length; c++)
                {
                    var parameter = insert.CreateParameter();
                    parameter.ParameterName = $"p{insert.Parameters.Count}";
                    parameter.Value = Value(c, row[c]);
                    insert.Parameters.Add(parameter);
                    markers.Add((postgres ? "@" : "$") + parameter.ParameterName);
                }
                tuples.Add($"({string.Join(", ", markers)})");
            }
            insert.CommandText = $"INSERT INTO {table} VALUES {string.Join(", ", tuples)}";
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public static IEnumerable<string[]> CsvRows() => File.ReadLines(CsvPath).Skip(1).Select(l => l.Split(','));

    /// <summary>Orders like the seed's, with the same kinds of faults: a duplicate id, a null customer, a refund, bad dates.</summary>
    public static IEnumerable<string[]> Generated(int count)
    {
        string[] statuses = ["placed", "shipped", "delivered", "cancelled"];
        for (var i = 0; i < count; i++)
        {
            var id = i == count - 1 ? 1000L : 1000L + i; // the last row repeats the first id
            var customer = i == 77 ? "" : $"C{i % 500:D4}";
            var amount = i == 12_345 ? -15.0 : Math.Round(((i * 7919) % 200_000) / 100.0, 2);
            var status = i == 4_242 ? "refunded" : statuses[i % statuses.Length];
            var date = i == 999 ? "2024-02-30" : new DateOnly(2024, 1, 1).AddDays(i % 366).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            yield return [id.ToString(CultureInfo.InvariantCulture), customer, amount.ToString(CultureInfo.InvariantCulture), status, date];
        }
    }

    private static object Value(int column, string text) => text.Length == 0
        ? DBNull.Value
        : column switch
        {
            0 => long.Parse(text, CultureInfo.InvariantCulture),
            2 => double.Parse(text, CultureInfo.InvariantCulture),
            _ => text,
        };
}
