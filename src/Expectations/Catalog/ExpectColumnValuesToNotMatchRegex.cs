using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_not_match_regex</c>: no non-null value contains a match of <c>regex</c> (searched anywhere in the value; an empty pattern matches every value).
/// </summary>
public sealed class ExpectColumnValuesToNotMatchRegex : RegexExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_not_match_regex";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToNotMatchRegex(c, k),
        static d => d.Sentence("values in {column} must not match the regular expression {regex}"));

    internal ExpectColumnValuesToNotMatchRegex(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Patterns = [ReadPattern(kwargs, "regex")];
        Rule = PatternRule.MatchNone;
        kwargs.RejectUnknown();
    }
}
