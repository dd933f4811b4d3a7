using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// An expectation judged row by row on one column (GX's column map expectations): a row is unexpected or not,
/// and the expectation holds when at least <c>mostly</c> of the considered rows are not unexpected.
/// </summary>
/// <remarks>
/// Nulls are skipped by default: never unexpected, counted as missing, and left out of the denominator of
/// <c>unexpected_percent</c> and <c>mostly</c>. An empty column, or one of only nulls, therefore passes (GX).
/// </remarks>
public abstract class ColumnMapExpectation : Expectation
{
    private protected ColumnMapExpectation(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Column = kwargs.RequiredString("column");
        Mostly = kwargs.Mostly();
    }

    /// <summary>The column the rule applies to.</summary>
    public string Column { get; }

    /// <summary>The fraction of considered rows that must meet the rule (1 when not given).</summary>
    public double Mostly { get; }

    /// <summary>False for the null checks, whose rows are all considered (GX reports no missing counts for them).</summary>
    private protected virtual bool SkipsNulls => true;

    /// <summary>The metric whose rows are unexpected; null when the rule can have none (an absent value set).</summary>
    private protected abstract MetricKey? UnexpectedKey { get; }

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format)
    {
        yield return new MetricRequest(new RowCountKey());
        yield return new MetricRequest(new NullRowsKey(Column));
        if (UnexpectedKey is { } key)
        {
            yield return new MetricRequest(key, format.SampleLimit);
        }
    }

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        var nullsKey = new NullRowsKey(Column);
        if ((metrics.FailureOf(nullsKey) ?? (UnexpectedKey is null ? null : metrics.FailureOf(UnexpectedKey))) is { } failure)
        {
            return CannotJudge(failure);
        }
        var elements = metrics.RowCount;
        var nonNull = elements - metrics.UnexpectedRows(nullsKey).Count;
        var unexpected = UnexpectedKey is null ? new UnexpectedRowsState(0) : metrics.UnexpectedRows(UnexpectedKey);
        var considered = SkipsNulls ? nonNull : elements;
        var success = considered == 0 || (double)(considered - unexpected.Count) / considered >= Mostly;
        return Judged(success, format, () => MapResult.Build(format, elements, SkipsNulls ? nonNull : null, unexpected));
    }
}
