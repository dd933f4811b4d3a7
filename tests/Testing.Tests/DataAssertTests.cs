using System.Text.Json;
using Apache.Arrow;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Expectations.Suites;
using Microsoft.Data.Analysis;

namespace Dq.Testing.Tests;

public sealed class DataAssertTests
{
    private static DataFrame Customers() => new(
        new Int32DataFrameColumn("customer_id", new int?[] { 7, 8, 7, 9, 10 }),
        new StringDataFrameColumn("email", ["a@x.org", null, "c@x.org", null, "e@x.org"]),
        new StringDataFrameColumn("status", ["active", "closed", "gone", "active", "active"]));

    private static ExpectationSuite Suite() => ExpectationSuite.Create("customers")
        .ExpectColumnValuesToNotBeNull("email")
        .ExpectColumnValuesToBeUnique("customer_id")
        .ExpectColumnValuesToBeInSet("status", ["active", "closed"])
        .ExpectTableRowCountToBeBetween(1, 100)
        .Build();

    [Fact]
    public void Satisfies_GoodData_ReturnsTheResult()
    {
        var frame = new DataFrame(new StringDataFrameColumn("email", ["a@x.org"]));

        var result = DataAssert.Satisfies(frame, ExpectationSuite.Create("s").ExpectColumnValuesToNotBeNull("email").Build());

        Assert.True(result.Success);
        Assert.Single(result.Results);
    }

    [Fact]
    public void Satisfies_BadData_MessageListsEveryFailureWithColumnRuleCountsAndRows()
    {
        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(Customers(), Suite()));
        var message = error.Message;

        Assert.StartsWith("Expected the DataFrame (5 rows) to satisfy suite `customers`, but 3 of 4 expectations failed:", message, StringComparison.Ordinal);
        Assert.Contains("1. Values in `email` must not be null\n     (expect_column_values_to_not_be_null)\n     unexpected: 2 of 5 rows (40%)\n     sample: row 1: null, row 3: null", message, StringComparison.Ordinal);
        Assert.Contains("2. Values in `customer_id` must be unique", message, StringComparison.Ordinal);
        Assert.Contains("unexpected: 2 of 5 non-null values (40%)\n     sample: row 0: 7, row 2: 7", message, StringComparison.Ordinal);
        Assert.Contains("3. Values in `status` must belong to the set [\"active\", \"closed\"]", message, StringComparison.Ordinal);
        Assert.Contains("sample: row 2: \"gone\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain("row count", message, StringComparison.Ordinal);
        Assert.Equal(3, error.Result!.Statistics.UnsuccessfulExpectations);
    }

    [Fact]
    public void Message_MissingColumn_SaysItCouldNotBeChecked()
    {
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToBeBetween("age", 0, 130).Build();

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(Customers(), suite));

