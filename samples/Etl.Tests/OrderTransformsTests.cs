using Microsoft.Data.Analysis;

namespace Dq.Samples.Etl.Tests;

public sealed class OrderTransformsTests
{
    private static readonly DateTime s_noon = new(2024, 3, 15, 12, 30, 45);

    [Fact]
    public void CalculateOrderMetrics_TotalAmount_IsQuantityTimesUnitPrice()
    {
        var output = OrderTransforms.CalculateOrderMetrics(Frames.Orders((3, 2.5, null, s_noon), (0, 9.99, null, s_noon)));

        Assert.Equal([7.5, 0.0], Frames.Values(output, "total_amount"));
    }

    [Fact]
    public void CalculateOrderMetrics_NoDiscount_DiscountIsZeroAndFinalIsTotal()
    {
        var output = OrderTransforms.CalculateOrderMetrics(Frames.Orders((2, 10, null, s_noon)));

        Assert.Equal([0.0], Frames.Values(output, "discount_amount"));
        Assert.Equal([20.0], Frames.Values(output, "final_amount"));
    }

    [Fact]
    public void CalculateOrderMetrics_AppliedDiscount_IsSubtracted()
    {
        var output = OrderTransforms.CalculateOrderMetrics(Frames.Orders((4, 25, 0.1, s_noon)));

        Assert.Equal(10.0, (double)Frames.Values(output, "discount_amount")[0]!, 12);
        Assert.Equal(90.0, (double)Frames.Values(output, "final_amount")[0]!, 12);
    }

    [Fact]
    public void CalculateOrderMetrics_OrderDate_IsMidnightOfTheTimestamp()
    {
        var output = OrderTransforms.CalculateOrderMetrics(Frames.Orders((1, 1, null, s_noon), (1, 1, null, new DateTime(2024, 1, 1, 23, 59, 59, 999)), (1, 1, null, null)));

        Assert.Equal([new DateTime(2024, 3, 15), new DateTime(2024, 1, 1), null], Frames.Values(output, "order_date"));
    }

    [Fact]
    public void CalculateOrderMetrics_NullOperand_GivesNullAmountsAsInSparkSql()
    {
        var output = OrderTransforms.CalculateOrderMetrics(Frames.Orders((null, 5, 0.5, s_noon), (2, null, null, s_noon)));

        Assert.Equal([null, null], Frames.Values(output, "total_amount"));
        Assert.Equal([null, null], Frames.Values(output, "discount_amount"));
        Assert.Equal([null, null], Frames.Values(output, "final_amount"));
    }

    [Fact]
    public void CalculateOrderMetrics_InputColumns_AreKeptAndTheInputUnchanged()
    {
        var input = Frames.Orders((2, 3, null, s_noon));
        input.Columns.Add(new StringDataFrameColumn("order_id", ["o-1"]));

        var output = OrderTransforms.CalculateOrderMetrics(input);

        Assert.Equal(
            ["quantity", "unit_price", "discount_rate", "order_timestamp", "order_id", "order_date", "total_amount", "discount_amount", "final_amount"],
            output.Columns.Select(c => c.Name));
        Assert.Equal(5, input.Columns.Count);
        Assert.Equal([null], Frames.Values(input, "discount_rate"));
        Assert.Equal(["o-1"], Frames.Values(output, "order_id"));
    }

    [Fact]
    public void CalculateOrderMetrics_MissingColumn_ThrowsNamingIt()
    {
        var input = Frames.Orders((1, 1, null, s_noon));
        input.Columns.Remove("unit_price");

        var error = Assert.Throws<ArgumentException>(() => OrderTransforms.CalculateOrderMetrics(input));

        Assert.Contains("column `unit_price` (a Double column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalculateOrderMetrics_TextTimestamp_ThrowsNamingTheExpectedType()
    {
        var input = Frames.Orders((1, 1, null, s_noon));
        input.Columns.Remove("order_timestamp");
        input.Columns.Add(new StringDataFrameColumn("order_timestamp", ["2024-01-01"]));

        var error = Assert.Throws<ArgumentException>(() => OrderTransforms.CalculateOrderMetrics(input));

        Assert.Contains("column `order_timestamp` to be a DateTime column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalculateOrderMetrics_IntegerQuantity_ThrowsNamingTheExpectedType()
    {
        var input = Frames.Orders((1, 1, null, s_noon));
        input.Columns.Remove("quantity");
        input.Columns.Add(new Int32DataFrameColumn("quantity", [1]));

        var error = Assert.Throws<ArgumentException>(() => OrderTransforms.CalculateOrderMetrics(input));

        Assert.Contains("column `quantity` to be a Double column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalculateOrderMetrics_EmptyFrame_AddsTheColumns()
    {
        var output = OrderTransforms.CalculateOrderMetrics(Frames.Orders());

        Assert.Equal(0, output.Rows.Count);
        Assert.Equal(8, output.Columns.Count);
    }
}
