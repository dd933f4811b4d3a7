using System.Text.Json;
using Apache.Arrow;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Microsoft.Data.Analysis;

namespace Dq.Testing.Tests;

public sealed class FluentAssertionTests
{
    private static DataFrame Frame() => new(
        new Int32DataFrameColumn("id", new int?[] { 1, 2, 3 }),
        new StringDataFrameColumn("email", ["a@x.org", null, "c@x.org"]),
        new StringDataFrameColumn("day", ["2024-01-31", "2024-02-30", "2024-03-01"]));

    [Fact]
    public void Chain_GoodColumn_Passes()
    {
        var column = Frame().Should().HaveRowCount(3).HaveColumn("id").WithNoNulls().WithUniqueValues().WithValuesBetween(1, 3).WithValuesNotIn([0]);

        Assert.Equal("id", column.Column);
    }

    [Fact]
    public void HaveColumn_Missing_ThrowsNamingTheColumn()
    {
        var error = Assert.Throws<DataAssertionException>(() => Frame().Should().HaveColumn("mail"));

        Assert.Contains("1. Column `mail` must exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithNoNulls_NullValue_ThrowsWithTheRow()
    {
        var error = Assert.Throws<DataAssertionException>(() => Frame().Should().HaveColumn("email").WithNoNulls());

        Assert.Contains("Values in `email` must not be null", error.Message, StringComparison.Ordinal);
        Assert.Contains("sample: row 1: null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithNoNulls_Mostly_AllowsAFraction()
    {
        Frame().Should().HaveColumn("email").WithNoNulls(mostly: 0.6);

        Assert.Throws<DataAssertionException>(() => Frame().Should().HaveColumn("email").WithNoNulls(mostly: 0.7));
    }

    [Fact]
    public void MatchingStrftimeFormat_ImpossibleDate_Throws()
    {
        var error = Assert.Throws<DataAssertionException>(() => Frame().Should().HaveColumn("day").MatchingStrftimeFormat("%Y-%m-%d"));

        Assert.Contains("Values in `day` must match `%Y-%m-%d`", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 1: \"2024-02-30\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void And_GoesBackToTheTable()
    {
        var error = Assert.Throws<DataAssertionException>(() =>
            Frame().Should().HaveColumn("id").WithNoNulls().And.HaveColumn("email").WithValuesIn(["a@x.org"]));

        Assert.Contains("Values in `email` must belong to the set [\"a@x.org\"]", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 2: \"c@x.org\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Satisfying_ExistingTypeByName_ChecksIt()
    {
        var kwargs = new Dictionary<string, object?> { ["min_value"] = 2 };

        var error = Assert.Throws<DataAssertionException>(() => Frame().Should().HaveColumn("id").Satisfying("expect_column_values_to_be_between", kwargs));

        Assert.Contains("Values in `id` must be at least 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 0: 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Satisfying_UnknownType_IsAConfigurationError()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            Frame().Should().HaveColumn("id").Satisfying("expect_column_values_to_be_purple", new Dictionary<string, object?>()));

        Assert.Contains("expect_column_values_to_be_purple", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TableSatisfying_RowCountBetween_ShowsObservedValue()
    {
        var error = Assert.Throws<DataAssertionException>(() =>
            Frame().Should().Satisfying("expect_table_row_count_to_be_between", new Dictionary<string, object?> { ["min_value"] = 5 }));

        Assert.Contains("The table must have at least 5 rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("observed value: 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HaveRowCountBetween_OutOfBounds_Throws()
    {
        Frame().Should().HaveRowCountBetween(1, 3);

        var error = Assert.Throws<DataAssertionException>(() => Frame().Should().HaveRowCountBetween(null, 2));

        Assert.Contains("The table must have at most 2 rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Satisfy_Suite_ListsEveryFailure()
    {
        var suite = Dq.Expectations.Suites.ExpectationSuite.Create("all")
            .ExpectColumnValuesToNotBeNull("email").ExpectColumnValuesToMatchStrftimeFormat("day", "%Y-%m-%d").Build();

        var error = Assert.Throws<DataAssertionException>(() => Frame().Should().Satisfy(suite));

        Assert.Contains("2 of 2 expectations failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_OnRecordBatch_Works()
    {
        var batch = new RecordBatch.Builder().Append("x", true, c => c.Int64(b => b.Append(5).Append(5))).Build();

        var error = Assert.Throws<DataAssertionException>(() => batch.Should().HaveColumn("x").WithUniqueValues());

        Assert.Contains("sample: row 0: 5, row 1: 5", error.Message, StringComparison.Ordinal);
    }

    private sealed record Person(string Name, int? Age);

    [Fact]
    public void Should_OnRecords_UsesTheNamingPolicy()
    {
        Person[] people = [new("Ann", 30), new("Bob", null)];

        people.Should(JsonNamingPolicy.SnakeCaseLower).HaveColumn("name").WithNoNulls();
        var error = Assert.Throws<DataAssertionException>(() => people.Should(JsonNamingPolicy.SnakeCaseLower).HaveColumn("age").WithNoNulls());

        Assert.StartsWith("Expected the Person items (2 rows)", error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingSource(IBatchSource inner) : IBatchSource
    {
        public bool Disposed { get; private set; }

        public string Name => inner.Name;

        public Schema Schema => inner.Schema;

        public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default) =>
            inner.ReadBatches(columns, cancellationToken);

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void Should_OnBatchSource_LeavesItOpen()
    {
        var batch = new RecordBatch.Builder().Append("x", true, c => c.Int64(b => b.Append(1))).Build();
        using var source = new CountingSource(new RecordBatchSource(batch));

        source.Should().HaveColumn("x").WithNoNulls();

        Assert.False(source.Disposed);
    }
}
