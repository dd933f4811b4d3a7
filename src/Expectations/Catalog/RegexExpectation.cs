using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels.Text;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// A column map expectation over Python regex patterns, searched anywhere in each value (<c>re.search</c>);
/// values of non-text columns are matched on their Python text (<c>1.0</c>, <c>True</c>), as GX does.
/// </summary>
/// <remarks>
/// Patterns are checked when the suite loads. A pattern that runs longer than one second on a value stops the
/// check, and the expectation fails with <c>exception_info</c> naming the pattern and the value rather than
/// hanging the run. Where .NET and Python <c>re</c> differ is listed in docs/expectations.md.
/// </remarks>
public abstract class RegexExpectation : ColumnMapExpectation
{
    private protected RegexExpectation(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
    }

    /// <summary>The patterns, as given (Python syntax).</summary>
    public IReadOnlyList<string> Patterns { get; private protected init; } = [];

    private protected PatternRule Rule { get; init; }

    private protected override MetricKey UnexpectedKey => new TextPatternKey(Column, new TextList(Patterns), Rule);

    /// <summary>Reads one pattern kwarg (an empty pattern matches everything, as in Python) and checks it compiles.</summary>
    private protected static string ReadPattern(KwargReader kwargs, string name)
    {
        var pattern = kwargs.OptionalString(name) ?? throw kwargs.Error(name, "is missing", "give a Python regular expression, such as \"^[a-z]+$\"");
        Check(kwargs, name, pattern);
        return pattern;
    }

    /// <summary>Reads a list of patterns, each of which must compile.</summary>
    private protected static IReadOnlyList<string> ReadPatternList(KwargReader kwargs, string name)
    {
        var list = kwargs.OptionalList(name);
        if (list is not { Count: > 0 } || list.Any(p => p is not string))
        {
            throw kwargs.Error(name, "is not a non-empty list of text", "give a JSON list of Python regular expressions, such as [\"^a\", \"b$\"]");
        }
        var patterns = list.Cast<string>().ToList();
        patterns.ForEach(p => Check(kwargs, name, p));
        return patterns;
    }

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        // A pattern that timed out leaves no verdict to give: report why instead.
        if (metrics.FailureOf(UnexpectedKey) is null && metrics.FailureOf(new NullRowsKey(Column)) is null
            && metrics.State<TextCheckState>(UnexpectedKey).Abort is { } abort)
        {
            return CannotJudge(abort);
        }
        return base.Judge(metrics, schema, format);
    }

    private static void Check(KwargReader kwargs, string name, string pattern)
    {
        if (!PythonRegex.TryCompile(pattern, PythonRegex.MatchTimeout, out _, out var error))
        {
            throw kwargs.Error(name, $"(\"{pattern}\") cannot be used: {error}", "write it in Python re syntax shared with .NET (see docs/expectations.md)");
        }
    }
}
