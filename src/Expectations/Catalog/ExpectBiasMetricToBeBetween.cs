using System.Text.Json.Nodes;
using Dq.Expectations.Catalog.Descriptions;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels.ModelQuality;
using Dq.Expectations.Metrics;
using Dq.Expectations.ModelQuality;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_bias_metric_to_be_between</c> (a dq expectation, after SageMaker Clarify): a bias metric between the
/// sensitive group (facet d: the rows whose <c>facet_column</c> value is one of <c>facet_values</c>) and the other rows
/// (facet a) lies within the bounds.
/// </summary>
/// <remarks>
/// <para>Kwargs: <c>facet_column</c>, <c>facet_values</c> (a value or a list), <c>label_column</c>,
/// <c>prediction_column</c> (needed by the post-training metrics), <c>positive_label</c> and <c>negative_label</c> (see
/// <see cref="LabelClassKwargs"/>), <c>metric</c> and the bounds.</para>
/// <para>Metrics, with Clarify's definitions and signs (0/0 is 0): pre-training ci, dpl, kl, js, lp, tvd, ks;
/// post-training dppl, di, dca, dcr, rd, sd, dar, drr, ad, te; and fairlearn's demographic_parity_difference and
/// equalized_odds_difference. A facet with no rows fails with a note; a ratio over 0 (di when facet a is never
/// predicted positive) is infinite, written <c>"Infinity"</c>.</para>
/// <para><c>details.facet_d</c> and <c>details.facet_a</c> hold each facet's rows, label counts and, with
/// predictions, its confusion matrix.</para>
/// </remarks>
public sealed class ExpectBiasMetricToBeBetween : ModelMetricExpectation
{
    /// <summary>The type name.</summary>
    public const string TypeName = "expect_bias_metric_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectBiasMetricToBeBetween(c, k),
        static d => d.Sentence(d.Has("prediction_column")
            ? "the bias metric {metric} between the rows whose {facet_column} is in {facet_values} and the other rows, for the labels in {label_column} and the predictions in {prediction_column}, must be {range}"
            : "the bias metric {metric} between the rows whose {facet_column} is in {facet_values} and the other rows, for the labels in {label_column}, must be {range}"),
        ModelOutcome.Describe);

    private readonly LabelClassKwargs _classes;

    internal ExpectBiasMetricToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        FacetColumn = kwargs.RequiredString("facet_column");
        var facetValues = kwargs.Node("facet_values") is JsonArray ? kwargs.OptionalList("facet_values") : kwargs.OptionalScalar("facet_values") is { } one ? [one] : null;
        if (facetValues is null or { Count: 0 } || facetValues.Any(v => v is null))
        {
            throw kwargs.Error("facet_values", facetValues is null ? "is missing" : "is empty or holds null", "give the sensitive group's values of the facet column, such as [\"female\"]");
        }
        FacetValues = [.. facetValues.Cast<object>()];
        LabelColumn = kwargs.RequiredString("label_column");
        PredictionColumn = kwargs.OptionalString("prediction_column") is { Length: > 0 } prediction ? prediction : null;
        Metric = ReadMetric(kwargs, "a bias", MetricNames.Bias);
        if (PredictionColumn is null && MetricNames.IsAccepted(MetricNames.PostTrainingBias, Metric))
        {
            throw kwargs.Error("prediction_column", $"is missing, and `{Metric}` is a post-training metric, which compares predictions", "give the column of the model's predicted labels");
        }
        _classes = LabelClassKwargs.Read(kwargs);
        var columns = PredictionColumn is null ? new ColumnList([FacetColumn, LabelColumn]) : new ColumnList([FacetColumn, LabelColumn, PredictionColumn]);
        Key = new BiasKey(columns, new CellList(LabelClasses.SpellingsOf(FacetValues)), _classes.Classes);
        kwargs.RejectUnknown();
    }

    /// <inheritdoc />
    public override string Metric { get; }

    /// <summary>The column that holds the facet (the sensitive attribute, such as gender).</summary>
    public string FacetColumn { get; }

    /// <summary>The facet values of the sensitive group d.</summary>
    public IReadOnlyList<object> FacetValues { get; }

    /// <summary>The column of actual labels.</summary>
    public string LabelColumn { get; }

    /// <summary>The column of predicted labels, or null for the pre-training metrics alone.</summary>
    public string? PredictionColumn { get; }

    private protected override MetricKey Key { get; }

    private protected override ModelMeasurement Measure(MetricResults metrics)
    {
        var state = metrics.State<BiasState>(Key);
        var (a, d) = (state.Counts.Advantaged, state.Counts.Sensitive);
        var details = BaseDetails(a.Total + d.Total, state.MissingRows);
        details["positive_label"] = _classes.PositiveName;
        details["facet_d"] = Facet(d);
        details["facet_a"] = Facet(a);
        ExpectClassificationMetricToBeBetween.AddOutside(details, state.Outside);
        var value = BiasMetrics.Compute(state.Counts, Metric);
        string? note = null;
        if (d.Total == 0 || a.Total == 0)
        {
            note = d.Total == 0
                ? $"facet d (the rows whose `{FacetColumn}` is in {ValueText.Format(FacetValues)}) has no rows, so the groups cannot be compared"
                : $"facet a (the rows whose `{FacetColumn}` is not in {ValueText.Format(FacetValues)}) has no rows, so the groups cannot be compared";
            if (a.Total + d.Total == 0)
            {
                note = ExpectClassificationMetricToBeBetween.NoRows(state.Rows, state.MissingRows, state.Outside.Rows);
            }
        }
        else if (double.IsNaN(value))
        {
            note = $"the facets have no label class in common, and `{Metric}` compares only the classes both have (as Clarify does)";
        }
        else if (double.IsInfinity(value))
        {
            note = $"`{Metric}` divides by zero (Clarify's x/0 is infinite)";
        }
        return new ModelMeasurement(value, details, note);
    }

    private Dictionary<string, object?> Facet(BinaryConfusion facet)
    {
        var counts = new Dictionary<string, object?>
        {
            ["rows"] = facet.Total,
            ["positive_labels"] = facet.ActualPositives,
            ["negative_labels"] = facet.ActualNegatives,
        };
        if (PredictionColumn is not null)
        {
            var (positive, negative) = (_classes.PositiveName, _classes.NegativeName);
            counts["confusion_matrix"] = new Dictionary<string, object?>
            {
                [negative] = new Dictionary<string, object?> { [negative] = facet.TrueNegatives, [positive] = facet.FalsePositives },
                [positive] = new Dictionary<string, object?> { [negative] = facet.FalseNegatives, [positive] = facet.TruePositives },
            };
        }
        return counts;
    }
}
