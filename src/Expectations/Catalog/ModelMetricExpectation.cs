using System.Globalization;
using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// An expectation on one model-quality or bias metric over a table of labels and predictions: the metric must lie
/// within <c>min_value</c> .. <c>max_value</c> (inclusive unless <c>strict_min</c>/<c>strict_max</c>; a null bound is
/// open; no bounds pass whatever the value).
/// </summary>
/// <remarks>
/// <c>result.observed_value</c> is the metric and <c>result.details</c> holds <c>metric</c>, <c>rows</c> (the rows the
/// metric was computed over), <c>missing_rows</c> and what each type adds (a confusion matrix, facet counts). A metric
/// that cannot be computed (no rows, a facet with no rows, auc with one class) fails with <c>observed_value: null</c>
/// and a <c>details.note</c> saying why: never NaN.
/// </remarks>
public abstract class ModelMetricExpectation : Expectation
{
    private protected ModelMetricExpectation(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs) => Bounds = AggregateBounds.ReadNumbers(kwargs);

    /// <summary>The metric measured, as SageMaker or Clarify names it (<c>accuracy</c>, <c>rmse</c>, <c>dppl</c>).</summary>
    public abstract string Metric { get; }

    internal RangeBounds Bounds { get; }

    /// <summary>The metric the measurement reads.</summary>
    private protected abstract MetricKey Key { get; }

    /// <summary>The metric's value and details from the computed state.</summary>
    private protected abstract ModelMeasurement Measure(MetricResults metrics);

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => [new(Key)];

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        if (metrics.FailureOf(Key) is { } failure)
        {
            return CannotJudge(failure);
        }
        var measurement = Measure(metrics);
        if (measurement.Error is { } error)
        {
            return CannotJudge(error);
        }
        var details = new Dictionary<string, object?>(measurement.Details);
        if (double.IsNaN(measurement.Value))
        {
            details["note"] = measurement.Note ?? $"`{Metric}` is not defined on these rows";
            return Judged(false, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = null, Details = details });
        }
        if (measurement.Note is { } note)
        {
            details["note"] = note;
        }
        var success = Between.IsWithin(measurement.Value, Number(Bounds.Min), Number(Bounds.Max), Bounds.StrictMin, Bounds.StrictMax);
        return Judged(success, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = measurement.Value, Details = details });
    }

    /// <summary>The details every model metric starts with: the metric, the rows measured and the rows left out.</summary>
    private protected Dictionary<string, object?> BaseDetails(long rows, long missingRows) => new()
    {
        ["metric"] = Metric,
        ["rows"] = rows,
        ["missing_rows"] = missingRows,
    };

    /// <summary>Reads <c>metric</c>, which must be one of <paramref name="names"/>, with a did-you-mean when it is not.</summary>
    private protected static string ReadMetric(KwargReader kwargs, string family, IReadOnlyList<string> names)
    {
        var metric = kwargs.RequiredString("metric");
        return names.Contains(metric, StringComparer.Ordinal)
            ? metric
            : throw kwargs.Error("metric", $"is `{metric}`, which is not {family} metric.{Spelling.DidYouMean(metric, names)}",
                $"use one of {string.Join(", ", names.Select(n => $"`{n}`"))}");
    }

    private static double? Number(object? bound) => bound is null ? null : Convert.ToDouble(bound, CultureInfo.InvariantCulture);
}

/// <summary>A model metric's value (NaN when it is not defined) with its details, or why it could not be measured.</summary>
/// <param name="Value">The metric; NaN when not defined, explained by <paramref name="Note"/>.</param>
/// <param name="Details">The counts behind it, written to <c>result.details</c>.</param>
/// <param name="Note">Why the value is not defined, or a caveat worth reading beside it.</param>
/// <param name="Error">Why the data cannot be judged at all (a score outside [0, 1]): the result has exception info.</param>
internal sealed record ModelMeasurement(double Value, IReadOnlyDictionary<string, object?> Details, string? Note = null, string? Error = null);
