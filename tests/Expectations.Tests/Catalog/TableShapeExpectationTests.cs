using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Catalog;

/// <summary>The table-shape expectations: judged from the schema, with GX's observed values and details.</summary>
public sealed class TableShapeExpectationTests
{
    private static readonly Apache.Arrow.RecordBatch s_batch =
        Arrays.Batch(("c1", Arrays.Int64([1])), ("c2", Arrays.Int64([1])), ("c3", Arrays.Int64([1])));

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void ColumnCountToEqual_ObservesTheColumnCount(long value, bool success)
    {
        var json = Runs.Json(s_batch, ExpectationSuite.Create("s").ExpectTableColumnCountToEqual(value).Build());

        Assert.Equal(success, Runs.Success(json));
        Assert.Equal(3, Runs.Result(json)["observed_value"]!.GetValue<long>());
    }

    [Fact]
    public void ColumnCountToBeBetween_MinAboveMax_Throws() =>
        Assert.Throws<ConfigurationException>(() => ExpectationSuite.Create("s").ExpectTableColumnCountToBeBetween(2, 1).Build());

    [Fact]
    public void ColumnsToMatchOrderedList_WrongOrder_ListsMismatchedPositions()
    {
        var json = Runs.Json(s_batch, ExpectationSuite.Create("s").ExpectTableColumnsToMatchOrderedList(["c1", "c3", "c2", "c4"]).Build());

        Assert.False(Runs.Success(json));
        Assert.Equal(
            """{"mismatched":[{"Expected Column Position":1,"Expected":"c3","Found":"c2"},{"Expected Column Position":2,"Expected":"c2","Found":"c3"},{"Expected Column Position":3,"Expected":"c4","Found":null}]}""",
            Runs.Result(json)["details"]!.ToJsonString());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void ColumnsToMatchSet_ExtraColumn_FailsOnlyWithExactMatch(bool exactMatch, bool success)
    {
        var json = Runs.Json(s_batch, ExpectationSuite.Create("s").ExpectTableColumnsToMatchSet(["c2", "c1"], exactMatch).Build());

        Assert.Equal(success, Runs.Success(json));
        Assert.Equal("""{"mismatched":{"unexpected":["c3"]}}""", Runs.Result(json)["details"]!.ToJsonString());
    }

    [Fact]
    public void ColumnsToMatchSet_MissingColumn_Fails()
    {
        var json = Runs.Json(s_batch, ExpectationSuite.Create("s").ExpectTableColumnsToMatchSet(["c1", "c2", "c3", "c9"], exactMatch: false).Build());

        Assert.False(Runs.Success(json));
        Assert.Equal("""{"mismatched":{"missing":["c9"]}}""", Runs.Result(json)["details"]!.ToJsonString());
    }
}
