using Dq.Testing;
using Microsoft.Data.Analysis;

namespace Dq.Samples.Etl.Tests;

/// <summary>The transforms' outputs checked against their data contracts with dq, as a user's test suite would.</summary>
public sealed class DqValidationTests
{
    private static DataFrame RawCustomers() => Frames.Customers(
        ("c1", "ann@example.com", "active"), ("c2", "bob+news@mail.example.com", null), (null, "x@example.com", "active"),
        ("c3", "not-an-email", "active"), ("c1", "ann.again@example.com", "inactive"), ("c4", null, "active"), ("c5", "eve@example.org", "inactive"));

    [Fact]
    public void CleanCustomers_Output_SatisfiesItsSuite()
    {
        var cleaned = CustomerTransforms.CleanCustomerData(RawCustomers());

        var result = DataAssert.Satisfies(cleaned, EtlSuites.CleanCustomers());

        Assert.Equal(3, result.Run.RowCount);
    }

    [Fact]
    public void CleanCustomers_Output_FluentChecks()
    {
        var cleaned = CustomerTransforms.CleanCustomerData(Frames.AsArrowStrings(RawCustomers()));

        cleaned.Should()
            .HaveRowCount(3)
            .HaveColumn("customer_id").WithNoNulls().WithUniqueValues()
            .And.HaveColumn("status").WithValuesIn(["active", "inactive"]);
    }

    [Fact]
    public void RawCustomers_FailTheSuite_WithAMessageNamingTheProblems()
    {
        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(RawCustomers(), EtlSuites.CleanCustomers()));

        Assert.Contains("Values in `customer_id` must not be null", error.Message, StringComparison.Ordinal);
        Assert.Contains("sample: row 2: null", error.Message, StringComparison.Ordinal);
        Assert.Contains("Values in `customer_id` must be unique", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 0: \"c1\", row 4: \"c1\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Values in `status` must not be null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderMetrics_Output_SatisfiesItsSuite()
    {
        var orders = Frames.Orders((2, 19.99, 0.1, new DateTime(2024, 5, 1, 9, 0, 0)), (1, 5, null, new DateTime(2024, 5, 2, 18, 30, 0)), (10, 1.25, 1.0, new DateTime(2024, 5, 3)));

        var metrics = OrderTransforms.CalculateOrderMetrics(orders);

        DataAssert.Satisfies(metrics, EtlSuites.OrderMetrics());
        metrics.Should().HaveColumn("order_date").WithValuesBetween(new DateTime(2024, 5, 1), new DateTime(2024, 5, 3));
    }

    [Fact]
    public void OrderMetrics_NegativePrice_FailsTheSuite()
    {
        var orders = Frames.Orders((2, -3, null, new DateTime(2024, 5, 1)));

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(OrderTransforms.CalculateOrderMetrics(orders), EtlSuites.OrderMetrics()));

        Assert.Contains("Values in `total_amount` must be at least 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 0: -6", error.Message, StringComparison.Ordinal);
    }
}
