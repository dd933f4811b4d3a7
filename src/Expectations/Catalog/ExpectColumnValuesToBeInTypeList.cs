using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_be_in_type_list</c>: the column's numpy type, or for object columns each non-null
/// value's Python type, is one of <c>type_list</c>; a null list accepts any type.
/// </summary>
public sealed class ExpectColumnValuesToBeInTypeList : ColumnTypeExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_be_in_type_list";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToBeInTypeList(c, k),
        static d => d.Sentence("values in {column} must be of one of the types {type_list}"));

    internal ExpectColumnValuesToBeInTypeList(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        var list = kwargs.OptionalList("type_list");
        if (list is not null && list.Any(t => t is not string))
        {
            throw kwargs.Error("type_list", "holds a value that is not text", "give type names such as [\"int64\", \"str\"]");
        }
        ExpectedTypes = list?.Cast<string>().ToList();
        kwargs.RejectUnknown();
    }

    /// <summary>The accepted type names; null accepts any type.</summary>
    public IReadOnlyList<string>? ExpectedTypes { get; }

    private protected override IReadOnlyList<string>? TypeNames => ExpectedTypes;
}
