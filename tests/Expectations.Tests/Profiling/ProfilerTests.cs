using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Profiling;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Profiling;

/// <summary>The profiler against a naive profile computed here from the same values.</summary>
public sealed class ProfilerTests
{
    [Fact]
    public void Profile_NumericColumn_MatchesNaiveStatistics()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 3000).Select(i => i % 13 == 0 ? (double?)null : Math.Round(random.NextDouble() * 1000 - 100, 2)).ToList();
        var profile = Profiler.Profile(Arrays.Batch(("x", Arrays.Double(values))), new ProfileOptions { Threads = 2 });

        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var column = profile.Columns.Single();
        Assert.Equal(FeatureType.Fractional, column.Type);
        Assert.False(column.IsTypeInferred);
        Assert.Equal(present.Count, column.Present);
        Assert.Equal(values.Count - present.Count, column.Missing);
        var numeric = column.Numeric!;
        var mean = present.Average();
        Assert.Equal(mean, numeric.Mean, 9);
        Assert.Equal(present.Sum(), numeric.Sum, 6);
        Assert.Equal(Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / present.Count), numeric.StandardDeviation, 9);
        Assert.Equal(present.Min(), numeric.Min);
        Assert.Equal(present.Max(), numeric.Max);
        Assert.Equal(present.Count, numeric.Sketch.Count);
        Assert.Equal(present.Distinct().Count(), column.DistinctCount); // exact below HLL++'s small-set limit
        Assert.Null(column.Categories); // far more than 120 distinct values
    }

    [Fact]
    public void Profile_NaN_CountsAsMissing()
    {
        var profile = Profiler.Profile(Arrays.Batch(("x", Arrays.Double([1.0, double.NaN, null, 3.0]))));
        var column = profile.Columns.Single();
        Assert.Equal(2, column.Present);
        Assert.Equal(2, column.Missing);
        Assert.Equal(2.0, column.Numeric!.Mean);
    }

    [Fact]
    public void Profile_LowCardinalityText_ExactCategoriesMostFrequentFirst()
    {
        string?[] values = ["b", "a", "b", null, "c", "b", "a", "\u00e9t\u00e9"];
        foreach (var array in new IArrowArray[] { Arrays.String(values), Arrays.DictionaryString(values) })
        {
            var column = Profiler.Profile(Arrays.Batch(("s", array))).Columns.Single();
            Assert.Equal(FeatureType.String, column.Type);
            Assert.Equal([new CategoryCount("b", 3), new CategoryCount("a", 2), new CategoryCount("c", 1), new CategoryCount("\u00e9t\u00e9", 1)], column.Categories);
            Assert.Equal(4, column.DistinctCount);
            Assert.Equal(1, column.MinLength);
            Assert.Equal(3, column.MaxLength); // code points, not bytes
            Assert.Equal(7, column.Present);
        }
    }

    [Theory]
    [InlineData(new[] { "1", "2", "-3" }, FeatureType.Integral)]
    [InlineData(new[] { "1", "2.5", "3e2" }, FeatureType.Fractional)]
    [InlineData(new[] { "1", ".5" }, FeatureType.String)]
    [InlineData(new[] { "1,000", "2" }, FeatureType.String)]
    [InlineData(new[] { "true", "false" }, FeatureType.Boolean)]
    [InlineData(new[] { "true", "1" }, FeatureType.String)]
    [InlineData(new string[0], FeatureType.Unknown)]
    public void Profile_Text_TypeByDeequsColumnRule(string[] values, FeatureType expected)
    {
        var column = Profiler.Profile(Arrays.Batch(("t", Arrays.String([.. values, null])))).Columns.Single();
        Assert.Equal(expected, column.Type);
        Assert.True(column.IsTypeInferred);
        if (expected is FeatureType.Integral or FeatureType.Fractional)
        {
            var numbers = values.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(numbers.Average(), column.Numeric!.Mean, 12);
            Assert.Equal(numbers.Min(), column.Numeric.Min);
            Assert.Equal(numbers.Count, column.Numeric.Sketch.Count);
        }
        else
        {
            Assert.Null(column.Numeric);
        }
    }

    [Fact]
    public void Profile_CardinalityAboveThreshold_DropsCountsKeepsSketch()
    {
        var values = Enumerable.Range(0, 121).Select(i => (long?)i).ToList();
        var column = Profiler.Profile(Arrays.Batch(("k", Arrays.Int64(values)))).Columns.Single();
        Assert.Null(column.Categories);
        Assert.Equal(121, column.DistinctCount);
        var under = Profiler.Profile(Arrays.Batch(("k", Arrays.Int64(values.Take(120))))).Columns.Single();
        Assert.Equal(120, under.Categories!.Count);
    }

    [Fact]
    public void Profile_Empty_ItemCountZeroAndUnknownTypes()
    {
        var batch = Arrays.Batch(("a", Arrays.String([])), ("b", Arrays.Int64([])));
        var profile = Profiler.Profile(batch);
        Assert.Equal(0, profile.RowCount);
        Assert.All(profile.Columns, c => Assert.Equal(FeatureType.Unknown, c.Type));
    }

    /// <summary>Profiles of two partitions merge into the profile of the whole: counts and categories exactly, moments to rounding.</summary>
    [Property(MaxTest = 40)]
    public Property Merge_OfPartitions_EqualsProfileOfWhole() =>
        Prop.ForAll(Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (rows, split, seed) =>
        {
            split = Math.Min(split, rows);
            var random = new Random(seed);
            var numbers = Enumerable.Range(0, rows).Select(_ => random.Next(5) == 0 ? (long?)null : random.Next(-50, 50)).ToList();
            var texts = Enumerable.Range(0, rows).Select(_ => random.Next(6) == 0 ? null : random.Next(3) == 0 ? random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"v{random.Next(8)}").ToList();
            RecordBatch Part(int from, int count) => Arrays.Batch(("n", Arrays.Int64(numbers.Skip(from).Take(count))), ("t", Arrays.String(texts.Skip(from).Take(count))));
            var whole = Profiler.Profile(Part(0, rows));
            var merged = Profiler.Profile(Part(0, split)).Merge(Profiler.Profile(Part(split, rows - split)));
            return Same(whole, merged);
        });

    /// <summary>The same profile however the rows are split into batches and threads.</summary>
    [Fact]
    public void Profile_BatchesAndThreads_DoNotChangeTheProfile()
    {
        var random = new Random(3);
        var rows = 20_000;
        var batch = Arrays.Batch(
            ("n", Arrays.Int64(Enumerable.Range(0, rows).Select(_ => (long?)random.Next(0, 90)))),
            ("t", Arrays.DictionaryString([.. Enumerable.Range(0, rows).Select(i => i % 17 == 0 ? null : $"c{i % 5}")])));
        var one = Profiler.Profile(batch, new ProfileOptions { Threads = 1 });
        using var split = new RecordBatchSource(batch.Schema, Arrays.Split(batch, 999));
        var many = Profiler.Profile(split, new ProfileOptions { Threads = 2 }, TestContext.Current.CancellationToken);
        Assert.True(Same(one, many));
    }

    private static bool Same(DataProfile a, DataProfile b)
    {
        if (a.RowCount != b.RowCount)
        {
            return false;
        }
        return a.Columns.Zip(b.Columns).All(p =>
        {
            var (x, y) = p;
            var numericSame = (x.Numeric, y.Numeric) switch
            {
                (null, null) => true,
                ({ } m, { } n) => m.Count == n.Count && Math.Abs(m.Mean - n.Mean) < 1e-9 && Math.Abs(m.StandardDeviation - n.StandardDeviation) < 1e-9
                    && m.Min == n.Min && m.Max == n.Max && m.Sum == n.Sum && m.Sketch.Count == n.Sketch.Count,
                _ => false,
            };
            var categoriesSame = (x.Categories, y.Categories) switch
            {
                (null, null) => true,
                ({ } c, { } d) => c.SequenceEqual(d),
                _ => false,
            };
            return x.Type == y.Type && x.Present == y.Present && x.Missing == y.Missing && x.TypeCounts == y.TypeCounts
                && x.DistinctCount == y.DistinctCount && x.MinLength == y.MinLength && x.MaxLength == y.MaxLength && numericSame && categoriesSame;
        });
    }
}
