using Apache.Arrow;

namespace Dq.Benchmarks.Micro;

/// <summary>Deterministic Arrow columns for the micro benchmarks.</summary>
internal static class ColumnData
{
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
