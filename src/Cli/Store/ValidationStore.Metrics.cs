using System.Globalization;

namespace Dq.Cli.Store;

internal sealed partial class ValidationStore
{
    /// <summary>
    /// The history query of <see cref="MetricValues"/> (parameters <c>$suite $asset $key $rows $window</c>). Runs with
    /// the same time are ordered by insertion (the rowid, which the index holds), so the order needs no sort.
    /// </summary>
    internal const string MetricValuesSql = """
        SELECT value FROM (
            SELECT r.run_time AS run_time, r.rowid AS seq,
                COALESCE(
                    (SELECT e.observed_value FROM expectation_results e
                     WHERE e.run_id = r.run_id AND e.metric_key = $key AND e.observed_value IS NOT NULL AND e.observed_value <> 'null'
                       AND substr(e.observed_value, 1, 1) <> '"'
                     ORDER BY e.expectation_index LIMIT 1),
                    CASE WHEN $rows THEN CAST(r.row_count AS TEXT) END) AS value
            FROM runs r WHERE r.suite = $suite AND r.data_asset = $asset)
        WHERE value IS NOT NULL
        ORDER BY run_time DESC, seq DESC LIMIT $window
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
    /// <remarks>
    /// One query over the <c>runs_by_asset</c> index, newest first, probing each run's results by its primary key; it
    /// stops after <paramref name="window"/> values, so its cost does not grow with the number of stored runs.
    /// </remarks>
    public IReadOnlyList<double> MetricValues(string suite, string dataAsset, string metricKey, bool runRowCounts, int window)
    {
        using var command = Command(null, MetricValuesSql);
        Bind(command, "$suite", suite);
        Bind(command, "$asset", dataAsset);
        Bind(command, "$key", metricKey);
        Bind(command, "$rows", runRowCounts ? 1 : 0);
        Bind(command, "$window", window);
        using var reader = command.ExecuteReader();
        var values = new List<double>();
        while (reader.Read())
        {
            // Observed values are stored as JSON text: numbers, or strings for NaN and ±∞, which the query leaves out.
            if (double.TryParse(reader.GetString(0), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                values.Add(value);
            }
        }
        values.Reverse();
        return values;
    }
}
