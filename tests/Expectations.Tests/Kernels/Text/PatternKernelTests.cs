using System.Diagnostics;
using System.Text.RegularExpressions;
using Dq.Expectations.Kernels.Text;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Text;

/// <summary>The regex expectations: Python search semantics, syntax translation, non-text values, and time limits.</summary>
public sealed class PatternKernelTests
{
    private static readonly string[] s_patterns = ["^a", "b$", "", "[ab]{1}[a-d]{2}", "(?P<x>z)\\d", "é", "^.{2}$"];

    [Property(MaxTest = 100)]
    public Property Validate_RandomTextPlainAndDictionary_MatchesRegexSearch() =>
        Prop.ForAll(
            Gen.Elements("a", "ab", "ba", "abc", "z1", "zz", "é", "\U0001F600", "", null).ListOf().ToArbitrary(),
            Gen.Elements(s_patterns).ToArbitrary(),
            (values, pattern) =>
            {
                var reference = new Regex(PythonRegex.Translate(pattern));
                var expected = Reference.Rows(values, v => v is not null && !reference.IsMatch(v));
                var suite = ExpectationSuite.Create("s").ExpectColumnValuesToMatchRegex("p", pattern).ExpectColumnValuesToMatchRegex("d", pattern).Build();
                var json = Runs.Json(Arrays.Batch(("p", Arrays.String(values)), ("d", Arrays.DictionaryString(values))), suite);
                return Runs.UnexpectedIndexes(json, 0).SequenceEqual(expected) && Runs.UnexpectedIndexes(json, 1).SequenceEqual(expected);
            });

    [Theory]
    [InlineData("(?P<year>\\d{4})-(?P=year)", "(?<year>\\d{4})-\\k<year>")]
    [InlineData("abc\\Z", "abc\\z")]
    [InlineData("a{,3}", "a{0,3}")]
    [InlineData("[\\Z(?P<]x", "[\\Z(?P<]x")]
    [InlineData("[]{,3}]", "[]{,3}]")]
    [InlineData("a{,}", "a{,}")]
    public void Translate_PythonOnlySyntax_BecomesDotNetSyntax(string python, string dotnet) =>
        Assert.Equal(dotnet, PythonRegex.Translate(python));

    [Fact]
    public void Validate_RegexListAnyAllAndNone_FollowMatchOn()
    {
        string?[] values = ["111", "123", "456", "abc", null];
        var suite = ExpectationSuite.Create("s")
            .ExpectColumnValuesToMatchRegexList("x", ["[123]+", "[456]+"])
            .ExpectColumnValuesToMatchRegexList("x", ["[123]+", "[3-6]+"], matchAll: true)
            .ExpectColumnValuesToNotMatchRegexList("x", ["2", "c$"])
            .ExpectColumnValuesToNotMatchRegex("x", "^1")
            .Build();

        var json = Runs.Json(Arrays.Batch(("x", Arrays.String(values))), suite);

        Assert.Equal([3L], Runs.UnexpectedIndexes(json, 0));
        Assert.Equal([0L, 2L, 3L], Runs.UnexpectedIndexes(json, 1));
        Assert.Equal([1L, 3L], Runs.UnexpectedIndexes(json, 2));
        Assert.Equal([0L, 1L], Runs.UnexpectedIndexes(json, 3));
    }

    [Fact]
    public void Validate_NumberColumn_MatchedOnPythonText()
    {
        double?[] values = [1, 2.5, null, 1e16, double.NaN];

        var json = Runs.Json(Arrays.Batch(("x", Arrays.Double(values))), ExpectationSuite.Create("s").ExpectColumnValuesToMatchRegex("x", "^\\d+\\.0$").Build());

        Assert.Equal([1L, 3L, 4L], Runs.UnexpectedIndexes(json));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1.5e-5, "1.5e-05")]
    [InlineData(1e16, "1e+16")]
    [InlineData(123456789012345.6, "123456789012345.6")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Real_Doubles_WrittenAsPythonRepr(double value, string python) => Assert.Equal(python, PythonText.Real(value));

    [Fact]
    public void Validate_CatastrophicPattern_StopsWithExceptionInfoInsteadOfHanging()
    {
        // The lookahead forces the backtracking engine; (a+)+$ against a's and a final '!' is exponential there.
        var values = Enumerable.Repeat(new string('a', 40) + "!", 200).Append("aaa").ToList<string?>();
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToMatchRegex("x", "^(?=a)(a+)+$").Build();
        var stopwatch = Stopwatch.StartNew();

        var json = Runs.Json(Arrays.Batch(("x", Arrays.String(values))), suite);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
        Assert.False(Runs.Success(json));
        Assert.Contains("ran longer than 1 s", Runs.ExceptionMessage(json));
        Assert.Contains("column `x`", Runs.ExceptionMessage(json));
    }

    [Fact]
    public void Validate_NestedQuantifierWithoutLookaround_RunsLinearWithNonBacktracking()
    {
        var values = Enumerable.Repeat(new string('a', 5000) + "!", 50).ToList<string?>();
        var stopwatch = Stopwatch.StartNew();

        var json = Runs.Json(Arrays.Batch(("x", Arrays.String(values))), ExpectationSuite.Create("s").ExpectColumnValuesToMatchRegex("x", "^(a+)+$").Build());

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Equal(50, Runs.UnexpectedIndexes(json).Length);
    }

    [Fact]
    public void Build_InvalidPattern_ConfigurationErrorNamesTheKwarg()
    {
        var error = Assert.Throws<ConfigurationException>(() => ExpectationSuite.Create("s").ExpectColumnValuesToMatchRegex("x", "a(b").Build());

        Assert.Contains("`regex`", error.Message);
    }
}
