using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_match_regex_list</c>: every non-null value contains a match of any pattern of
/// <c>regex_list</c> (<c>match_on: "any"</c>, the default) or of every one (<c>match_on: "all"</c>).
/// </summary>
public sealed class ExpectColumnValuesToMatchRegexList : RegexExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_match_regex_list";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToMatchRegexList(c, k),
        static d => d.Text("match_on") == "all"
                ? d.Sentence("values in {column} must match all of the regular expressions {regex_list}")
                : d.Sentence("values in {column} must match at least one of the regular expressions {regex_list}"));

    internal ExpectColumnValuesToMatchRegexList(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Patterns = ReadPatternList(kwargs, "regex_list");
        Rule = kwargs.OptionalString("match_on") switch
        {
            null or "any" => PatternRule.MatchAny,
            "all" => PatternRule.MatchAll,
            var other => throw kwargs.Error("match_on", $"is \"{other}\"", "give \"any\" or \"all\""),
        };
        kwargs.RejectUnknown();
    }

    /// <summary>Whether every pattern must match (<c>match_on: "all"</c>) rather than any one.</summary>
    public bool MatchAll => Rule == PatternRule.MatchAll;
}
