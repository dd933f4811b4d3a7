using Dq.Expectations.Suites;

namespace Dq.Samples.Etl;

/// <summary>The data contracts of the transforms' outputs, as dq suites: what downstream consumers may rely on.</summary>
public static class EtlSuites
{
    /// <summary>Cleaned customers: one row per non-null <c>customer_id</c>, with an email and a status.</summary>
    public static ExpectationSuite CleanCustomers() => ExpectationSuite.Create("clean_customers")
        .ExpectColumnToExist("customer_id")
        .ExpectColumnValuesToNotBeNull("customer_id")
        .ExpectColumnValuesToBeUnique("customer_id")
        .ExpectColumnValuesToNotBeNull("email")
        .ExpectColumnValuesToNotBeNull("status")
        .Build();

    /// <summary>Order metrics: non-negative amounts and a date for every order.</summary>
    public static ExpectationSuite OrderMetrics() => ExpectationSuite.Create("order_metrics")
        .ExpectColumnValuesToNotBeNull("order_date")
        .ExpectColumnValuesToNotBeNull("total_amount")
        .ExpectColumnValuesToBeBetween("total_amount", min: 0)
        .ExpectColumnValuesToBeBetween("discount_amount", min: 0)
        .ExpectColumnValuesToBeBetween("final_amount", min: 0)
        .Build();
}
