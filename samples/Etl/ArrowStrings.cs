using System.Text;
using Microsoft.Data.Analysis;

namespace Dq.Samples.Etl;

/// <summary>
/// Conversions between the two string column types. Microsoft.Data.Analysis 0.23 loses the difference between an
/// empty string and a null when it filters or clones an <see cref="ArrowStringDataFrameColumn"/> (both come out null),
/// and its <c>Append</c> does not grow the column, so Arrow-backed columns are filtered as .NET strings and rebuilt
/// from their UTF-8 buffers here.
/// </summary>
internal static class ArrowStrings
{
    /// <summary>The frame with every <see cref="ArrowStringDataFrameColumn"/> read into a <see cref="StringDataFrameColumn"/>.</summary>
    public static DataFrame ToStrings(DataFrame frame) => new(frame.Columns.Select(c => c is ArrowStringDataFrameColumn arrow
        ? new StringDataFrameColumn(arrow.Name, Enumerable.Range(0, checked((int)arrow.Length)).Select(i => arrow.IsValid(i) ? arrow[i] : null))
        : c));

    /// <summary>The frame with the columns that were Arrow-backed in <paramref name="original"/> made Arrow-backed again.</summary>
    public static DataFrame Restore(DataFrame frame, DataFrame original) => new(frame.Columns.Select(c =>
        original.Columns.IndexOf(c.Name) is var i and >= 0 && original.Columns[i] is ArrowStringDataFrameColumn && c is StringDataFrameColumn strings
            ? FromStrings(strings)
            : c));

    private static ArrowStringDataFrameColumn FromStrings(StringDataFrameColumn column)
    {
        var length = checked((int)column.Length);
        var data = new List<byte>();
        var offsets = new int[length + 1];
        var validity = new byte[(length + 7) / 8];
        for (var i = 0; i < length; i++)
        {
            if (column[i] is { } value)
            {
                data.AddRange(Encoding.UTF8.GetBytes(value));
                validity[i / 8] |= (byte)(1 << (i % 8));
            }
            offsets[i + 1] = data.Count;
        }
        var offsetBytes = new byte[offsets.Length * sizeof(int)];
        Buffer.BlockCopy(offsets, 0, offsetBytes, 0, offsetBytes.Length);
        return new ArrowStringDataFrameColumn(column.Name, data.ToArray(), offsetBytes, validity, length, checked((int)column.NullCount));
    }
}
