using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.ZScore;

/// <summary>expect_column_value_z_scores_to_be_less_than against z-scores computed naively from the whole column.</summary>
public sealed class ZScoreKernelTests
{
    private static long[] Naive(IReadOnlyList<long?> values, double threshold, bool doubleSided)
    {
        var present = values.OfType<long>().Select(v => (double)v).ToList();
        var mean = present.Average();
        var deviation = Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Count - 1));
        return Reference.Rows(values, v => v is { } x && !((doubleSided ? Math.Abs((x - mean) / deviation) : (x - mean) / deviation) < threshold));
    }

    [Property(MaxTest = 100)]
    public Property Validate_RandomValuesAndBatches_MatchesNaiveZScores() =>
        Prop.ForAll(
            Gen.Choose(-50, 50).Select(v => v % 7 == 0 ? null : (long?)v).ListOf().Where(l => l.Count(v => v is not null) >= 3).ToArbitrary(),
            Gen.Choose(1, 8).ToArbitrary(),
            (values, batchRows) =>
            {
                var batch = Arrays.Batch(("x", Arrays.Int64(values)));
                var suite = ExpectationSuite.Create("s").ExpectColumnValueZScoresToBeLessThan("x", 1.1).ExpectColumnValueZScoresToBeLessThan("x", 0.5, doubleSided: false).Build();
                var options = new ValidationOptions { ResultFormat = new ResultFormat(ResultFormatLevel.Complete), Threads = 2 };
                var json = Runs.Validate(batch.Schema, Arrays.Split(batch, batchRows), suite, options).Json;
                return Runs.UnexpectedIndexes(json, 0).SequenceEqual(Naive(values, 1.1, true))
                    && Runs.UnexpectedIndexes(json, 1).SequenceEqual(Naive(values, 0.5, false));
            });

    [Fact]
    public void Validate_ConstantColumn_EveryValueUnexpectedAsInPandas()
    {
        var json = Runs.Json(Arrays.Batch(("x", Arrays.Double([2, 2, null, 2]))), ExpectationSuite.Create("s").ExpectColumnValueZScoresToBeLessThan("x", 3).Build());

        Assert.Equal([0L, 1L, 3L], Runs.UnexpectedIndexes(json));
    }

    [Fact]
    public void Validate_TextColumn_ExceptionInfo()
    {
        var json = Runs.Json(Arrays.Batch(("x", Arrays.String(["a", "b"]))), ExpectationSuite.Create("s").ExpectColumnValueZScoresToBeLessThan("x", 3).Build());

        Assert.Contains("numbers", Runs.ExceptionMessage(json));
    }
}
