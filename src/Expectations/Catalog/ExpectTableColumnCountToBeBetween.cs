using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_table_column_count_to_be_between</c>: the column count lies within [min_value, max_value] (inclusive
/// unless strict; a null bound is open; no bounds at all pass). Judged from the schema alone.
/// </summary>
public sealed class ExpectTableColumnCountToBeBetween : Expectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_table_column_count_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectTableColumnCountToBeBetween(c, k),
        static d => d.Sentence("the table must have {range} columns"));

    private readonly (long? Min, long? Max, bool StrictMin, bool StrictMax) _bounds;

    internal ExpectTableColumnCountToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        _bounds = Between.ReadCountBounds(kwargs);
        kwargs.RejectUnknown();
    }

    /// <summary>The smallest allowed column count, when given.</summary>
    public long? MinValue => _bounds.Min;

    /// <summary>The largest allowed column count, when given.</summary>
    public long? MaxValue => _bounds.Max;

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => [];

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        var count = schema.FieldsList.Count;
        var success = Between.IsWithin(count, _bounds.Min, _bounds.Max, _bounds.StrictMin, _bounds.StrictMax);
        return Judged(success, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = (long)count });
    }
}
