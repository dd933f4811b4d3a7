using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace Dq.Benchmarks.Readers;

/// <summary>
/// The deterministic orders table of issue 4 (order_id int64, customer_id string with 1% nulls, amount double,
/// status string, order_date string), written as CSV and Parquet from a fixed seed. Never committed: generated into /tmp.
/// </summary>
public static class OrdersData
{
    private static readonly string[] s_statuses = ["placed", "shipped", "delivered", "cancelled"];

    public static void Write(string folder, int rows)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(42);
        var ids = new long[rows];
        var customers = new string?[rows];
        var amounts = new double[rows];
        var statuses = new string[rows];
        var dates = new string[rows];
        var start = new DateOnly(2020, 1, 1);
        for (int i = 0; i < rows; i++)
        {
            ids[i] = i + 1;
            customers[i] = random.Next(100) == 0 ? null : "C" + random.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            amounts[i] = Math.Round(random.NextDouble() * 5000, 2);
            statuses[i] = s_statuses[random.Next(s_statuses.Length)];
            dates[i] = start.AddDays(random.Next(1826)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        using (var writer = new StreamWriter(Path.Combine(folder, "orders.csv"), false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write("order_id,customer_id,amount,status,order_date\n");
            for (int i = 0; i < rows; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{ids[i]},{customers[i]},{amounts[i]},{statuses[i]},{dates[i]}\n"));
            }
        }
        WriteParquet(Path.Combine(folder, "orders.parquet"), ids, customers, amounts, statuses, dates).GetAwaiter().GetResult();
    }

    private static async Task WriteParquet(string path, long[] ids, string?[] customers, double[] amounts, string[] statuses, string[] dates)
    {
        var fields = new DataField[]
        {
            new DataField<long>("order_id"), new DataField<string>("customer_id"), new DataField<double>("amount"),
            new DataField<string>("status"), new DataField<string>("order_date"),
        };
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        const int GroupRows = 1_000_000;
        for (int offset = 0; offset < ids.Length; offset += GroupRows)
        {
            int n = Math.Min(GroupRows, ids.Length - offset);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync<long>(fields[0], ids.AsMemory(offset, n));
            await group.WriteAsync(fields[1], new ArraySegment<string?>(customers, offset, n));
            await group.WriteAsync<double>(fields[2], amounts.AsMemory(offset, n));
            await group.WriteAsync(fields[3], new ArraySegment<string?>(statuses, offset, n));
            await group.WriteAsync(fields[4], new ArraySegment<string?>(dates, offset, n));
        }
    }
}
