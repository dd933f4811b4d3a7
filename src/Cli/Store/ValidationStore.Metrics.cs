namespace Dq.Cli.Store;

internal sealed partial class ValidationStore
{
    /// <summary>
    /// The history query of <see cref="MetricValues"/> (parameters <c>$suite $asset $key $window</c>): a range of the
    /// <c>metric_values_by_asset</c> index read newest first, so it costs <c>window</c> entries at most, and nothing when
    /// the metric was never stored. Runs of the same time come in storing order (<c>run_seq</c>, which the index holds).
    /// </summary>
    internal const string MetricValuesSql = """
        SELECT value FROM metric_values
        WHERE suite = $suite AND data_asset = $asset AND metric_key = $key
        ORDER BY run_time DESC, run_seq DESC LIMIT $window
        """;

    /// <summary>
    /// The history of an unfiltered row count: every run of the suite on the asset (the <c>runs_by_asset</c> index,
    /// newest first), each giving the watched value when it has one and its own row count otherwise. Every run gives a
    /// value, so the query stops after <c>window</c> runs.
    /// </summary>
    internal const string RowCountValuesSql = """
        SELECT COALESCE(
            (SELECT m.value FROM metric_values m WHERE m.run_id = r.run_id AND m.metric_key = $key),
            r.row_count)
        FROM runs r WHERE r.suite = $suite AND r.data_asset = $asset
        ORDER BY r.run_time DESC, r.rowid DESC LIMIT $window
        """;

    /// <summary>
    /// The earlier values of a watched metric: the <c>observed_value</c> of the expectation watching
    /// <paramref name="metricKey"/> in the newest runs of <paramref name="suite"/> on <paramref name="dataAsset"/>,
    /// returned <b>oldest first</b>, at most <paramref name="window"/> of them. Runs where it observed nothing are skipped.
    /// </summary>
    /// <param name="suite">The suite's name.</param>
    /// <param name="dataAsset">The data asset as stored (the data path, relative to the project in a checkpoint).</param>
    /// <param name="metricKey">The metric's history key (<see cref="Dq.Expectations.MetricHistoryQuery.Key"/>).</param>
    /// <param name="runRowCounts">For an unfiltered row count: a run without the expectation contributes its own row count.</param>
    /// <param name="window">How many values at most.</param>
    /// <remarks>One indexed query, newest first, that stops after <paramref name="window"/> values: its cost does not grow with the store.</remarks>
    public IReadOnlyList<double> MetricValues(string suite, string dataAsset, string metricKey, bool runRowCounts, int window)
    {
        using var command = Command(null, runRowCounts ? RowCountValuesSql : MetricValuesSql);
        Bind(command, "$suite", suite);
        Bind(command, "$asset", dataAsset);
        Bind(command, "$key", metricKey);
        Bind(command, "$window", window);
        using var reader = command.ExecuteReader();
        var values = new List<double>();
        while (reader.Read())
        {
            values.Add(reader.GetDouble(0));
        }
        values.Reverse();
        return values;
    }
}
