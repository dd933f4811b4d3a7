using System.Text.Json.Nodes;
using Apache.Arrow;
using Dq.Expectations.Anomalies;
using Dq.Expectations.Catalog;
using Dq.Expectations.Columns;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Catalog;

/// <summary>
/// <c>expect_metric_to_not_be_anomalous</c> with an in-memory history: today's metric read from the engine's metrics,
/// the history asked for by suite, asset, metric and window, and the verdicts of Deequ's vectors.
/// </summary>
public sealed class AnomalyExpectationTests
{
    /// <summary>A history that answers every query with the same values and records the queries.</summary>
    private sealed class FixedHistory(params double[] values) : IMetricHistory
    {
        public List<MetricHistoryQuery> Queries { get; } = [];

        public IReadOnlyList<double> Values(MetricHistoryQuery query)
        {
            Queries.Add(query);
            return values;
        }
    }

    private static RecordBatch Rows(int count) => Arrays.Batch(("x", Arrays.Int64(Enumerable.Range(0, count).Select(i => (long?)i))));

    private static ExpectationSuite Suite(string kwargs) =>
        SuiteJson.Parse($$$"""{"name": "orders", "expectations": [{"type": "expect_metric_to_not_be_anomalous", "kwargs": { {{{kwargs}}} } }]}""");

    private static JsonNode Run(RecordBatch batch, string kwargs, IMetricHistory? history)
    {
        using var source = new RecordBatchSource(batch, "data/orders.csv");
        var result = Validator.Validate(source, Suite(kwargs), new ValidationOptions { MetricHistory = history, Threads = 1 });
        return ValidationResultJson.ToNode(result)["results"]![0]!;
    }

    [Fact]
    public void BatchNormal_IssueVector_FlagsTheSpike()
    {
        // Deequ's BatchNormal(3, 3) on [1, 1, 1, 1000, 500, 1] over [3, 5): the statistics of [1, 1, 1, 1] flag 1000.
        var history = new FixedHistory(1, 1, 1, 1);
        var result = Run(Rows(1000), """ "metric": "row_count", "strategy": {"name": "batch_normal"} """, history);

        Assert.False(result["success"]!.GetValue<bool>());
        Assert.Equal(1000, result["result"]!["observed_value"]!.GetValue<long>());
        var details = result["result"]!["details"]!;
        Assert.Equal("[1,1,1,1]", details["history"]!.ToJsonString());
        Assert.Equal("[1,1]", details["expected_range"]!.ToJsonString());
        Assert.Equal("""{"name":"batch_normal","lower_deviation_factor":3,"upper_deviation_factor":3}""", details["strategy"]!.ToJsonString());
    }

    [Fact]
    public void RelativeRateOfChange_IssueVector_FlagsTheJump()
    {
        // [10, 20, 50] with max_rate_increase 2: 50/20 = 2.5 is anomalous; the accepted range is (−∞, 2·20].
        var result = Run(Rows(50), """ "metric": "row_count", "strategy": {"name": "relative_rate_of_change", "max_rate_increase": 2} """, new FixedHistory(10, 20));

        Assert.False(result["success"]!.GetValue<bool>());
        Assert.Equal("[null,40]", result["result"]!["details"]!["expected_range"]!.ToJsonString());
    }

    [Fact]
    public void RelativeRateOfChange_WithinTheRate_Passes()
    {
        var result = Run(Rows(60), """ "metric": "row_count", "strategy": {"name": "relative_rate_of_change", "max_rate_increase": 2} """, new FixedHistory(10, 20, 50));
        Assert.True(result["success"]!.GetValue<bool>());
    }

