using Dq.Expectations.Kernels.Strftime;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_match_strftime_format</c>: every non-null text value parses with
/// <c>strftime_format</c> under Python <c>strptime</c> rules (the whole value, 1–2 digit fields, real dates only).
/// </summary>
/// <remarks>The format is checked when the suite loads; a column that is not text is reported as an error result.</remarks>
public sealed class ExpectColumnValuesToMatchStrftimeFormat : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_match_strftime_format";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToMatchStrftimeFormat(c, k),
        static d => d.Sentence("values in {column} must match {strftime_format}"));

    internal ExpectColumnValuesToMatchStrftimeFormat(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Format = kwargs.RequiredString("strftime_format");
        if (!StrftimeFormat.TryCompile(Format, out _, out var error))
        {
            throw kwargs.Error("strftime_format", $"(\"{Format}\") cannot be used: {error}", "use the directives of Python's strptime, such as %Y-%m-%d");
        }
        kwargs.RejectUnknown();
    }

    /// <summary>The strftime format.</summary>
    public string Format { get; }

    private protected override MetricKey UnexpectedKey => new StrftimeMismatchKey(Column, Format);
}
