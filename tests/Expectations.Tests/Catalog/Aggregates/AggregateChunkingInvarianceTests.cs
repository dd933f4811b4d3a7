using Apache.Arrow;
using Dq.Expectations.Results;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Catalog.Aggregates.AggregateSuites;

namespace Dq.Expectations.Tests.Catalog.Aggregates;

/// <summary>
/// Every aggregate expectation gives the same COMPLETE result JSON for batches of 1, 7, 64 and all rows on one and two
/// threads: integers (counts, exact sums, extremes) exactly, reals (means, deviations, real sums, divergences)
/// within 1e-12 relative.
/// </summary>
public sealed class AggregateChunkingInvarianceTests
{
    private static readonly string[] s_words = ["apple", "banana", "cherry", "date", "elder", "fig"];

    [Theory]
    [InlineData(1, 300)]
    [InlineData(2, 129)]
    [InlineData(3, 64)]
    public void Validate_AnyBatchSizeAndThreads_SameAggregateResults(int seed, int rows)
    {
        var batch = Table(seed, rows);
        var suite = Suite(Expectations());
        var baseline = Runs.Validate(batch.Schema, [batch], suite, Options(1)).Json;
        Assert.All(baseline["results"]!.AsArray(), r => Assert.False(r!["exception_info"]!["raised_exception"]!.GetValue<bool>(), r.ToJsonString()));

        foreach (var batchRows in new[] { 1, 7, 64, rows })
        {
            foreach (var threads in new[] { 1, 2 })
            {
                var json = Runs.Validate(batch.Schema, Arrays.Split(batch, batchRows), suite, Options(threads)).Json;
                var difference = Difference(baseline["results"], json["results"], "results");
                Assert.True(difference is null, $"batches of {batchRows}, {threads} threads: {difference}");
            }
        }
    }

    private static ValidationOptions Options(int threads) =>
        new() { ResultFormat = new ResultFormat(ResultFormatLevel.Complete), Threads = threads, RunId = "run" };

    /// <summary>Every aggregate type over int64 (i), double (x), text (s) and date (d) columns.</summary>
    private static string[] Expectations()
    {
        var list = new List<string>();
        foreach (var column in new[] { "i", "x" })
        {
            foreach (var type in new[] { "min", "max", "mean", "median", "sum", "stdev", "unique_value_count", "proportion_of_unique_values" })
            {
                list.Add(E($"column_{type}_to_be_between", $"\"column\": \"{column}\", \"min_value\": -5, \"max_value\": 50"));
            }
            list.Add(E("column_quantile_values_to_be_between",
                $"\"column\": \"{column}\", \"quantile_ranges\": {{\"quantiles\": [0, 0.25, 0.5, 0.9, 1], \"value_ranges\": [[null, 0], [-3, 3], [null, null], [0, 20], [5, null]]}}"));
            list.Add(E("column_kl_divergence_to_be_less_than", $"\"column\": \"{column}\", \"threshold\": 0.5"));
            list.Add(E("column_kl_divergence_to_be_less_than",
                $"\"column\": \"{column}\", \"threshold\": 0.5, \"partition_object\": {{\"bins\": [-10, 0, 5, 10], \"weights\": [0.3, 0.3, 0.4]}}, \"tail_weight_holdout\": 0.1"));
        }
        foreach (var column in new[] { "s", "d" })
        {
            list.Add(E("column_min_to_be_between", $"\"column\": \"{column}\", \"min_value\": \"2001-01-01\""));
            list.Add(E("column_max_to_be_between", $"\"column\": \"{column}\", \"max_value\": \"{(column == "s" ? "zzz" : "2001-01-15T00:00:00")}\""));
            list.Add(E("column_unique_value_count_to_be_between", $"\"column\": \"{column}\", \"min_value\": 3"));
            list.Add(E("column_proportion_of_unique_values_to_be_between", $"\"column\": \"{column}\", \"max_value\": 0.5"));
            list.Add(E("column_distinct_values_to_be_in_set", $"\"column\": \"{column}\", \"value_set\": null"));
            list.Add(E("column_most_common_value_to_be_in_set", $"\"column\": \"{column}\", \"value_set\": [\"apple\", \"2001-01-02\"], \"ties_okay\": true"));
        }
        list.Add(E("column_distinct_values_to_contain_set", "\"column\": \"i\", \"value_set\": [1, 2.0]"));
        list.Add(E("column_distinct_values_to_equal_set", "\"column\": \"s\", \"value_set\": [\"apple\", \"banana\"]"));
        list.Add(E("column_most_common_value_to_be_in_set", "\"column\": \"i\", \"value_set\": [0, 1, 2]"));
        list.Add(E("column_kl_divergence_to_be_less_than",
            "\"column\": \"s\", \"threshold\": 0.2, \"partition_object\": {\"values\": [\"apple\", \"banana\", \"cherry\"], \"weights\": [0.5, 0.25, 0.25]}, \"tail_weight_holdout\": 0.2"));
        return [.. list];
    }

    /// <summary>Int64 with nulls and repeats, doubles with nulls and NaN, text and dates with nulls.</summary>
    private static RecordBatch Table(int seed, int rows)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, rows).Select(_ => random.Next(8) == 0 ? null : (long?)random.Next(-5, 40)).ToList();
        var reals = Enumerable.Range(0, rows).Select(_ => random.Next(10) switch
        {
            0 => null,
            1 => double.NaN,
            _ => (double?)((random.NextDouble() * 30) - 12),
        }).ToList();
        var words = Enumerable.Range(0, rows).Select(_ => random.Next(6) == 0 ? null : s_words[random.Next(s_words.Length)]).ToList();
        var dates = Enumerable.Range(0, rows).Select(_ => random.Next(5) == 0 ? null : (DateOnly?)new DateOnly(2001, 1, 1).AddDays(random.Next(0, 20))).ToList();
        return Arrays.Batch(("i", Arrays.Int64(ids)), ("x", Arrays.Double(reals)), ("s", Arrays.String(words)), ("d", Arrays.Date32(dates)));
    }
}
