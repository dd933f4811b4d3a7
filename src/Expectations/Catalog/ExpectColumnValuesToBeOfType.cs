using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_be_of_type</c>: the column has the numpy type <c>type_</c> (such as <c>int64</c>,
/// <c>float</c>, <c>bool</c>, <c>datetime64</c>, <c>Timestamp</c>), or, for text and other object columns, every
/// non-null value has the Python type <c>type_</c> (such as <c>str</c>).
/// </summary>
public sealed class ExpectColumnValuesToBeOfType : ColumnTypeExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_be_of_type";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToBeOfType(c, k),
        static d => d.Sentence("values in {column} must be of type {type_}"));

    internal ExpectColumnValuesToBeOfType(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        ExpectedType = kwargs.RequiredString("type_");
        kwargs.RejectUnknown();
    }

    /// <summary>The accepted type name.</summary>
    public string ExpectedType { get; }

    private protected override IReadOnlyList<string> TypeNames => [ExpectedType];
}