    [Fact]
    public void NoHistoryProvider_PassesWithANote()
    {
        var result = Run(Rows(5), """ "metric": "row_count", "strategy": "online_normal" """, history: null);

        Assert.True(result["success"]!.GetValue<bool>());
        var details = result["result"]!["details"]!;
        Assert.Contains("no metric history", details["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("[]", details["history"]!.ToJsonString());
        Assert.Null(details["expected_range"]);
    }

    [Fact]
    public void TooLittleHistory_PassesWithANote()
    {
        var result = Run(Rows(5000), """ "metric": "row_count", "strategy": {"name": "holt_winters"} """, new FixedHistory(1, 2, 3));

        Assert.True(result["success"]!.GetValue<bool>());
        Assert.Equal("too little history: 3 earlier values, and `holt_winters` needs 14", result["result"]!["details"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public void Query_NamesSuiteAssetMetricAndWindow_AndOnlyTheNewestWindowIsUsed()
    {
        var history = new FixedHistory(100, 1, 2, 3);
        var result = Run(Arrays.Batch(("amount", Arrays.Double([1.5, 2.5, null]))),
            """ "metric": "column_mean", "column": "amount", "window": 3, "row_condition": "amount > 0", "strategy": {"name": "absolute_change", "max_rate_increase": 10} """, history);

        var query = Assert.Single(history.Queries);
        Assert.Equal(new MetricHistoryQuery("orders", "data/orders.csv", "column_mean", "amount", "amount > 0", 3), query);
        Assert.Equal("column_mean(amount) where amount > 0", query.Key);
        // The provider returned four values; the expectation keeps the newest three.
        Assert.Equal("[1,2,3]", result["result"]!["details"]!["history"]!.ToJsonString());
        Assert.Equal(2.0, result["result"]!["observed_value"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("column_null_fraction", 0.4)]
    [InlineData("column_mean", 2.5)]
    [InlineData("column_sum", 7.5)]
    [InlineData("column_min", 1.0)]
    [InlineData("column_max", 4.0)]
    [InlineData("column_distinct_count", 2.0)]
    public void ColumnMetrics_ObserveTheColumn(string metric, double expected)
    {
        // amount = [1, 4, null, 2.5, null]: 2 nulls of 5, sum 7.5, mean 2.5, min 1, max 4; code has 2 distinct values.
        var batch = Arrays.Batch(("amount", Arrays.Double([1, 4, null, 2.5, null])), ("code", Arrays.String(["a", "b", "a", null, "b"])));
        var column = metric == "column_distinct_count" ? "code" : "amount";
        var result = Run(batch, $$""" "metric": "{{metric}}", "column": "{{column}}", "strategy": {"name": "simple_thresholds", "upper_bound": 1e9} """, new FixedHistory());
        var observed = result["result"]!["observed_value"]!.GetValue<double>();
        Assert.Equal(expected, observed, 1e-12);
    }

    [Fact]
    public void ColumnStdev_IsTheSampleDeviation()
    {
        // [2, 4, 4, 4, 5, 5, 7, 9]: sample variance 32/7.
        var batch = Arrays.Batch(("v", Arrays.Int64([2, 4, 4, 4, 5, 5, 7, 9])));
        var result = Run(batch, """ "metric": "column_stdev", "column": "v", "strategy": {"name": "simple_thresholds", "lower_bound": 0} """, new FixedHistory());
        Assert.Equal(Math.Sqrt(32.0 / 7), result["result"]!["observed_value"]!.GetValue<double>(), 1e-12);
    }

    [Fact]
    public void IntegerSum_IsObservedExactly()
    {
        var batch = Arrays.Batch(("v", Arrays.Int64([long.MaxValue / 2, long.MaxValue / 2])));
        var result = Run(batch, """ "metric": "column_sum", "column": "v", "strategy": {"name": "simple_thresholds", "lower_bound": 0} """, new FixedHistory());
        Assert.True(result["result"]!["observed_value"]!.GetValueKind() == System.Text.Json.JsonValueKind.Number, result.ToJsonString());
        Assert.Equal(long.MaxValue - 1, result["result"]!["observed_value"]!.GetValue<long>());
    }

    [Fact]
    public void TextColumn_MeanCannotBeWatched()
    {
        var batch = Arrays.Batch(("code", Arrays.String(["a", "b"])));
        var result = Run(batch, """ "metric": "column_mean", "column": "code", "strategy": "batch_normal" """, new FixedHistory(1, 2, 3));
        Assert.False(result["success"]!.GetValue<bool>());
        Assert.Contains("does not hold numbers", result["exception_info"]!["exception_message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingColumn_IsAFailedResultWithExceptionInfo()
    {
        var result = Run(Rows(3), """ "metric": "column_mean", "column": "nope", "strategy": "batch_normal" """, new FixedHistory(1, 2, 3));
        Assert.False(result["success"]!.GetValue<bool>());
        Assert.True(result["exception_info"]!["raised_exception"]!.GetValue<bool>());
    }

    [Fact]
    public void AllNullColumn_ObservesNothingAndFails()
    {
        var batch = Arrays.Batch(("amount", Arrays.Double([null, null])));
        var result = Run(batch, """ "metric": "column_mean", "column": "amount", "strategy": "batch_normal" """, new FixedHistory(1, 2, 3));
        Assert.False(result["success"]!.GetValue<bool>());
        Assert.Null(result["result"]!["observed_value"]);
    }

    [Fact]
    public void OnlineNormal_EarlierSpikeIsRolledBack()
    {
        // Twenty values alternating 100 and 102, with one spike of 1000 among them. Rolled back, the spike leaves the
        // band narrow, so 110 is anomalous; kept in the statistics (ignore_anomalies false) it widens the band to pass 110.
        var values = Enumerable.Range(0, 20).Select(i => i == 12 ? 1000.0 : 100 + (2 * (i % 2))).ToArray();
        var ignoring = Run(Rows(110), """ "metric": "row_count", "strategy": {"name": "online_normal"} """, new FixedHistory(values));
        var keeping = Run(Rows(110), """ "metric": "row_count", "strategy": {"name": "online_normal", "ignore_anomalies": false} """, new FixedHistory(values));

        Assert.False(ignoring["success"]!.GetValue<bool>());
        Assert.True(keeping["success"]!.GetValue<bool>());
    }

    [Fact]
    public void OpenDeviationFactor_IsNullInTheStrategyAndTheRange()
    {
        var result = Run(Rows(1), """ "metric": "row_count", "strategy": {"name": "batch_normal", "lower_deviation_factor": null} """, new FixedHistory(10, 12, 14));
        var details = result["result"]!["details"]!;
        Assert.True(result["success"]!.GetValue<bool>());
        Assert.Null(details["expected_range"]![0]);
        Assert.Null(details["strategy"]!["lower_deviation_factor"]);
    }

    [Fact]
    public void HistoryKey_OfAConfiguration()
    {
        var configuration = new ExpectationConfiguration(ExpectMetricToNotBeAnomalous.TypeName,
            new JsonObject { ["metric"] = "column_mean", ["column"] = "amount", ["strategy"] = "batch_normal" });
        Assert.Equal("column_mean(amount)", ExpectMetricToNotBeAnomalous.HistoryKey(configuration));
        Assert.Null(ExpectMetricToNotBeAnomalous.HistoryKey(new ExpectationConfiguration("expect_column_to_exist", new JsonObject { ["column"] = "a" })));
    }

    [Fact]
    public void SuiteBuilder_WritesTheStrategyAsItsJsonObject()
    {
        var suite = new SuiteBuilder("s")
            .ExpectMetricToNotBeAnomalous("column_mean", new OnlineNormalStrategy(2, null, 0.2, ignoreAnomalies: false), column: "amount", window: 30)
            .Build();
        var expectation = Assert.IsType<ExpectMetricToNotBeAnomalous>(suite.Expectations[0]);

        Assert.Equal("""{"name":"online_normal","lower_deviation_factor":2,"upper_deviation_factor":null,"ignore_start_percentage":0.2,"ignore_anomalies":false}""",
            expectation.Configuration.Kwargs["strategy"]!.ToJsonString());
        var strategy = Assert.IsType<OnlineNormalStrategy>(expectation.Strategy);
        Assert.Equal((2.0, (double?)null, 0.2, false), (strategy.LowerDeviationFactor!.Value, strategy.UpperDeviationFactor, strategy.IgnoreStartPercentage, strategy.IgnoreAnomalies));
        Assert.Equal(30, expectation.Window);
    }

    [Fact]
    public void Sentence_NamesTheMetricColumnAndStrategy()
    {
        var configuration = new ExpectationConfiguration(ExpectMetricToNotBeAnomalous.TypeName,
            new JsonObject { ["metric"] = "column_null_fraction", ["column"] = "email", ["strategy"] = "batch_normal", ["window"] = 30 });
        Assert.Equal("The fraction of nulls in `email` must not be anomalous compared with earlier runs over the last 30 runs, by `batch_normal`",
            ExpectationCatalog.Describe(configuration).ToPlainText());
    }

    [Theory]
    [InlineData(""" "metric": "row_cont", "strategy": "batch_normal" """, "Did you mean `row_count`?")]
    [InlineData(""" "metric": "row_count", "strategy": "batch_normall" """, "Did you mean `batch_normal`?")]
    [InlineData(""" "metric": "row_count", "strategy": {"name": "online_normal", "max_rate_increase": 2} """, "a parameter of `absolute_change`, `relative_rate_of_change`")]
    [InlineData(""" "metric": "row_count", "strategy": {"name": "online_normal", "upper_deviaton_factor": 2} """, "Did you mean `upper_deviation_factor`?")]
    [InlineData(""" "metric": "row_count", "strategy": {"name": "absolute_change"} """, "Give max_rate_decrease, max_rate_increase or both")]
    [InlineData(""" "metric": "row_count", "strategy": {"name": "holt_winters", "metrics_interval": "monthly", "seasonality": "weekly"} """, "no season for monthly metrics")]
    [InlineData(""" "metric": "row_count", "strategy": {"name": "holt_winters", "seasonality": "weekley"} """, "Did you mean `weekly`?")]
    [InlineData(""" "metric": "row_count", "strategy": {"max_rate_increase": 2} """, "has no `name`")]
    [InlineData(""" "metric": "row_count", "column": "x", "strategy": "batch_normal" """, "a metric of the whole table")]
    [InlineData(""" "metric": "column_mean", "strategy": "batch_normal" """, "kwarg `column` is missing")]
    [InlineData(""" "metric": "row_count", "strategy": "batch_normal", "window": 0 """, "kwarg `window` is 0")]
    [InlineData(""" "metric": "row_count" """, "kwarg `strategy` is missing")]
    [InlineData(""" "metric": "row_count", "strategy": {"name": "online_normal", "ignore_start_percentage": 2} """, "must lie in [0, 1]")]
    public void BadKwargs_AreConfigurationErrorsThatSayWhatToDo(string kwargs, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Suite(kwargs));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("expect_metric_to_not_be_anomalous", error.Message, StringComparison.Ordinal);
    }
}
