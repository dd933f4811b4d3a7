using Dq.Expectations.Catalog.Descriptions;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels.ModelQuality;
using Dq.Expectations.Metrics;
using Dq.Expectations.ModelQuality;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_regression_metric_to_be_between</c> (a dq expectation, after SageMaker Model Monitor's regression
/// metrics): a regression model's error over a table of numeric labels and predictions lies within the bounds.
/// </summary>
/// <remarks>
/// <para>Kwargs: <c>label_column</c>, <c>prediction_column</c>, <c>metric</c> (<c>mae</c>, <c>mse</c>, <c>rmse</c>,
/// <c>r2</c>, <c>mape</c>, with scikit-learn's definitions; mape is a fraction, not a percentage) and the bounds.</para>
/// <para>A row with a null or NaN value is left out (<c>details.missing_rows</c>); a row with an infinite value too
/// (<c>details.non_finite_rows</c>). With all actual values equal, r2 is 1 for exact predictions and 0 otherwise, as
/// scikit-learn's <c>force_finite</c>; with fewer than two rows it is not defined.</para>
/// </remarks>
public sealed class ExpectRegressionMetricToBeBetween : ModelMetricExpectation
{
    /// <summary>The type name.</summary>
    public const string TypeName = "expect_regression_metric_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectRegressionMetricToBeBetween(c, k),
        static d => d.Sentence("the {metric} of the predictions in {prediction_column} against the labels in {label_column} must be {range}"),
        ModelOutcome.Describe);

    internal ExpectRegressionMetricToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        LabelColumn = kwargs.RequiredString("label_column");
        PredictionColumn = kwargs.RequiredString("prediction_column");
        Metric = ReadMetric(kwargs, "a regression", MetricNames.Regression);
        Key = new RegressionKey(new ColumnList([LabelColumn, PredictionColumn]));
        kwargs.RejectUnknown();
    }

    /// <inheritdoc />
    public override string Metric { get; }

    /// <summary>The column of actual values (ground truth).</summary>
    public string LabelColumn { get; }

    /// <summary>The column of predicted values.</summary>
    public string PredictionColumn { get; }

    private protected override MetricKey Key { get; }

    private protected override ModelMeasurement Measure(MetricResults metrics)
    {
        var state = metrics.State<RegressionState>(Key);
        var errors = state.Errors;
        var details = BaseDetails(errors.Count, state.MissingRows);
        if (errors.NonFinitePairs > 0)
        {
            details["non_finite_rows"] = errors.NonFinitePairs;
        }
        var value = errors.Compute(Metric);
        string? note = null;
        if (errors.Count == 0)
        {
            note = state.Rows == 0
                ? "there are no rows to measure"
                : $"none of the {ValueText.Count(state.Rows, "row")} has a finite label and prediction ({ValueText.Count(state.MissingRows)} with a missing value, {ValueText.Count(errors.NonFinitePairs)} infinite)";
        }
        else if (double.IsNaN(value))
        {
            note = "`r2` needs at least two rows";
        }
        return new ModelMeasurement(value, details, note);
    }
}
