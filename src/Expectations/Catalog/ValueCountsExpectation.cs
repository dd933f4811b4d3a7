using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// An expectation judged from the distinct non-null values of a column and their counts (distinct-value sets, the
/// most common value, quantiles, KL divergence): one shared metric, fetched and checked here once for all of them.
/// </summary>
public abstract class ValueCountsExpectation : Expectation
{
    private protected ValueCountsExpectation(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs) => Column = kwargs.RequiredString("column");

    /// <summary>The column whose values are counted.</summary>
    public string Column { get; }

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => [new(new ValueCountsKey(Column))];

    internal sealed override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format) =>
        metrics.FailureOf(new ValueCountsKey(Column)) is { } failure ? CannotJudge(failure) : Judge(metrics.ValueCounts(Column), format);

    /// <summary>Judges the distinct values in order, each with its count.</summary>
    private protected abstract ExpectationResult Judge(IReadOnlyList<(object Value, long Count)> counts, ResultFormat format);

    /// <summary>Whether every counted value is a number (quantiles and continuous partitions need numbers).</summary>
    private protected static bool HoldsNumbers(IReadOnlyList<(object Value, long Count)> counts) =>
        counts.All(c => c.Value is long or ulong or double or decimal);
}
