using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_table_row_count_to_be_between</c>: the row count lies within [min_value, max_value] (inclusive
/// unless strict; a null bound is unbounded; no bounds at all pass).
/// </summary>
public sealed class ExpectTableRowCountToBeBetween : Expectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_table_row_count_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectTableRowCountToBeBetween(c, k),
        static d => d.Sentence("the table must have {range} rows"));

    private readonly (long? Min, long? Max, bool StrictMin, bool StrictMax) _bounds;

    internal ExpectTableRowCountToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        _bounds = Between.ReadCountBounds(kwargs);
        kwargs.RejectUnknown();
    }

    /// <summary>The smallest allowed row count, when given.</summary>
    public long? MinValue => _bounds.Min;

    /// <summary>The largest allowed row count, when given.</summary>
    public long? MaxValue => _bounds.Max;

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => [new(new RowCountKey())];

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        var rows = metrics.RowCount;
        var success = Between.IsWithin(rows, _bounds.Min, _bounds.Max, _bounds.StrictMin, _bounds.StrictMax);
        return Judged(success, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = rows });
    }
}
