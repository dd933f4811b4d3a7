using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_not_match_regex_list</c>: no non-null value contains a match of any pattern of <c>regex_list</c>.
/// </summary>
public sealed class ExpectColumnValuesToNotMatchRegexList : RegexExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_not_match_regex_list";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToNotMatchRegexList(c, k),
        static d => d.Sentence("values in {column} must match none of the regular expressions {regex_list}"));

    internal ExpectColumnValuesToNotMatchRegexList(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Patterns = ReadPatternList(kwargs, "regex_list");
        Rule = PatternRule.MatchNone;
        kwargs.RejectUnknown();
    }
}
