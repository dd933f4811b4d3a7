using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_to_exist</c>: the column is in the data, at the 0-based position <c>column_index</c> when
/// one is given.
/// </summary>
public sealed class ExpectColumnToExist : Expectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_to_exist";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnToExist(c, k),
        static d => d.Has("column_index") ? d.Sentence("column {column} must exist, at position {column_index}") : d.Sentence("column {column} must exist"));

    internal ExpectColumnToExist(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Column = kwargs.RequiredString("column");
        ColumnIndex = kwargs.OptionalInteger("column_index");
        kwargs.RejectUnknown();
    }

    /// <summary>The column that must exist.</summary>
    public string Column { get; }

    /// <summary>The 0-based position it must have, when given.</summary>
    public long? ColumnIndex { get; }

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => [];

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        var index = schema.GetFieldIndex(Column);
        var success = index >= 0 && (ColumnIndex is null || ColumnIndex == index);
        return Judged(success, format, () => new ResultDetails());
    }
}
