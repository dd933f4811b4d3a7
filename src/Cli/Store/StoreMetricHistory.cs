using Dq.Expectations;

namespace Dq.Cli.Store;

/// <summary>
/// The metric history of a run, read from the validation store it will be kept in: the same suite on the same data
/// asset in earlier runs (the run being validated is not stored yet, so it never sees itself).
/// </summary>
/// <remarks>
/// A store that does not exist yet has no history. Each query opens the store for reading and closes it, so parallel
/// validations of a checkpoint read it side by side (WAL mode) and nothing stays open while data is scanned.
/// </remarks>
internal sealed class StoreMetricHistory(string storePath) : IMetricHistory
{
    public IReadOnlyList<double> Values(MetricHistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!File.Exists(storePath))
        {
            return [];
        }
        using var store = ValidationStore.Open(storePath, create: false);
        // Every run stores its row count, so an unfiltered row count has history even before the expectation was added.
        var runRowCounts = query.Metric == "row_count" && query.RowCondition is null;
        return store.MetricValues(query.Suite, query.DataAsset, query.Key, runRowCounts, query.Window);
    }
}
