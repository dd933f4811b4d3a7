using System.Buffers.Text;
using System.Text;

namespace Dq.Benchmarks.Data;

/// <summary>
/// Writes the synthetic orders table as CSV, deterministically (fixed seed): the same bytes on every machine.
/// Defect rates follow issue 8: 0.1% duplicate order_ids, 0.5% null customer_id, 0.1% negative amounts,
/// 0.1% unknown status, 0.1% malformed dates.
/// </summary>
public static class OrdersGenerator
{
    /// <summary>The seed of every generated table.</summary>
    public const int Seed = 20_240_801;

    private static readonly byte[][] s_statuses = [.. new[] { "placed", "shipped", "delivered", "cancelled" }.Select(Encoding.ASCII.GetBytes)];

    // Malformed dates that Python's strptime("%Y-%m-%d") rejects: wrong separator, impossible day or month, words.
    private static readonly byte[][] s_badDates = [.. new[] { "2024/03/05", "2024-02-30", "2024-13-01", "05-03-2024", "yesterday" }.Select(Encoding.ASCII.GetBytes)];

    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="path"/>.</summary>
    public static void WriteCsv(string path, int rows)
    {
        var random = new Random(Seed);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[1 << 20];
        var length = 0;
        Append("order_id,customer_id,amount,status,order_date\n"u8);
        var epoch = new DateOnly(2020, 1, 1).DayNumber;
        for (var i = 0; i < rows; i++)
        {
            if (length > buffer.Length - 256)
            {
                file.Write(buffer, 0, length);
                length = 0;
            }
            // Each defect draws from its own roll so the rates are independent of each other.
            long orderId = random.NextDouble() < 0.001 && i > 0 ? random.Next(1, i + 1) : i + 1L;
            Number(orderId);
            Append(","u8);
            if (random.NextDouble() >= 0.005)
            {
                Append("C"u8);
                Number(random.Next(0, 10_000_000), digits: 7);
            }
            Append(","u8);
            var cents = random.Next(1, 500_000);
            if (random.NextDouble() < 0.001)
            {
                Append("-"u8);
            }
            Number(cents / 100);
            Append("."u8);
            Number(cents % 100, digits: 2);
            Append(","u8);
            Append(random.NextDouble() < 0.001 ? "lost"u8 : s_statuses[random.Next(4)]);
            Append(","u8);
            if (random.NextDouble() < 0.001)
            {
                Append(s_badDates[random.Next(s_badDates.Length)]);
            }
            else
            {
                var date = DateOnly.FromDayNumber(epoch + random.Next(0, 5 * 365));
                Number(date.Year, 4);
                Append("-"u8);
                Number(date.Month, 2);
                Append("-"u8);
                Number(date.Day, 2);
            }
            Append("\n"u8);
        }
        file.Write(buffer, 0, length);

        void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(buffer.AsSpan(length));
            length += bytes.Length;
        }

        void Number(long value, int digits = 0)
        {
            Utf8Formatter.TryFormat(value, buffer.AsSpan(length), out var written, digits > 0 ? new System.Buffers.StandardFormat('D', (byte)digits) : default);
            length += written;
        }
    }
}
