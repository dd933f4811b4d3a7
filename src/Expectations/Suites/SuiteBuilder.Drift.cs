namespace Dq.Expectations.Suites;

/// <content>Expectations judged against a baseline's distributions.</content>
public sealed partial class SuiteBuilder
{
    /// <summary>
    /// <c>expect_column_distribution_to_match_baseline</c>: <paramref name="column"/> must not drift from its distribution in
    /// the baseline folder <paramref name="baseline"/> (statistics.json and constraints.json from <c>dq profile</c>).
    /// </summary>
    /// <param name="column">The column.</param>
    /// <param name="baseline">The baseline folder.</param>
    /// <param name="method">A drift method of <see cref="Monitoring.DriftMethods"/>; null for <c>auto</c>.</param>
    /// <param name="threshold">The method's threshold; null for its default.</param>
    public SuiteBuilder ExpectColumnDistributionToMatchBaseline(string column, string baseline, string? method = null, double? threshold = null) =>
        Add(Catalog.ExpectColumnDistributionToMatchBaseline.TypeName, ("column", column), ("baseline", baseline), ("method", method), ("threshold", threshold));

    /// <summary>
    /// <c>expect_table_to_match_baseline</c>: the table must raise no SageMaker constraint violation against the baseline
    /// folder <paramref name="baseline"/>, as <c>dq monitor</c> judges it with the baseline's own monitoring_config.
    /// </summary>
    /// <param name="baseline">The baseline folder.</param>
    public SuiteBuilder ExpectTableToMatchBaseline(string baseline) =>
        Add(Catalog.ExpectTableToMatchBaseline.TypeName, ("baseline", baseline));
}
