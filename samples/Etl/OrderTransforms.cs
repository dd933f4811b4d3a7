using Microsoft.Data.Analysis;

namespace Dq.Samples.Etl;

/// <summary>Derived amounts and dates of orders.</summary>
public static class OrderTransforms
{
    /// <summary>
    /// Adds <c>order_date</c> (the date of <c>order_timestamp</c>, at midnight), <c>total_amount</c> = quantity × unit_price,
    /// <c>discount_amount</c> = total_amount × discount_rate (0 when discount_rate is null), and <c>final_amount</c> =
    /// total_amount − discount_amount. As in Spark SQL, a null operand gives a null result: a null quantity or unit price
    /// makes all three amounts null, and a null timestamp a null date.
    /// </summary>
    /// <param name="orders">
    /// A frame with double columns <c>quantity</c>, <c>unit_price</c> and <c>discount_rate</c> (nullable) and a
    /// <see cref="DateTime"/> column <c>order_timestamp</c>; it is not modified.
    /// </param>
    /// <returns>A new frame: every input column, then the four new ones.</returns>
    /// <exception cref="ArgumentException">A column is missing or has another type; the message names it.</exception>
    public static DataFrame CalculateOrderMetrics(DataFrame orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        const string Transform = nameof(CalculateOrderMetrics);
        var quantity = FrameColumns.Of<double>(orders, "quantity", Transform, nameof(orders));
        var unitPrice = FrameColumns.Of<double>(orders, "unit_price", Transform, nameof(orders));
        var discountRate = FrameColumns.Of<double>(orders, "discount_rate", Transform, nameof(orders));
        var timestamp = FrameColumns.Of<DateTime>(orders, "order_timestamp", Transform, nameof(orders));

        var orderDate = timestamp.Apply(static t => t.Date);
        orderDate.SetName("order_date");
        var total = quantity.Multiply(unitPrice);
        total.SetName("total_amount");
        var discount = total.Multiply(discountRate.FillNulls(0.0));
        discount.SetName("discount_amount");
        var final = total.Subtract(discount);
        final.SetName("final_amount");

        var result = orders.Clone();
        result.Columns.Add(orderDate);
        result.Columns.Add(total);
        result.Columns.Add(discount);
        result.Columns.Add(final);
        return result;
    }
}
