using Apache.Arrow;
using Dq.Expectations.Catalog;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Catalog.ModelGates.ModelGateRuns;

namespace Dq.Expectations.Tests.Catalog.ModelGates;

/// <summary><c>expect_regression_metric_to_be_between</c> through suite JSON, on scikit-learn's documented example.</summary>
public sealed class RegressionExpectationTests
{
    private const string Type = ExpectRegressionMetricToBeBetween.TypeName;

    /// <summary>scikit-learn's docs example for its regression metrics: y_true [3, -0.5, 2, 7], y_pred [2.5, 0.0, 2, 8].</summary>
    private static RecordBatch ScikitLearnExample() => Arrays.Batch(
        ("y", Arrays.Double([3, -0.5, 2, 7])), ("y_hat", Arrays.Double([2.5, 0.0, 2, 8])));

    [Theory]
    [InlineData("mae", 0.5)] // mean_absolute_error
    [InlineData("mse", 0.375)] // mean_squared_error
    [InlineData("rmse", 0.6123724356957945)] // root_mean_squared_error: √0.375
    [InlineData("r2", 0.9486081370449679)] // r2_score: 1 − 1.5 / 29.1875
    [InlineData("mape", 0.3273809523809524)] // mean_absolute_percentage_error: (1/6 + 1 + 0 + 1/7) / 4
    public void ScikitLearnDocumentedExample(string metric, double expected)
    {
        var result = Run(ScikitLearnExample(), Type, $""" "label_column": "y", "prediction_column": "y_hat", "metric": "{metric}" """);

        Assert.Equal(expected, Observed(result), 12);
        Assert.Equal(4, Long(result, "rows"));
    }

    [Fact]
    public void MaxBound_FailsAboveIt()
    {
        var result = Run(ScikitLearnExample(), Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "rmse", "max_value": 0.5 """);

        Assert.False(Success(result));
    }

    [Fact]
    public void IntegerAndRealColumns_Mix_AndMissingAndInfiniteValuesAreLeftOut()
    {
        var batch = Arrays.Batch(
            ("y", Arrays.Int64([3, 5, null, 1, 2])), ("y_hat", Arrays.Double([2, double.NaN, 4, double.PositiveInfinity, 2])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "mae" """);

        Assert.Equal(0.5, Observed(result)); // (|3 − 2| + |2 − 2|) / 2
        Assert.Equal(2, Long(result, "rows"));
        Assert.Equal(2, Long(result, "missing_rows"));
        Assert.Equal(1, Long(result, "non_finite_rows"));
    }

    [Fact]
    public void R2WithOneRow_FailsWithANote()
    {
        var batch = Arrays.Batch(("y", Arrays.Double([3])), ("y_hat", Arrays.Double([2])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "r2" """);

        Assert.False(Success(result));
        Assert.Equal("`r2` needs at least two rows", Details(result)["note"]!.GetValue<string>());
    }

    [Fact]
    public void TextColumn_IsNotNumeric()
    {
        var batch = Arrays.Batch(("y", Arrays.String(["3"])), ("y_hat", Arrays.Double([2])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "mae" """);

        Assert.Equal("`label_column` `y` (utf8) is not numeric, so it has no regression error; give numeric columns, or cast the column when reading.",
            result["exception_info"]!["exception_message"]!.GetValue<string>());
    }
}