        Assert.Contains("Values in `age` must be between 0 and 130", error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be checked:", error.Message, StringComparison.Ordinal);
        Assert.Contains("age", error.Message[error.Message.IndexOf("could not be checked", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("The columns are `customer_id`, `email`, `status`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_MisspeltColumn_SuggestsTheNearestColumn()
    {
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToNotBeNull("emial").Build();

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(Customers(), suite));

        Assert.Contains("column `emial` is not in the data. Did you mean `email`?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_TableExpectation_ShowsTheObservedValue()
    {
        var suite = ExpectationSuite.Create("s").ExpectTableRowCountToEqual(3).Build();

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(Customers(), suite));

        Assert.Contains("1. The table must have exactly 3 rows\n     (expect_table_row_count_to_equal)\n     observed value: 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_StrictBoundsAndMostly_InPlainWords()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("price", [0, 5, 20, -1]));
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToBeBetween("price", 0, 10, strictMin: true, mostly: 0.9).Build();

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(frame, suite));

        Assert.Contains("Values in `price` must be more than 0 and at most 10, at least 90% of the time", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected: 3 of 4 non-null values (75%)", error.Message, StringComparison.Ordinal);
        Assert.Contains("sample: row 0: 0, row 2: 20, row 3: -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_ManyBadRows_ShowsFiveSamplesAndAnEllipsis()
    {
        var frame = new DataFrame(new Int64DataFrameColumn("n", Enumerable.Range(0, 50).Select(i => (long)i)));
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToBeBetween("n", max: 9).Build();

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(frame, suite));

        Assert.Contains("sample: row 10: 10, row 11: 11, row 12: 12, row 13: 13, row 14: 14, …\n", error.Message + "\n", StringComparison.Ordinal);
        Assert.Contains("unexpected: 40 of 50 non-null values (80%)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_ControlCharactersInData_AreEscaped()
    {
        var frame = new DataFrame(new StringDataFrameColumn("s", ["ok", "evil\n\u001b[31mred"]));
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToBeInSet("s", ["ok"]).Build();

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(frame, suite));

        Assert.Contains("row 1: \"evil\\u000a\\u001b[31mred\"", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Satisfies_OnlyWarningsFail_DoesNotThrow()
    {
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToNotBeNull("email").AsWarning().Build();

        var result = DataAssert.Satisfies(Customers(), suite);

        Assert.True(result.Success);
        Assert.False(result.Results[0].Success);
    }

    [Fact]
    public void Message_ErrorAndWarning_ListsBothAndMarksTheWarning()
    {
        var suite = ExpectationSuite.Create("s")
            .ExpectColumnValuesToNotBeNull("email").AsWarning()
            .ExpectColumnValuesToBeUnique("customer_id")
            .Build();

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(Customers(), suite));

        Assert.Contains("but 1 of 2 expectations failed (and 1 with severity warn):", error.Message, StringComparison.Ordinal);
        Assert.Contains("1. Values in `email` must not be null [warn]", error.Message, StringComparison.Ordinal);
        Assert.Contains("2. Values in `customer_id` must be unique\n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Satisfies_RecordBatch_NamesTheBatch()
    {
        var batch = new RecordBatch.Builder().Append("x", true, c => c.Int32(b => b.Append(1).AppendNull())).Build();
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToNotBeNull("x").Build();

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(batch, suite));

        Assert.StartsWith("Expected the record batch (2 rows)", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 1: null", error.Message, StringComparison.Ordinal);
    }

    private sealed record Order(int OrderId, decimal Amount, string? Status);

    [Fact]
    public void Satisfies_Records_UsesTheNamingPolicyForColumns()
    {
        Order[] orders = [new(1, 10m, "placed"), new(2, -5m, "placed")];
        var suite = ExpectationSuite.Create("orders").ExpectColumnValuesToBeBetween("amount", min: 0).Build();

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(orders, suite, JsonNamingPolicy.SnakeCaseLower));

        Assert.StartsWith("Expected the Order items (2 rows)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Values in `amount` must be at least 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 1: -5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Satisfies_BatchSource_ValidatesItsBatches()
    {
        var batch = new RecordBatch.Builder().Append("d", true, c => c.Double(b => b.Append(1).Append(2))).Build();
        using var source = new RecordBatchSource(batch.Schema, [batch, batch], "two batches");
        var suite = ExpectationSuite.Create("s").ExpectTableRowCountToEqual(3).Build();

        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(source, suite));

        Assert.StartsWith("Expected two batches (4 rows)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DataAssertionException_IsNotAnArgumentOrInvalidOperationException()
    {
        // Test frameworks treat any exception as a failure; the type must not be one that test code commonly expects.
        var error = Assert.Throws<DataAssertionException>(() => DataAssert.Satisfies(Customers(), Suite()));

        Assert.IsNotAssignableFrom<ArgumentException>(error);
        Assert.IsNotAssignableFrom<InvalidOperationException>(error);
        Assert.IsNotType<ConfigurationException>(error);
    }
}
