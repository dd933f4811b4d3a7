using System.Globalization;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Catalog.Aggregates.AggregateSuites;

namespace Dq.Expectations.Tests.Catalog.Aggregates;

/// <summary>Median, quantiles, unique counts and distinct-value sets against references computed here from the data.</summary>
public sealed class OrderStatisticTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 9)]
    [InlineData(4, 10)]
    [InlineData(5, 101)]
    [InlineData(6, 64)]
    public void Median_OddAndEvenCounts_IsMiddleOrMeanOfMiddleTwo(int seed, int count)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(_ => (long?)random.Next(-50, 50)).ToList();
        values.Insert(random.Next(values.Count + 1), null);
        var sorted = values.OfType<long>().Order().ToList();
        var expected = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2m;

        var result = RunOne(Arrays.Int64(values), "column_median_to_be_between", $"\"min_value\": {expected}, \"max_value\": {expected}, \"column\": \"x\"");

        Assert.Equal((double)expected, Observed(result)!.GetValue<double>());
        Assert.True(Success(result));
    }

    [Fact]
    public void Median_DoublesWithNaN_LeavesNaNOut()
    {
        var result = RunOne(Arrays.Double([double.NaN, 4, null, 1, double.NaN, 2.5, 10]), "column_median_to_be_between", "\"column\": \"x\"");

        Assert.Equal((2.5 + 4) / 2, Observed(result)!.GetValue<double>());
    }

    /// <summary>numpy "nearest": index round-half-even(q·(n − 1)) of the sorted values; n and q chosen to hit exact halves.</summary>
    [Theory]
    [InlineData(2, new[] { 0.5 })]                     // 0.5 → 0
    [InlineData(4, new[] { 0.5, 1.0 / 6 })]           // 1.5 → 2, 0.5 → 0
    [InlineData(6, new[] { 0.5, 0.1, 0.3, 0.7 })]     // 2.5 → 2, 0.5 → 0, 1.5 → 2, 3.5 → 4
    [InlineData(9, new[] { 0, 0.25, 0.5, 0.75, 1, 1.0 / 3 })]
    [InlineData(10, new[] { 0.05, 0.95, 0.5, 0.01, 0.99 })]
    [InlineData(37, new[] { 0.125, 0.375, 0.9 })]
    public void Quantiles_Nearest_RoundHalfToEvenPosition(int count, double[] quantiles)
    {
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(i => (long?)((i * 7) + random.Next(0, 5))).OrderBy(_ => random.Next()).ToList();
        values.Add(null);
        var sorted = values.OfType<long>().Order().ToList();
        var expected = quantiles.Select(q => sorted[NearestIndex(q, sorted.Count)]).ToList();
        var ranges = string.Join(", ", expected.Select(v => $"[{v}, {v}]"));
        var qs = string.Join(", ", quantiles.Select(q => q.ToString("R", CultureInfo.InvariantCulture)));

        var result = RunOne(Arrays.Int64(values), "column_quantile_values_to_be_between",
            $"\"column\": \"x\", \"quantile_ranges\": {{\"quantiles\": [{qs}], \"value_ranges\": [{ranges}]}}");

        Assert.Equal(expected.Select(v => (double)v), Observed(result)!["values"]!.AsArray().Select(n => n!.GetValue<double>()));
        Assert.All(result["result"]!["details"]!["success_details"]!.AsArray(), b => Assert.True(b!.GetValue<bool>()));
        Assert.True(Success(result));
    }

    [Fact]
    public void Quantiles_OneRangeMissesItsQuantile_FailsThatOneOnly()
    {
        var result = RunOne(Arrays.Int64([1, 2, 3, 4, 5]), "column_quantile_values_to_be_between",
            "\"column\": \"x\", \"quantile_ranges\": {\"quantiles\": [0.25, 0.75], \"value_ranges\": [[2, 2], [null, 3]]}");

        Assert.False(Success(result));
        Assert.Equal([true, false], result["result"]!["details"]!["success_details"]!.AsArray().Select(b => b!.GetValue<bool>()));
    }

    [Fact]
    public void UniqueCountAndProportion_TextWithNulls_CountNonNullDistinct()
    {
        string?[] values = ["a", null, "b", "a", null, "c", "a", "é", "e"];
        var present = values.OfType<string>().ToList();
        var distinct = present.Distinct(StringComparer.Ordinal).Count();

        var count = RunOne(Arrays.String(values), "column_unique_value_count_to_be_between", $"\"column\": \"x\", \"min_value\": {distinct}, \"max_value\": {distinct}");
        var proportion = RunOne(Arrays.String(values), "column_proportion_of_unique_values_to_be_between", "\"column\": \"x\"");

        Assert.Equal(distinct, Observed(count)!.GetValue<long>());
        Assert.True(Success(count));
        Assert.Equal((double)distinct / present.Count, Observed(proportion)!.GetValue<double>(), 15);
    }

    [Fact]
    public void UniqueCount_DoublesWithNaNAndSignedZero_NaNIsMissingAndZerosAreOneValue()
    {
        var result = RunOne(Arrays.Double([0.0, -0.0, double.NaN, 1, 1, null, double.NaN]), "column_unique_value_count_to_be_between", "\"column\": \"x\"");

        Assert.Equal(2, Observed(result)!.GetValue<long>());
    }

    [Theory]
    [InlineData("distinct_values_to_equal_set", "[1.0, 2, 3.0]", true)]
    [InlineData("distinct_values_to_equal_set", "[1, 2]", false)]
    [InlineData("distinct_values_to_be_in_set", "[1, 2.0, 3, 4]", true)]
    [InlineData("distinct_values_to_be_in_set", "[1, 2]", false)]
    [InlineData("distinct_values_to_be_in_set", "null", true)]
    [InlineData("distinct_values_to_contain_set", "[3.0, 1]", true)]
    [InlineData("distinct_values_to_contain_set", "[3, 4]", false)]
    public void DistinctValues_IntegerColumn_ComparedByValueWithRealSet(string type, string set, bool expected)
    {
        long?[] values = [3, 1, null, 2, 3, 3, 1];

        var result = RunOne(Arrays.Int64(values), $"column_{type}", $"\"column\": \"x\", \"value_set\": {set}");

        Assert.Equal(expected, Success(result));
        Assert.Equal([1L, 2L, 3L], Observed(result)!.AsArray().Select(n => n!.GetValue<long>()));
        var counts = result["result"]!["details"]!["value_counts"]!.AsArray().Select(n => (n!["value"]!.GetValue<long>(), n["count"]!.GetValue<long>()));
        Assert.Equal(values.OfType<long>().GroupBy(v => v).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Count())), counts);
    }

    [Fact]
    public void DistinctValues_DoubleColumnWithIntegerSet_OneEqualsOnePointZero()
    {
        var result = RunOne(Arrays.Double([1.0, 2.5, null, double.NaN, 1.0]), "column_distinct_values_to_equal_set", "\"column\": \"x\", \"value_set\": [1, 2.5]");

        Assert.True(Success(result));
    }

    /// <summary>
    /// numpy's round-half-to-even of q·(n − 1) (a float64 product, as numpy computes it), written out: a fraction below
    /// .5 rounds down, above up, exactly .5 to the even index.
    /// </summary>
    private static int NearestIndex(double q, int n)
    {
        var position = q * (n - 1);
        var floor = (int)Math.Floor(position);
        var fraction = position - floor;
        return fraction < 0.5 ? floor : fraction > 0.5 ? floor + 1 : (floor % 2 == 0 ? floor : floor + 1);
    }
}
