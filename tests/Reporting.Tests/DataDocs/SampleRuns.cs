using Apache.Arrow;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Reporting.Tests.DataDocs;

/// <summary>Realistic runs for the browser tests: real validations of generated order batches, with seeded defects.</summary>
internal static class SampleRuns
{
    private static readonly ExpectationSuite s_orders = ExpectationSuite.Create("orders")
        .ExpectColumnValuesToNotBeNull("order_id")
        .ExpectColumnValuesToBeUnique("order_id")
        .ExpectColumnValuesToBeBetween("amount", min: 0, max: 1000)
        .ExpectColumnValuesToBeInSet("status", ["placed", "shipped", "delivered"])
        .ExpectColumnValuesToNotBeNull("status", mostly: 0.9).AsWarning()
        .Expect("expect_column_mean_to_be_between", new Dictionary<string, object?> { ["column"] = "amount", ["min_value"] = 10, ["max_value"] = 500 })
        .ExpectTableRowCountToBeBetween(50, 1000)
        .Build();

    private static readonly ExpectationSuite s_customers = ExpectationSuite.Create("customers")
        .ExpectColumnValuesToNotBeNull("status")
        .ExpectColumnValueLengthsToBeBetween("status", 1, 9)
        .Build();

    /// <summary><paramref name="count"/> runs, one an hour from 2025-01-01, alternating suites and three assets.</summary>
    public static IEnumerable<ValidationResult> Create(int count)
    {
        var random = new Random(42);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var defects = random.Next(4) == 0 ? random.Next(1, 6) : 0;
            var batch = Orders(random, 100, defects);
            var suite = i % 3 == 2 ? s_customers : s_orders;
            var r = Validator.Validate(batch, suite);
            yield return new ValidationResult(r.SuiteName, r.Results, r.Run with
            {
                RunId = $"run{i:D5}",
                RunTime = start.AddHours(i),
                DataAsset = $"data/{(i % 3 == 2 ? "customers" : i % 2 == 0 ? "orders_eu" : "orders_us")}.csv",
            });
        }
    }

    private static RecordBatch Orders(Random random, int rows, int defects)
    {
        var ids = new Int64Array.Builder();
        var amounts = new DoubleArray.Builder();
        var statuses = new StringArray.Builder();
        string[] known = ["placed", "shipped", "delivered"];
        for (var r = 0; r < rows; r++)
        {
            var bad = r < defects;
            ids.Append(bad && r == 0 ? 7 : r + 1000);
            amounts.Append(bad ? -random.Next(1, 50) : Math.Round(random.NextDouble() * 400, 2));
            statuses.Append(bad ? "refunded" : known[random.Next(3)]);
        }
        ids.Append(7);
        amounts.Append(12);
        statuses.AppendNull();
        return new RecordBatch.Builder().Append("order_id", false, ids.Build()).Append("amount", false, amounts.Build()).Append("status", true, statuses.Build()).Build();
    }
}
