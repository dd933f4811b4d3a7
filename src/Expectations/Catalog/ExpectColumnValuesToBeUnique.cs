using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_be_unique</c>: no non-null value occurs twice. Every member of a duplicated group
/// is unexpected, the first occurrence included, as in GX; nulls are never duplicates.
/// </summary>
public sealed class ExpectColumnValuesToBeUnique : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_be_unique";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToBeUnique(c, k),
        static d => d.Sentence("values in {column} must be unique"));

    internal ExpectColumnValuesToBeUnique(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs) => kwargs.RejectUnknown();

    private protected override MetricKey UnexpectedKey => new DuplicateRowsKey(Column);
}
