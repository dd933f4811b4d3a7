using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_match_regex</c>: every non-null value contains a match of <c>regex</c> (Python <c>re.search</c>: anywhere in the value; an empty pattern matches everything).
/// </summary>
public sealed class ExpectColumnValuesToMatchRegex : RegexExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_match_regex";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToMatchRegex(c, k),
        static d => d.Sentence("values in {column} must match the regular expression {regex}"));

    internal ExpectColumnValuesToMatchRegex(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Patterns = [ReadPattern(kwargs, "regex")];
        Rule = PatternRule.MatchAny;
        kwargs.RejectUnknown();
    }
}
