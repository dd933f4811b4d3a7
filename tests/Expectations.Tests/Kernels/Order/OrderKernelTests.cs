using Apache.Arrow;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Order;

/// <summary>
/// expect_column_values_to_be_increasing / _decreasing against a naive walk over the values: each non-null value
/// compared with the previous non-null one. The result may not depend on batch sizes, threads or blocks.
/// </summary>
public sealed class OrderKernelTests
{
    /// <summary>The naive reference: rows whose value breaks the order after the previous non-null value.</summary>
    private static long[] Naive<T>(IReadOnlyList<T?> values, Func<T, T, int> compare, bool decreasing, bool strictly)
        where T : struct
    {
        var rows = new List<long>();
        T? previous = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }
            if (previous is { } p)
            {
                var c = compare(value, p);
                if ((decreasing ? c > 0 : c < 0) || (strictly && c == 0))
                {
                    rows.Add(i);
                }
            }
            previous = value;
        }
        return [.. rows];
    }

    private static ExpectationSuite Suite(string column) => ExpectationSuite.Create("order")
        .ExpectColumnValuesToBeIncreasing(column)
        .ExpectColumnValuesToBeIncreasing(column, strictly: true)
        .ExpectColumnValuesToBeDecreasing(column)
        .ExpectColumnValuesToBeDecreasing(column, strictly: true, mostly: 0.5)
        .Build();

    private static ValidationOptions Options(int threads) =>
        new() { ResultFormat = new ResultFormat(ResultFormatLevel.Complete), Threads = threads, RunId = "run" };

    [Theory]
    [InlineData(1, 333)]
    [InlineData(2, 130)]
    [InlineData(3, 64)]
    public void Validate_AnyBatchSizeThreadsAndBlockRows_SameResultAsNaiveWalk(int seed, int rows)
    {
        var random = new Random(seed);
        // Mostly rising with noise, ties and nulls, so every rule has unexpected rows at batch boundaries too.
        var ints = Enumerable.Range(0, rows).Select(i => random.Next(5) == 0 ? null : (long?)(i / 3) + random.Next(-2, 3)).ToList();
        var words = ints.Select(v => v is { } x ? $"w{x + 100:000}" : null).ToList();
        var batch = Arrays.Batch(("i", Arrays.Int64(ints)), ("s", Arrays.String(words)), ("d", Arrays.DictionaryString(words)));
        foreach (var column in new[] { "i", "s", "d" })
        {
            var suite = Suite(column);
            var baseline = Runs.Validate(batch.Schema, [batch], suite, Options(1)).Json;
            Assert.Equal(Naive(ints, (a, b) => a.CompareTo(b), false, false), Runs.UnexpectedIndexes(baseline, 0));
            Assert.Equal(Naive(ints, (a, b) => a.CompareTo(b), false, true), Runs.UnexpectedIndexes(baseline, 1));
            Assert.Equal(Naive(ints, (a, b) => a.CompareTo(b), true, false), Runs.UnexpectedIndexes(baseline, 2));
            Assert.Equal(Naive(ints, (a, b) => a.CompareTo(b), true, true), Runs.UnexpectedIndexes(baseline, 3));
            foreach (var batchRows in new[] { 1, 7, 64, rows })
            {
                foreach (var threads in new[] { 1, 2 })
                {
                    foreach (var blockRows in new[] { 64, 0 })
                    {
                        var json = Runs.Validate(batch.Schema, Arrays.Split(batch, batchRows), suite, Options(threads), blockRows: blockRows).Json;
                        Assert.True(Runs.WithoutRunMeta(baseline) == Runs.WithoutRunMeta(json), $"{column}: batches of {batchRows}, {threads} threads, blocks of {blockRows}");
                    }
                }
            }
        }
    }

    [Property(MaxTest = 200)]
    public Property Validate_RandomValuesAndBatchSize_MatchesNaiveWalk() =>
        Prop.ForAll(
            Gen.Choose(0, 6).Select(v => v == 0 ? null : (int?)v).ListOf().ToArbitrary(),
            Gen.Choose(1, 9).ToArbitrary(),
            (values, batchRows) =>
            {
                var longs = values.Select(v => (long?)v).ToList();
                var batch = Arrays.Batch(("x", Arrays.Int64(longs)));
                var json = Runs.Validate(batch.Schema, Arrays.Split(batch, batchRows), Suite("x"), Options(2)).Json;
                return Runs.UnexpectedIndexes(json, 0).SequenceEqual(Naive(longs, (a, b) => a.CompareTo(b), false, false))
                    && Runs.UnexpectedIndexes(json, 3).SequenceEqual(Naive(longs, (a, b) => a.CompareTo(b), true, true));
            });

    [Fact]
    public void Validate_DoublesWithNaN_NaNUnexpectedAndSkippedAsPrevious()
    {
        double?[] values = [1, double.NaN, 2, null, 1.5];

        var json = Runs.Json(Arrays.Batch(("x", Arrays.Double(values))), ExpectationSuite.Create("s").ExpectColumnValuesToBeIncreasing("x").Build());

        Assert.Equal([1L, 4L], Runs.UnexpectedIndexes(json));
    }

    [Fact]
    public void Validate_TimestampsAndDates_ComparedAsInstants()
    {
        var t0 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset?[] instants = [t0, t0.AddDays(1), null, t0.AddHours(1), t0.AddDays(2)];
        DateOnly?[] dates = [new(2024, 1, 3), new(2024, 1, 2), null, new(2024, 1, 2), new(2023, 12, 31)];
        var batch = Arrays.Batch(("t", Arrays.Timestamp(Apache.Arrow.Types.TimeUnit.Microsecond, instants)), ("d", Arrays.Date32(dates)));

        var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectColumnValuesToBeIncreasing("t").ExpectColumnValuesToBeDecreasing("d", strictly: true).Build());

        Assert.Equal([3L], Runs.UnexpectedIndexes(json, 0));
        Assert.Equal([3L], Runs.UnexpectedIndexes(json, 1));
    }

    [Fact]
    public void Validate_BinaryColumn_ExceptionInfoNamesTheType()
    {
        var binary = new BinaryArray.Builder().Append([1]).Append([2]).Build();

        var json = Runs.Json(Arrays.Batch(("b", binary)), ExpectationSuite.Create("s").ExpectColumnValuesToBeIncreasing("b").Build());

        Assert.False(Runs.Success(json));
        Assert.Contains("no order", Runs.ExceptionMessage(json));
    }
}
