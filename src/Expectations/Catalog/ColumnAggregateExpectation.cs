using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// An expectation on one measured value of a column (GX's column aggregate expectations): the value must lie within
/// <c>min_value</c> .. <c>max_value</c>.
/// </summary>
/// <remarks>
/// Nulls (and NaN) are left out of every measurement. A column with no value has nothing to measure: the result
/// fails with <c>observed_value: null</c>, as in GX. No bounds at all pass whatever the value.
/// </remarks>
public abstract class ColumnAggregateExpectation : Expectation
{
    private protected ColumnAggregateExpectation(ExpectationConfiguration configuration, KwargReader kwargs, bool anyBounds = false)
        : base(configuration, kwargs)
    {
        Column = kwargs.RequiredString("column");
        Bounds = anyBounds ? AggregateBounds.ReadAny(kwargs) : AggregateBounds.ReadNumbers(kwargs);
    }

    /// <summary>The column measured.</summary>
    public string Column { get; }

    internal RangeBounds Bounds { get; }

    /// <summary>The metrics the measurement reads.</summary>
    private protected abstract IEnumerable<MetricKey> Keys { get; }

    /// <summary>The measured value, or null when the column has no value to measure.</summary>
    /// <exception cref="Kernels.MetricPreconditionException">The column's type has no such measurement (a mean of text).</exception>
    private protected abstract object? Observe(MetricResults metrics);

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => Keys.Select(k => new MetricRequest(k));

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        if (Keys.Select(metrics.FailureOf).FirstOrDefault(f => f is not null) is { } failure)
        {
            return CannotJudge(failure);
        }
        object? observed;
        try
        {
            observed = Observe(metrics);
        }
        catch (Kernels.MetricPreconditionException e)
        {
            return CannotJudge(e.Message);
        }
        if (observed is null)
        {
            return NothingObserved(format);
        }
        if (AggregateBounds.Contains(Bounds, observed) is not { } within)
        {
            return CannotJudge($"the {Describe} of column `{Column}` ({ValueText.Format(observed)}) cannot be compared with the bounds {ValueText.Format(Bounds.Min)} .. {ValueText.Format(Bounds.Max)}; give bounds of the column's kind.");
        }
        return Judged(within, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = observed });
    }

    /// <summary>What is measured, in words, for messages ("mean", "maximum").</summary>
    private protected abstract string Describe { get; }

    /// <summary>The column's summary, checking that it holds numbers.</summary>
    private protected Kernels.Summary.ColumnSummaryState NumericSummary(MetricResults metrics)
    {
        var summary = metrics.Summary(Column);
        return summary.IsNumeric || summary.Count == 0
            ? summary
            : throw new Kernels.MetricPreconditionException(
                $"column `{Column}` does not hold numbers, so it has no {Describe}; check the column, or cast it to a numeric type when reading.");
    }
}
