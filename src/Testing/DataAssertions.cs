using Dq.Expectations.Columns;
using Dq.Expectations.Suites;

namespace Dq.Testing;

/// <summary>
/// Fluent assertions on a table, started with <c>Should()</c>: <c>frame.Should().HaveRowCount(3).HaveColumn("email").WithNoNulls()</c>.
/// </summary>
/// <remarks>
/// Each call checks its expectation at once and throws a <see cref="DataAssertionException"/> when it fails, so a
/// chain needs no closing call; a chain stops at its first failure. To see every failure of many expectations in one
/// message, build a suite and call <see cref="Satisfy"/> (or <see cref="DataAssert"/>).
/// </remarks>
public sealed class DataAssertions
{
    private readonly Func<IBatchSource> _open;

    internal DataAssertions(Func<IBatchSource> open) => _open = open;

    /// <summary>Asserts that the table has the column, and returns assertions on its values.</summary>
    /// <exception cref="DataAssertionException">The column is missing; the message lists the columns found.</exception>
    public ColumnAssertions HaveColumn(string column)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        Check(b => b.ExpectColumnToExist(column));
        return new ColumnAssertions(this, column);
    }

    /// <summary>Asserts that the table has exactly <paramref name="rows"/> rows (<see cref="Dq.Expectations.Catalog.ExpectTableRowCountToEqual"/>).</summary>
    /// <exception cref="DataAssertionException">The row count differs.</exception>
    public DataAssertions HaveRowCount(long rows) => Check(b => b.ExpectTableRowCountToEqual(rows));

    /// <summary>Asserts that the row count lies within the bounds, each inclusive and open when null.</summary>
    /// <exception cref="DataAssertionException">The row count is out of bounds.</exception>
    public DataAssertions HaveRowCountBetween(long? min, long? max) => Check(b => b.ExpectTableRowCountToBeBetween(min, max));

    /// <summary>Asserts that the table satisfies every expectation of <paramref name="suite"/>; the message lists every failure.</summary>
    /// <exception cref="DataAssertionException">An expectation of severity <c>error</c> failed.</exception>
    public DataAssertions Satisfy(ExpectationSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        using var source = _open();
        DataAssert.Satisfies(source, suite);
        return this;
    }

    /// <summary>
    /// Asserts any expectation by its GX type and kwargs, for types without a method here (such as a table
    /// expectation added later to dq).
    /// </summary>
    /// <exception cref="DataAssertionException">The expectation failed.</exception>
    /// <exception cref="Dq.Expectations.ConfigurationException">The type is unknown or a kwarg is invalid.</exception>
    public DataAssertions Satisfying(string type, IReadOnlyDictionary<string, object?> kwargs) => Check(b => b.Expect(type, kwargs));

    /// <summary>
    /// Asserts a classifier's metric over the table's labels and predictions (<see cref="Dq.Expectations.Catalog.ExpectClassificationMetricToBeBetween"/>),
    /// such as a deployment gate: <c>HaveClassificationMetricBetween("accuracy", "label", "prediction", min: 0.8)</c>. A failure
    /// reads "accuracy 0.74 is below 0.8 (on 20,000 rows)".
    /// </summary>
    /// <param name="metric">SageMaker's name: accuracy, precision, recall, f0_5, f1, f2, auc, the rates, or a weighted_* multiclass metric.</param>
    /// <param name="labelColumn">The column of actual labels.</param>
    /// <param name="predictionColumn">The column of predicted labels.</param>
    /// <param name="min">The lowest accepted value; null for none.</param>
    /// <param name="max">The highest accepted value; null for none.</param>
    /// <param name="scoreColumn">The column of the probability of the positive class, needed for auc.</param>
    /// <param name="positiveLabel">The positive class; 1 when null.</param>
    /// <exception cref="DataAssertionException">The metric is out of bounds or could not be measured.</exception>
    public DataAssertions HaveClassificationMetricBetween(
        string metric, string labelColumn, string predictionColumn, double? min = null, double? max = null, string? scoreColumn = null, object? positiveLabel = null) =>
        Check(b => b.ExpectClassificationMetricToBeBetween(metric, labelColumn, predictionColumn, min, max, scoreColumn, positiveLabel));

    /// <summary>
    /// Asserts a regression model's error (<see cref="Dq.Expectations.Catalog.ExpectRegressionMetricToBeBetween"/>):
    /// <c>HaveRegressionMetricBetween("rmse", "price", "predicted_price", max: 25)</c>.
    /// </summary>
    /// <param name="metric">mae, mse, rmse, r2 or mape (a fraction).</param>
    /// <param name="labelColumn">The column of actual values.</param>
    /// <param name="predictionColumn">The column of predicted values.</param>
    /// <param name="min">The lowest accepted value; null for none.</param>
    /// <param name="max">The highest accepted value; null for none.</param>
    /// <exception cref="DataAssertionException">The metric is out of bounds or could not be measured.</exception>
    public DataAssertions HaveRegressionMetricBetween(string metric, string labelColumn, string predictionColumn, double? min = null, double? max = null) =>
        Check(b => b.ExpectRegressionMetricToBeBetween(metric, labelColumn, predictionColumn, min, max));

    /// <summary>
    /// Asserts a SageMaker Clarify bias metric between the rows whose <paramref name="facetColumn"/> is one of
    /// <paramref name="facetValues"/> and the others (<see cref="Dq.Expectations.Catalog.ExpectBiasMetricToBeBetween"/>):
    /// <c>HaveBiasMetricBetween("demographic_parity_difference", "gender", ["female"], "label", "prediction", max: 0.1)</c>.
    /// </summary>
    /// <param name="metric">Clarify's ci, dpl, kl, js, lp, tvd, ks, dppl, di, dca, dcr, rd, sd, dar, drr, ad, te, or demographic_parity_difference, equalized_odds_difference.</param>
    /// <param name="facetColumn">The column of the sensitive attribute.</param>
    /// <param name="facetValues">Its values that make up the sensitive group.</param>
    /// <param name="labelColumn">The column of actual labels.</param>
    /// <param name="predictionColumn">The column of predicted labels, needed by the post-training metrics.</param>
    /// <param name="min">The lowest accepted value; null for none.</param>
    /// <param name="max">The highest accepted value; null for none.</param>
    /// <exception cref="DataAssertionException">The metric is out of bounds, or a facet has no rows.</exception>
    public DataAssertions HaveBiasMetricBetween<T>(
        string metric, string facetColumn, IEnumerable<T> facetValues, string labelColumn, string? predictionColumn = null, double? min = null, double? max = null) =>
        Check(b => b.ExpectBiasMetricToBeBetween(metric, facetColumn, facetValues, labelColumn, predictionColumn, min, max));

    internal DataAssertions Check(Func<SuiteBuilder, SuiteBuilder> add)
    {
        var suite = add(ExpectationSuite.Create("assertion")).Build();
        using var source = _open();
        DataAssert.Satisfies(source, suite);
        return this;
    }
}
