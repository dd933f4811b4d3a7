using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Execution;

/// <summary>
/// The multi-column and table-shape expectations give the same COMPLETE result JSON for any split of the rows into
/// batches and threads; compound uniqueness in particular finds repeats that fall in different batches.
/// </summary>
public sealed class MultiColumnChunkingInvarianceTests
{
    [Theory]
    [InlineData(4, 257)]
    [InlineData(5, 90)]
    public void Validate_AnyBatchSizeAndThreads_SameResultJson(int seed, int rows)
    {
        var (batch, _) = ChunkingInvarianceTests.Table(seed, rows);
        var baseline = Runs.WithoutRunMeta(Runs.Validate(batch.Schema, [batch], Suite(), Options(1)).Json);

        foreach (var batchRows in new[] { 1, 7, 64, rows })
        {
            foreach (var threads in new[] { 1, 2 })
            {
                var json = Runs.Validate(batch.Schema, Arrays.Split(batch, batchRows), Suite(), Options(threads), blockRows: 64).Json;
                Assert.True(baseline == Runs.WithoutRunMeta(json), $"batches of {batchRows}, {threads} threads");
            }
        }
    }

    [Fact]
    public void Validate_CompoundRepeatsInSingleRowBatches_MatchNaiveReference()
    {
        var (batch, t) = ChunkingInvarianceTests.Table(6, 300);

        var json = Runs.Validate(batch.Schema, Arrays.Split(batch, 1), Suite(), Options(2), blockRows: 64).Json;

        // Default ignore_row_if skips rows where both are missing; NaN is missing like null.
        static object Key(long? id, string? word) => (id, word);
        var considered = t.Ids.Zip(t.Words).Select((p, i) => (Key: Key(p.First, p.Second), Index: i, Skip: p.First is null && p.Second is null)).Where(p => !p.Skip).ToList();
        var repeated = considered.GroupBy(p => p.Key).Where(g => g.Count() > 1).SelectMany(g => g.Select(p => (long)p.Index)).Order().ToArray();
        Assert.Equal(repeated, Runs.UnexpectedIndexes(json, 5));
    }

    private static ValidationOptions Options(int threads) =>
        new() { ResultFormat = new ResultFormat(ResultFormatLevel.Complete), Threads = threads, RunId = "run" };

    private static ExpectationSuite Suite() => ExpectationSuite.Create("multi")
        .ExpectColumnPairValuesToBeEqual("id", "x", "neither")                           // 0
        .ExpectColumnPairValuesAToBeGreaterThanB("x", "id", orEqual: true)                // 1
        .ExpectColumnPairValuesToBeInSet("s", "d", [("apple", "apple"), ("fig", "date")]) // 2
        .ExpectMulticolumnSumToEqual(["id", "x"], 10, "any_value_is_missing")             // 3
        .ExpectSelectColumnValuesToBeUniqueWithinRecord(["s", "d"], mostly: 0.5)          // 4
        .ExpectCompoundColumnsToBeUnique(["id", "s"])                                      // 5
        .ExpectCompoundColumnsToBeUnique(["s", "d"], "never")                              // 6
        .ExpectTableColumnCountToEqual(4)                                                  // 7
        .ExpectTableColumnCountToBeBetween(1, 3)                                           // 8
        .ExpectTableColumnsToMatchOrderedList(["id", "x", "s", "d"])                       // 9
        .ExpectTableColumnsToMatchSet(["id", "x"], exactMatch: false)                      // 10
        .Build();
}
