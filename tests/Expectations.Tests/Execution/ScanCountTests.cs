using Dq.Expectations.Kernels;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Execution;

/// <summary>Expectations on a column share one scan of it per batch, and equal metric keys are computed once.</summary>
public sealed class ScanCountTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(20, 1)]
    [InlineData(20, 2)]
    public void Validate_FiveExpectationsOnOneColumn_OneScanPerBatch(int batches, int threads)
    {
        var (batch, _) = ChunkingInvarianceTests.Table(seed: 4, rows: 200);
        var split = Arrays.Split(batch, (int)Math.Ceiling(200.0 / batches));
        var suite = ExpectationSuite.Create("one column")
            .ExpectColumnValuesToNotBeNull("id")
            .ExpectColumnValuesToBeBetween("id", 0, 50)
            .ExpectColumnValuesToBeInSet("id", [1, 2, 3])
            .ExpectColumnValuesToBeUnique("id")
            .ExpectColumnValuesToNotBeInSet("id", [4, 5])
            .Build();

        var (_, statistics) = Runs.Validate(batch.Schema, split, suite, new ValidationOptions { Threads = threads });

        Assert.Equal(batches, split.Count);
        Assert.Equal(batches, statistics.Batches);
        Assert.Equal(batches, statistics.ColumnScans);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Validate_ExpectationsOnThreeColumns_ThreeScansPerBatch(int batches)
    {
        var (batch, _) = ChunkingInvarianceTests.Table(seed: 5, rows: 180);
        var split = Arrays.Split(batch, 180 / batches);
        var suite = ExpectationSuite.Create("three columns")
            .ExpectColumnValuesToNotBeNull("id").ExpectColumnValuesToBeUnique("id")
            .ExpectColumnValuesToBeBetween("x", 0, 1).ExpectColumnValuesToNotBeInSet("x", [0.5])
            .ExpectColumnValuesToBeInSet("d", ["fig"]).ExpectColumnValuesToBeNull("d")
            .ExpectTableRowCountToEqual(180).ExpectColumnToExist("s")
            .Build();

        var (_, statistics) = Runs.Validate(batch.Schema, split, suite, new ValidationOptions { Threads = 2 });

        Assert.Equal(3 * batches, statistics.ColumnScans);
    }

    [Fact]
    public void Validate_OnlyTableExpectationsAndAMissingColumn_NoScans()
    {
        var (batch, _) = ChunkingInvarianceTests.Table(seed: 6, rows: 50);
        var suite = ExpectationSuite.Create("no scans").ExpectTableRowCountToEqual(50).ExpectColumnValuesToNotBeNull("missing").Build();

        var (_, statistics) = Runs.Validate(batch.Schema, Arrays.Split(batch, 10), suite);

        Assert.Equal(0, statistics.ColumnScans);
        Assert.Equal(50, statistics.Rows);
    }

    [Fact]
    public void Plan_KeyRequestedByTwoExpectations_PlannedOnce()
    {
        var (batch, _) = ChunkingInvarianceTests.Table(seed: 7, rows: 10);
        var suite = ExpectationSuite.Create("shared keys")
            .ExpectColumnValuesToNotBeNull("id")                       // NullRows(id) twice: its own and the missing count
            .ExpectColumnValuesToBeBetween("id", 0, 5)                  // NullRows(id), OutOfRange(id)
            .ExpectColumnValuesToBeBetween("id", 0, 5).WithResultFormat(ResultFormatLevel.Complete) // the same keys again
            .ExpectColumnValuesToBeInSet("id", [1, 2]).ExpectColumnValuesToBeInSet("id", [2, 1, 2.0]) // one set key
            .Build();
        var requests = suite.Expectations.SelectMany(e => e.Requests(e.ResultFormatOverride ?? ResultFormat.Summary)).ToList();

        var plan = Planner.Plan(requests, batch.Schema, KernelVariant.Scalar);

        Assert.Equal(requests.Select(r => r.Key).Distinct().Count(), plan.Metrics.Count() + plan.RowCounts.Count);
        Assert.Equal(3, plan.Metrics.Count());
        Assert.Single(plan.RowCounts);
        Assert.Single(plan.Scans);
    }

    [Fact]
    public void Plan_SameKeyWithDifferentSampleLimits_KeepsTheLargest()
    {
        var (batch, _) = ChunkingInvarianceTests.Table(seed: 8, rows: 10);
        var key = new OutOfRangeKey("id", new RangeBounds(0L, 5L, false, false));

        var plan = Planner.Plan([new MetricRequest(key, 3), new MetricRequest(key, 20), new MetricRequest(key, 0)], batch.Schema, KernelVariant.Scalar);

        var metric = Assert.Single(plan.Metrics);
        Assert.Equal(20, ((RowCheckKernel)metric.Kernel).SampleLimit);
    }
}
