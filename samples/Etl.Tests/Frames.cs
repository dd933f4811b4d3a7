using System.Text;
using Microsoft.Data.Analysis;

namespace Dq.Samples.Etl.Tests;

/// <summary>Builds test frames and reads them back as plain values.</summary>
internal static class Frames
{
    public static DataFrame Customers(params (string? Id, string? Email, string? Status)[] rows) => new(
        new StringDataFrameColumn("customer_id", rows.Select(r => r.Id)),
        new StringDataFrameColumn("email", rows.Select(r => r.Email)),
        new StringDataFrameColumn("status", rows.Select(r => r.Status)));

    /// <summary>The same frame with Arrow-backed string columns.</summary>
    public static DataFrame AsArrowStrings(DataFrame frame) => new(frame.Columns.Select(c =>
        c is StringDataFrameColumn s ? ArrowStrings(s.Name, [.. Enumerable.Range(0, (int)s.Length).Select(i => s[i])]) : c.Clone()));

    /// <summary>An Arrow-backed string column over managed buffers (its Append does not grow it in Microsoft.Data.Analysis 0.23).</summary>
    public static ArrowStringDataFrameColumn ArrowStrings(string name, IReadOnlyList<string?> values)
    {
        var data = new List<byte>();
        var offsets = new int[values.Count + 1];
        var validity = new byte[(values.Count + 7) / 8];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v)
            {
                data.AddRange(Encoding.UTF8.GetBytes(v));
                validity[i / 8] |= (byte)(1 << (i % 8));
            }
            offsets[i + 1] = data.Count;
        }
        var offsetBytes = new byte[offsets.Length * sizeof(int)];
        Buffer.BlockCopy(offsets, 0, offsetBytes, 0, offsetBytes.Length);
        return new ArrowStringDataFrameColumn(name, data.ToArray(), offsetBytes, validity, values.Count, values.Count(v => v is null));
    }

    public static List<(string? Id, string? Email, string? Status)> CustomerRows(DataFrame frame) =>
        [.. Enumerable.Range(0, (int)frame.Rows.Count).Select(i =>
            ((string?)frame.Columns["customer_id"][i], (string?)frame.Columns["email"][i], (string?)frame.Columns["status"][i]))];

    public static List<object?> Values(DataFrame frame, string column) =>
        [.. Enumerable.Range(0, (int)frame.Rows.Count).Select(i => frame.Columns[column][i])];

    public static DataFrame Orders(params (double? Quantity, double? UnitPrice, double? DiscountRate, DateTime? Timestamp)[] rows) => new(
        new DoubleDataFrameColumn("quantity", rows.Select(r => r.Quantity)),
        new DoubleDataFrameColumn("unit_price", rows.Select(r => r.UnitPrice)),
        new DoubleDataFrameColumn("discount_rate", rows.Select(r => r.DiscountRate)),
        new DateTimeDataFrameColumn("order_timestamp", rows.Select(r => r.Timestamp)));
}
