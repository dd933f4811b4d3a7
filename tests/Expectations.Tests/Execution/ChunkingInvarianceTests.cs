using Apache.Arrow;
using Dq.Expectations.Kernels;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Execution;

/// <summary>
/// How rows are split into batches, threads and blocks never changes a result: every split of the same seeded
/// table gives the same COMPLETE result JSON (apart from the run's meta) for a suite of all ten expectation types.
/// </summary>
public sealed class ChunkingInvarianceTests
{
    private static readonly string[] s_words = ["apple", "banana", "cherry", "date", "elder", "fig", "grape", "2024"];

    [Theory]
    [InlineData(1, 333)]
    [InlineData(2, 130)]
    [InlineData(3, 64)]
    public void Validate_AnyBatchSizeThreadsAndBlockRows_SameResultJson(int seed, int rows)
    {
        var (batch, _) = Table(seed, rows);
        var suite = Suite(rows);
        var baseline = Runs.WithoutRunMeta(Runs.Validate(batch.Schema, [batch], suite, Options(1), KernelVariant.Scalar).Json);

        foreach (var batchRows in new[] { 1, 7, 64, 65_536, rows })
        {
            foreach (var threads in new[] { 1, 2 })
            {
                foreach (var blockRows in new[] { 64, 0 })
                {
                    var json = Runs.Validate(batch.Schema, Arrays.Split(batch, batchRows), suite, Options(threads), blockRows: blockRows).Json;
                    Assert.True(baseline == Runs.WithoutRunMeta(json), $"batches of {batchRows}, {threads} threads, blocks of {blockRows}");
                }
            }
        }
    }

    [Theory]
    [InlineData(1, 333)]
    [InlineData(2, 130)]
    public void Validate_SplitIntoSingleRowBatches_CountsMatchNaiveReference(int seed, int rows)
    {
        var (batch, t) = Table(seed, rows);

        var json = Runs.Validate(batch.Schema, Arrays.Split(batch, 1), Suite(rows), Options(2), blockRows: 64).Json;

        var repeated = t.Ids.OfType<long>().GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        Assert.Equal(Reference.Rows(t.Ids, v => v is { } x && repeated.Contains(x)), Runs.UnexpectedIndexes(json, 5));
        Assert.Equal(Reference.Rows(t.Reals, v => v is { } x && !(x >= -10 && x <= 10)), Runs.UnexpectedIndexes(json, 8));
        Assert.Equal(Reference.Rows(t.Words, v => v is not null && v is not ("apple" or "banana" or "cherry")), Runs.UnexpectedIndexes(json, 11));
        Assert.Equal(Reference.Rows(t.Coded, v => v is "fig" or "2024"), Runs.UnexpectedIndexes(json, 14));
    }

    private static ValidationOptions Options(int threads) =>
        new() { ResultFormat = new ResultFormat(ResultFormatLevel.Complete), Threads = threads, RunId = "run" };

    private static ExpectationSuite Suite(int rows) => ExpectationSuite.Create("all ten")
        .ExpectColumnToExist("id", 0)                                         // 0
        .ExpectTableRowCountToBeBetween(10, 10_000)                            // 1
        .ExpectTableRowCountToEqual(rows)                                      // 2
        .ExpectColumnValuesToNotBeNull("id", mostly: 0.5)                      // 3
        .ExpectColumnValuesToBeNull("s")                                       // 4
        .ExpectColumnValuesToBeUnique("id")                                    // 5
        .ExpectColumnValuesToBeUnique("x")                                     // 6
        .ExpectColumnValuesToBeUnique("d")                                     // 7
        .ExpectColumnValuesToBeBetween("x", -10, 10)                           // 8
        .ExpectColumnValuesToBeBetween("id", 5.5, 100, strictMin: true)        // 9
        .ExpectColumnValuesToBeBetween("d", "b", "f")                          // 10
        .ExpectColumnValuesToBeInSet("s", ["apple", "banana", "cherry"])       // 11
        .ExpectColumnValuesToBeInSet("id", Enumerable.Range(0, 50))            // 12
        .ExpectColumnValuesToBeInSet("d", ["apple", "date", "fig"], 0.4)       // 13
        .ExpectColumnValuesToNotBeInSet("d", ["fig", "2024"])                  // 14
        .ExpectColumnValuesToNotBeInSet("x", [0.5, 1, 2.25])                   // 15
        .ExpectColumnValuesToMatchStrftimeFormat("s", "%Y")                    // 16
        .Build();

    internal sealed record Columns(List<long?> Ids, List<double?> Reals, List<string?> Words, List<string?> Coded);

    /// <summary>A seeded table: int64 with nulls and duplicates, doubles with NaN and ±∞, text with nulls, dictionary text.</summary>
    internal static (RecordBatch Batch, Columns Values) Table(int seed, int rows)
    {
        var random = new Random(seed);
        double[] specials = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.5, 1, 2.25, -0.0];
        var ids = Enumerable.Range(0, rows).Select(_ => random.Next(10) == 0 ? null : (long?)random.Next(0, rows / 2)).ToList();
        var reals = Enumerable.Range(0, rows).Select(_ => random.Next(10) switch
        {
            0 => null,
            1 or 2 => specials[random.Next(specials.Length)],
            _ => (double?)Math.Round((random.NextDouble() * 30) - 15, 1),
        }).ToList();
        var words = Enumerable.Range(0, rows).Select(_ => random.Next(6) == 0 ? null : s_words[random.Next(s_words.Length)]).ToList();
        var coded = Enumerable.Range(0, rows).Select(_ => random.Next(7) == 0 ? null : s_words[random.Next(s_words.Length)]).ToList();
        var batch = Arrays.Batch(("id", Arrays.Int64(ids)), ("x", Arrays.Double(reals)), ("s", Arrays.String(words)), ("d", Arrays.DictionaryString(coded)));
        return (batch, new Columns(ids, reals, words, coded));
    }
}
