using Dq.Expectations.Catalog.Descriptions;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels.ModelQuality;
using Dq.Expectations.Metrics;
using Dq.Expectations.ModelQuality;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_classification_metric_to_be_between</c> (a dq expectation, after SageMaker Model Monitor's model quality
/// metrics): a classifier's metric over a table of labels and predictions lies within the bounds.
/// </summary>
/// <remarks>
/// <para>Kwargs: <c>label_column</c>, <c>prediction_column</c>, <c>score_column</c> (the probability of the positive
/// class; needed for <c>auc</c>), <c>positive_label</c> and <c>negative_label</c> (see <see cref="LabelClassKwargs"/>),
/// <c>problem_type</c> (<c>BinaryClassification</c>, the default, or <c>MulticlassClassification</c>, the default for the
/// <c>weighted_*</c> metrics), <c>metric</c> and the bounds.</para>
/// <para>Binary metrics: SageMaker's accuracy, precision, recall, f0_5, f1, f2, auc, the true/false positive/negative
/// rates and the <c>*_best_constant_classifier</c> variants, with scikit-learn's definitions (a 0/0 ratio is 0).
/// Multiclass: accuracy and the support-weighted precision, recall and F-beta.</para>
/// <para>A row with a null or NaN label, prediction or score is left out (<c>details.missing_rows</c>); a label or
/// prediction of neither binary class is left out and reported (<c>details.rows_outside_classes</c>,
/// <c>values_outside_classes</c>). A score outside [0, 1] makes the expectation fail with exception info naming the
/// column and the row. <c>details.confusion_matrix</c> is SageMaker's <c>{actual: {predicted: rows}}</c>.</para>
/// </remarks>
public sealed class ExpectClassificationMetricToBeBetween : ModelMetricExpectation
{
    /// <summary>The type name.</summary>
    public const string TypeName = "expect_classification_metric_to_be_between";

    /// <summary>SageMaker's problem type of a two-class model.</summary>
    public const string BinaryClassification = "BinaryClassification";

    /// <summary>SageMaker's problem type of a model with more than two classes.</summary>
    public const string MulticlassClassification = "MulticlassClassification";

    /// <summary>More classes than this and the multiclass confusion matrix is left out of the details.</summary>
    private const int MaxMatrixLabels = 50;

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectClassificationMetricToBeBetween(c, k),
        static d => d.Sentence(d.Text("metric") == MetricNames.Auc && d.Has("score_column")
            ? "the {metric} of the scores in {score_column} against the labels in {label_column} must be {range}"
            : "the {metric} of the predictions in {prediction_column} against the labels in {label_column} must be {range}"),
        ModelOutcome.Describe);

    /// <summary>The binary metrics: SageMaker's confusion-matrix metrics and auc.</summary>
    internal static IReadOnlyList<string> BinaryMetrics { get; } = [.. MetricNames.BinaryClassification, MetricNames.Auc];

    private readonly LabelClassKwargs? _classes;

    internal ExpectClassificationMetricToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        LabelColumn = kwargs.RequiredString("label_column");
        PredictionColumn = kwargs.RequiredString("prediction_column");
        ScoreColumn = kwargs.OptionalString("score_column") is { Length: > 0 } score ? score : null;
        var problemType = kwargs.OptionalString("problem_type");
        if (problemType is not (null or BinaryClassification or MulticlassClassification))
        {
            throw kwargs.Error("problem_type", $"is `{problemType}`.{Spelling.DidYouMean(problemType, [BinaryClassification, MulticlassClassification])}",
                $"use `{BinaryClassification}` or `{MulticlassClassification}`, as SageMaker names them");
        }
        var metric = ReadMetric(kwargs, "a classification", problemType switch
        {
            BinaryClassification => BinaryMetrics,
            MulticlassClassification => MetricNames.MulticlassClassification,
            _ => [.. BinaryMetrics.Union(MetricNames.MulticlassClassification)],
        });
        IsMulticlass = problemType == MulticlassClassification || (problemType is null && metric.StartsWith("weighted_", StringComparison.Ordinal));
        Metric = metric;
        if (IsMulticlass)
        {
            if (ScoreColumn is not null)
            {
                throw kwargs.Error("score_column", "is given for a multiclass metric", "remove it: only the binary auc reads scores");
            }
            if (LabelClassKwargs.IsGiven(kwargs, out var name))
            {
                throw kwargs.Error(name, "is given for a multiclass metric, which counts every class", "remove it, or set `problem_type` to `BinaryClassification`");
            }
            Key = new MulticlassClassificationKey(new ColumnList([LabelColumn, PredictionColumn]));
        }
        else
        {
            if (metric == MetricNames.Auc && ScoreColumn is null)
            {
                throw kwargs.Error("score_column", "is missing, and `auc` ranks the rows by their scores", "give the column of the model's probability of the positive class");
            }
            _classes = LabelClassKwargs.Read(kwargs);
            Key = new BinaryClassificationKey(
                new ColumnList(ScoreColumn is null ? [LabelColumn, PredictionColumn] : [LabelColumn, PredictionColumn, ScoreColumn]), _classes.Classes);
        }
        kwargs.RejectUnknown();
    }

    /// <inheritdoc />
    public override string Metric { get; }

    /// <summary>The column of actual labels (ground truth).</summary>
    public string LabelColumn { get; }

    /// <summary>The column of predicted labels.</summary>
    public string PredictionColumn { get; }

    /// <summary>The column of scores (probability of the positive class), or null.</summary>
    public string? ScoreColumn { get; }

    /// <summary>Whether the metric is a multiclass one.</summary>
    public bool IsMulticlass { get; }

    private protected override MetricKey Key { get; }

    private protected override ModelMeasurement Measure(MetricResults metrics) => IsMulticlass
        ? Multiclass(metrics.State<MulticlassClassificationState>(Key))
        : Binary(metrics.State<BinaryClassificationState>(Key));

    private ModelMeasurement Binary(BinaryClassificationState state)
    {
        if (state.FirstScoreOutOfRange is { } bad)
        {
            return new ModelMeasurement(double.NaN, new Dictionary<string, object?>(), Error:
                $"`score_column` `{ScoreColumn}` holds {ValueText.Format(bad.Value)} at row {bad.Row}, outside [0, 1] ({ValueText.Count(state.ScoresOutOfRange, "row")} out of range); give the model's probability of the positive class, between 0 and 1.");
        }
        var c = state.Confusion;
        var details = BaseDetails(c.Total, state.MissingRows);
        var (positive, negative) = (_classes!.PositiveName, _classes.NegativeName);
        details["positive_label"] = positive;
        details["confusion_matrix"] = new Dictionary<string, object?>
        {
            [negative] = new Dictionary<string, object?> { [negative] = c.TrueNegatives, [positive] = c.FalsePositives },
            [positive] = new Dictionary<string, object?> { [negative] = c.FalseNegatives, [positive] = c.TruePositives },
        };
        AddOutside(details, state.Outside);
        var value = Metric == MetricNames.Auc ? state.Scores!.Auc() : ClassificationMetrics.Compute(c, Metric);
        string? note = null;
        if (c.Total == 0)
        {
            note = NoRows(state.Rows, state.MissingRows, state.Outside.Rows);
        }
        else if (double.IsNaN(value))
        {
            note = $"`auc` needs rows of both classes, and all {ValueText.Count(c.Total, "row")} have the label {(c.ActualPositives == 0 ? negative : positive)}";
        }
        return new ModelMeasurement(value, details, note);
    }

    private ModelMeasurement Multiclass(MulticlassClassificationState state)
    {
        var confusion = state.ToConfusion();
        var details = BaseDetails(confusion.Total, state.MissingRows);
        var labels = confusion.Labels;
        details["labels"] = labels.Select(l => (object?)l).ToList();
        if (labels.Count <= MaxMatrixLabels)
        {
            details["confusion_matrix"] = labels.ToDictionary(a => a, a => (object?)labels.ToDictionary(p => p, p => (object?)confusion.Count(a, p)));
        }
        var value = MulticlassMetrics.Compute(confusion, Metric);
        return new ModelMeasurement(value, details, confusion.Total == 0 ? NoRows(state.Rows, state.MissingRows, 0) : null);
    }

    /// <summary>Adds the rows of neither class to the details, when there are any.</summary>
    internal static void AddOutside(Dictionary<string, object?> details, OutsideClassValues outside)
    {
        if (outside.Rows == 0)
        {
            return;
        }
        details["rows_outside_classes"] = outside.Rows;
        details["labels_outside_classes"] = outside.Labels;
        details["predictions_outside_classes"] = outside.Predictions;
        details["values_outside_classes"] = outside.Values;
    }

    /// <summary>Why no row could be counted.</summary>
    internal static string NoRows(long rows, long missing, long outside) =>
        rows == 0
            ? "there are no rows to measure"
            : $"none of the {ValueText.Count(rows, "row")} has a label and a prediction of the classes ({ValueText.Count(missing)} with a missing value, {ValueText.Count(outside)} of neither class)";
}
