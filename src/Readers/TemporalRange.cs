using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Readers;

/// <summary>
/// Finds dates and timestamps outside the years 1 to 9999, the range dq (and .NET's <see cref="DateTime"/>) can
/// represent. Such values are legal in Arrow and Parquet (DuckDB and PostgreSQL write <c>infinity</c> as the
/// largest int64), but converting them would wrap or throw, so a reader reports them instead of guessing.
/// </summary>
internal static class TemporalRange
{
    private static readonly long s_minSeconds = (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
    private static readonly long s_maxSeconds = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
    private static readonly int s_minDays = DateOnly.MinValue.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    private static readonly int s_maxDays = DateOnly.MaxValue.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The first out-of-range value of <paramref name="batch"/> as a message, or null when all are in range.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="firstRow">The 0-based row of the batch's first row in the file, for the message.</param>
    public static string? Problem(RecordBatch batch, long firstRow)
    {
        for (int c = 0; c < batch.ColumnCount; c++)
        {
            IArrowArray column = batch.Column(c);
            bool inDictionary = column is DictionaryArray; // a dictionary's position is not a row
            if (column is DictionaryArray dictionary)
            {
                column = dictionary.Dictionary;
            }
            int row = column switch
            {
                TimestampArray a => FirstOutside(a, a.Values, Bounds(((TimestampType)a.Data.DataType).Unit)),
                Date32Array a => FirstOutside(a, a.Values, (s_minDays, s_maxDays)),
                Date64Array a => FirstOutside(a, a.Values, (s_minSeconds * 1000, s_maxSeconds * 1000 + 999)),
                _ => -1,
            };
            if (row >= 0)
            {
                string value = RawValue(column, row);
                string where = !inDictionary ? $"row {(firstRow + row + 1).ToString("N0", CultureInfo.InvariantCulture)}" : "its dictionary";
                return $"column `{batch.Schema.GetFieldByIndex(c).Name}`, {where}: {value} is outside the years 1 to 9999, which dq can represent " +
                    "(DuckDB and PostgreSQL write `infinity` this way). Replace such values with null or a real date before validating, " +
                    "or exclude them in the query that writes the file.";
            }
        }
        return null;
    }

    private static (long Min, long Max) Bounds(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => (s_minSeconds, s_maxSeconds),
        TimeUnit.Millisecond => (s_minSeconds * 1_000, s_maxSeconds * 1_000 + 999),
        TimeUnit.Microsecond => (s_minSeconds * 1_000_000, s_maxSeconds * 1_000_000 + 999_999),
        _ => (long.MinValue, long.MaxValue), // int64 nanoseconds span 1677 to 2262: always representable
    };

    private static int FirstOutside<T>(IArrowArray array, ReadOnlySpan<T> values, (long Min, long Max) bounds)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            long value = long.CreateTruncating(values[i]);
            if ((value < bounds.Min || value > bounds.Max) && array.IsValid(i))
            {
                return i;
            }
        }
        return -1;
    }

    private static string RawValue(IArrowArray array, int row) => array switch
    {
        TimestampArray a => $"{a.Values[row].ToString(CultureInfo.InvariantCulture)} {((TimestampType)a.Data.DataType).Unit.ToString().ToLowerInvariant()}s since 1970",
        Date32Array a => $"{a.Values[row].ToString(CultureInfo.InvariantCulture)} days since 1970",
        Date64Array a => $"{a.Values[row].ToString(CultureInfo.InvariantCulture)} milliseconds since 1970",
        _ => "the value",
    };
}
