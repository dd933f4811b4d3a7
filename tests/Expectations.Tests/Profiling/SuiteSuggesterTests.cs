using System.Text.Json.Nodes;
using Apache.Arrow;
using Dq.Expectations.Profiling;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Profiling;

/// <summary>Deequ's suggestion rules: their conditions, their numbers, and suites that pass on the data they came from and on fresh data.</summary>
public sealed class SuiteSuggesterTests
{
    /// <summary>Deequ's interval examples (monitoring-reference §2b), floored to two decimals.</summary>
    [Theory]
    [InlineData(0.8, 100, 0.72, 0.88)]
    [InlineData(0.5, 10, 0.19, 0.81)]
    [InlineData(0.9, 50, 0.81, 0.99)]
    public void Wald_DeequExamples(double p, long n, double lower, double upper)
    {
        Assert.Equal(lower, ConfidenceBounds.WaldLower(p, n));
        Assert.Equal(upper, ConfidenceBounds.WaldUpper(p, n));
    }

    private static RecordBatch Dataset(int seed, int rows)
    {
        var random = new Random(seed);
        string[] statuses = ["placed", "shipped", "delivered", "returned"];
        return Arrays.Batch(
            ("id", Arrays.String([.. Enumerable.Range(0, rows).Select(i => (seed * 1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))])),
            ("amount", Arrays.String([.. Enumerable.Range(0, rows).Select(_ => random.Next(10) == 0 ? null : (random.NextDouble() * 500).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))])),
            ("status", Arrays.String([.. Enumerable.Range(0, rows).Select(_ => statuses[random.Next(statuses.Length)])])),
            ("note", Arrays.String([.. Enumerable.Range(0, rows).Select(_ => $"note {random.Next(1_000_000)}")])));
    }

    private static List<(string Type, string Column, string Rule)> Rules(ExpectationSuite suite) =>
        [.. suite.Expectations.Select(e => (e.Type, e.Configuration.Kwargs["column"]!.GetValue<string>(), e.Configuration.Meta["dq_suggestion"]!["rule"]!.GetValue<string>()))];

    [Fact]
    public void Suggest_DefaultRules_AsDeequ()
    {
        var profile = Profiler.Profile(Dataset(1, 2000));
        // As `dq profile` passes it: the schema a typed reader gives the same file, so numeric text gets numeric rules.
        var typed = new Schema(
            [new Field("id", Apache.Arrow.Types.Int64Type.Default, true), new Field("amount", Apache.Arrow.Types.DoubleType.Default, true),
             new Field("status", Apache.Arrow.Types.StringType.Default, true), new Field("note", Apache.Arrow.Types.StringType.Default, true)], null);
        var suite = SuiteSuggester.Suggest(profile, "s", schema: typed);
        var rules = Rules(suite);
        Assert.DoesNotContain(Rules(SuiteSuggester.Suggest(profile, "s")), r => r.Rule == "NonNegativeNumbers"); // text validated as text gets no numeric range
        Assert.Contains(("expect_column_values_to_not_be_null", "id", "CompleteIfComplete"), rules);
        Assert.Contains(("expect_column_values_to_match_regex", "id", "RetainType"), rules);
        Assert.Contains(("expect_column_values_to_not_be_null", "amount", "RetainCompleteness"), rules);
        Assert.Contains(("expect_column_values_to_be_between", "amount", "NonNegativeNumbers"), rules);
        Assert.Contains(("expect_column_values_to_be_in_set", "status", "CategoricalRange"), rules);
        Assert.DoesNotContain(rules, r => r.Type == "expect_column_values_to_be_unique"); // not a DEFAULT rule
        Assert.DoesNotContain(rules, r => r.Column == "note" && r.Rule != "CompleteIfComplete");

        var completeness = profile.Column("amount")!.Completeness;
        var mostly = suite.Expectations.Single(e => e.Configuration.Meta["dq_suggestion"]!["rule"]!.GetValue<string>() == "RetainCompleteness").Configuration.Kwargs["mostly"]!.GetValue<double>();
        Assert.Equal(Math.Floor((completeness - (1.959964 * Math.Sqrt(completeness * (1 - completeness) / 2000))) * 100) / 100, mostly);
    }

    [Fact]
    public void Suggest_ExtendedRules_AddUniquenessAndRanges()
    {
        var data = Dataset(1, 2000);
        var typed = new Schema([new Field("amount", Apache.Arrow.Types.DoubleType.Default, true)], null);
        var rules = Rules(SuiteSuggester.Suggest(Profiler.Profile(data), "s", SuggestionRules.Extended, typed));
        Assert.Contains(("expect_column_values_to_be_unique", "id", "UniqueIfApproximatelyUnique"), rules);
        Assert.Contains(("expect_column_values_to_be_between", "amount", "HasMin/HasMax"), rules);
        Assert.Contains(("expect_column_value_lengths_to_be_between", "note", "HasMinLength/HasMaxLength"), rules);
    }

    [Fact]
    public void Suggest_FractionalCategoricalRange_CoversNinetyPercent()
    {
        // 60% a, 25% b, 10% c, then 50 values once each: the singletons are 50/53 of the entries, above 0.4, so no
        // rule; with 5 values once each (5/8 ≤ 0.4 fails too) → use 3 rare values: 3/6 = 0.5 still fails. So: many
        // repeats of the rare ones: d, e twice each (0 singletons / 5 ≤ 0.1) gives CategoricalRange; one singleton in 3
        // entries is 0.33 — FractionalCategoricalRange.
        var values = Enumerable.Repeat("a", 60).Concat(Enumerable.Repeat("b", 30)).Concat(["c"]).Select(v => (string?)v).ToList();
        var profile = Profiler.Profile(Arrays.Batch(("s", Arrays.String(values))));
        var suite = SuiteSuggester.Suggest(profile, "s");
        var inSet = suite.Expectations.Single(e => e.Type == "expect_column_values_to_be_in_set");
        Assert.Equal("FractionalCategoricalRange", inSet.Configuration.Meta["dq_suggestion"]!["rule"]!.GetValue<string>());
        Assert.Equal(["a", "b"], inSet.Configuration.Kwargs["value_set"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(Math.Floor((90.0 / 91 - (1.959964 * Math.Sqrt(90.0 / 91 * (1 - 90.0 / 91) / 91))) * 100) / 100, inSet.Configuration.Kwargs["mostly"]!.GetValue<double>());
    }

    [Fact]
    public void Suggest_WithValidationSchema_TypesTheDomain()
    {
        var values = Enumerable.Range(0, 300).Select(i => (string?)(i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var profile = Profiler.Profile(Arrays.Batch(("k", Arrays.String(values))));
        var typed = new Schema([new Field("k", Apache.Arrow.Types.Int64Type.Default, true)], null);
        var suite = SuiteSuggester.Suggest(profile, "s", schema: typed);
        var domain = suite.Expectations.Single(e => e.Type == "expect_column_values_to_be_in_set").Configuration.Kwargs["value_set"]!.AsArray();
        Assert.All(domain, v => Assert.Equal(System.Text.Json.JsonValueKind.Number, v!.GetValueKind()));
        Assert.True(Validator.Validate(Arrays.Batch(("k", Arrays.Int64(values.Select(v => (long?)long.Parse(v!, System.Globalization.CultureInfo.InvariantCulture))))), suite).Success);
    }

    [Theory]
    [InlineData(SuggestionRules.Default)]
    [InlineData(SuggestionRules.Extended)]
    public void SuggestedSuite_PassesOnItsOwnData(SuggestionRules rules)
    {
        var data = Dataset(5, 5000);
        var suite = SuiteSuggester.Suggest(Profiler.Profile(data), "s", rules);
        if (rules == SuggestionRules.Extended)
        {
            // `note` has about as many distinct values as rows (Deequ's approximate uniqueness) but repeats some.
            using var source = new Dq.Expectations.Columns.RecordBatchSource(data);
            var (kept, dropped) = SuiteSuggester.KeepPassing(suite, source, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal([("expect_column_values_to_be_unique", "note")], dropped.Select(c => (c.Type, c.Kwargs["column"]!.GetValue<string>())));
            Assert.Contains(kept.Expectations, e => e.Type == "expect_column_values_to_be_unique" && e.Configuration.Kwargs["column"]!.GetValue<string>() == "id");
            suite = kept;
        }
        var result = Validator.Validate(data, suite);
        Assert.True(result.Success, string.Join("; ", result.Results.Where(r => !r.Success).Select(r => $"{r.Configuration.Type} {r.Configuration.Kwargs.ToJsonString()} {r.ExceptionInfo?.ExceptionMessage}")));
    }

    [Fact]
    public void SuggestedSuite_DefaultRules_PassOnFreshDataFromTheSameDistributions()
    {
        var suite = SuiteSuggester.Suggest(Profiler.Profile(Dataset(5, 5000)), "s");
        for (var seed = 20; seed < 30; seed++)
        {
            var result = Validator.Validate(Dataset(seed, 5000), suite);
            Assert.True(result.Success, $"seed {seed}: " + string.Join("; ", result.Results.Where(r => !r.Success).Select(r => $"{r.Configuration.Type} {r.Configuration.Kwargs.ToJsonString()}")));
        }
    }

    [Fact]
    public void Suggest_SuiteRoundTripsThroughJson()
    {
        var suite = SuiteSuggester.Suggest(Profiler.Profile(Dataset(1, 500)), "s", SuggestionRules.Extended);
        var again = SuiteJson.Parse(SuiteJson.Write(suite));
        Assert.Equal(SuiteJson.Write(suite), SuiteJson.Write(again));
        Assert.Equal("extended", JsonNode.Parse(SuiteJson.Write(suite))!["meta"]!["dq_profile"]!["rules"]!.GetValue<string>());
    }
}
