using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels.Types;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// An expectation on the type of a column's values, with GX's pandas/numpy type names (mapping in
/// docs/expectations.md).
/// </summary>
/// <remarks>
/// As GX on pandas: a typed column (numbers, booleans, timestamps) is judged from the schema alone, without reading
/// data, and reports its numpy type name as <c>observed_value</c>; a column pandas would hold as <c>object</c> (text,
/// binary, dates, decimals) is judged value by value like a column map expectation, unless the names include
/// <c>object</c>, <c>object_</c> or <c>O</c>.
/// </remarks>
public abstract class ColumnTypeExpectation : Expectation
{
    private protected ColumnTypeExpectation(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Column = kwargs.RequiredString("column");
        Mostly = kwargs.Mostly();
    }

    /// <summary>The column the rule applies to.</summary>
    public string Column { get; }

    /// <summary>For object columns, the fraction of non-null values that must have an accepted type.</summary>
    public double Mostly { get; }

    /// <summary>The accepted type names; null accepts any type.</summary>
    private protected abstract IReadOnlyList<string>? TypeNames { get; }

    private ValueTypeKey? ValueKey => TypeNames is null ? null : new ValueTypeKey(Column, new TextList(TypeNames));

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format)
    {
        yield return new MetricRequest(new RowCountKey());
        if (ValueKey is { } key)
        {
            // Declined by the planner for typed columns, which are judged from the schema and never read.
            yield return new MetricRequest(key, format.SampleLimit);
        }
    }

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        var index = schema.GetFieldIndex(Column);
        if (index < 0)
        {
            return CannotJudge(ColumnFacts.MissingColumn(Column, schema));
        }
        var type = schema.GetFieldByIndex(index).DataType;
        var dtype = NumpyTypes.DtypeName(type);
        if (ValueKey is not { } key || dtype != NumpyTypes.ObjectName || TypeNames!.Any(NumpyTypes.IsObjectName))
        {
            var success = TypeNames is null || TypeNames.Any(n => NumpyTypes.DtypeMatches(dtype, n));
            return Judged(success, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = dtype });
        }
        if (metrics.FailureOf(key) is { } failure)
        {
            return CannotJudge(failure);
        }
        var unexpected = metrics.UnexpectedRows(key);
        var elements = metrics.RowCount;
        var nonNull = elements - unexpected.Skipped;
        var passed = nonNull == 0 || (double)(nonNull - unexpected.Count) / nonNull >= Mostly;
        return Judged(passed, format, () => MapResult.Build(format, elements, nonNull, unexpected));
    }
}
