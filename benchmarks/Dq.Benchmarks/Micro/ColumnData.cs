using Apache.Arrow;

namespace Dq.Benchmarks.Micro;

/// <summary>Deterministic Arrow columns for the micro benchmarks.</summary>
internal static class ColumnData
{
    /// <summary>
    /// Order ids 1…<paramref name="rows"/>, 0.1 % of them repeating an earlier id (the orders table's rule), in
    /// batches of <paramref name="batchRows"/>: the uniqueness benchmarks' input.
    /// </summary>
    public static Int64Array[] OrderIds(int rows, int batchRows, int seed = 5)
    {
        var random = new Random(seed);
        long[] values = [.. Enumerable.Range(0, rows).Select(i => random.NextDouble() < 0.001 && i > 0 ? random.Next(1, i + 1) : i + 1L)];
        return [.. values.Chunk(batchRows).Select(chunk => new Int64Array.Builder().AppendRange(chunk).Build())];
    }

    public static Int64Array Int64(int rows, double nullRate, int seed = 1)
    {
        var random = new Random(seed);
        var builder = new Int64Array.Builder().Reserve(rows);
        for (var i = 0; i < rows; i++)
        {
            if (random.NextDouble() < nullRate)
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(random.NextDouble() < 0.001 ? -random.Next(1, 1000) : random.Next(0, 500_000));
            }
        }
        return builder.Build();
    }

    public static DoubleArray Double(int rows, int seed = 2)
    {
        var random = new Random(seed);
        var builder = new DoubleArray.Builder().Reserve(rows);
        for (var i = 0; i < rows; i++)
        {
            builder.Append(random.NextDouble() < 0.001 ? -1 : random.NextDouble() * 5000);
        }
        return builder.Build();
    }

    public static StringArray Strings(int rows, Func<Random, string> value, int seed = 3)
    {
        var random = new Random(seed);
        var builder = new StringArray.Builder();
        for (var i = 0; i < rows; i++)
        {
            builder.Append(value(random));
        }
        return builder.Build();
    }

    public static string Status(Random random) =>
        random.NextDouble() < 0.001 ? "lost" : random.Next(4) switch { 0 => "placed", 1 => "shipped", 2 => "delivered", _ => "cancelled" };

    public static string Date(Random random) =>
        random.NextDouble() < 0.001 ? "2024/03/05" : DateOnly.FromDayNumber(737_425 + random.Next(1825)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
