using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Kernels.Summary;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Kernels.Summary;

/// <summary>
/// The summary state over random int64 and double columns (nulls, NaN, extremes) equals an exact reference, whether
/// accumulated in one pass or as random parts merged in random order. Counts, extremes and integer sums must match
/// exactly; real sums within 1e-12 of the sum (floor: 1e-12·Σ|x|), means and deviations within 1e-12 relative with a
/// floor of 1e-12·max|x| (what Chan's merge of rounded means can promise).
/// </summary>
public sealed class ColumnSummaryStatePropertyTests
{
    /// <summary>Values, cut points of a random split, a merge order and a block size.</summary>
    public sealed record Case<T>(T?[] Values, int[] Cuts, int[] Order, int BlockRows)
        where T : struct
    {
        public override string ToString() =>
            $"cuts [{string.Join(", ", Cuts)}], order [{string.Join(", ", Order)}], blocks of {BlockRows}: [{string.Join(", ", Values.Select(v => v?.ToString() ?? "null"))}]";
    }

    private static readonly long[] s_extremeLongs = [long.MinValue, long.MaxValue, long.MinValue + 1, long.MaxValue - 1, 0, (1L << 53) + 1, -(1L << 53) - 1];

    private static readonly double[] s_extremeReals = [1e150, -1e150, 1e-300, -1e-300, double.Epsilon, -double.Epsilon, -0.0, 0.1, 1e15 + 0.5];

    [Property(MaxTest = 300)]
    public Property Int64_OnePassAndMergedParts_CountSumMeanStdevEqualExactReference() =>
        Prop.ForAll(Cases(Longs()).ToArbitrary(), c =>
        {
            var array = Arrays.Int64(c.Values);
            var kernel = SummaryRuns.Kernel(Int64Type.Default);
            var present = c.Values.OfType<long>().ToList();
            var reference = SummaryReference.OfIntegers(present);
            return new[]
            {
                SummaryRuns.Accumulate(kernel, array, 0, array.Length, c.BlockRows),
                SummaryRuns.Merged(kernel, array, c.Cuts, c.Order, c.BlockRows),
            }.Select(s => Failures(
                ("count", s.Count == present.Count),
                ("integer sum", (System.Numerics.BigInteger)s.IntegerSum == reference.Sum),
                ($"mean {s.Mean:R} vs {reference.Mean:R}", present.Count == 0 || SummaryReference.Close(s.Mean, reference.Mean, reference.MaxMagnitude)),
                ($"stdev {s.SampleStandardDeviation:R} vs {reference.SampleStandardDeviation:R}",
                    SummaryReference.Close(s.SampleStandardDeviation, reference.SampleStandardDeviation, reference.MaxMagnitude)))).ToList().Aggregate("", (a, b) => a + b) is var failed
                ? (failed.Length == 0).Label(failed) : null!;
        });

    /// <summary>Extremes of an integer column are its exact integers (long), not doubles: 2^53 + 1 has no double.</summary>
    [Property(MaxTest = 200)]
    public Property Int64_OnePassAndMergedParts_ExtremesAreTheExactIntegers() =>
        Prop.ForAll(Cases(Longs()).ToArbitrary(), c =>
        {
            var array = Arrays.Int64(c.Values);
            var kernel = SummaryRuns.Kernel(Int64Type.Default);
            var present = c.Values.OfType<long>().ToList();
            var (min, max) = present.Count == 0 ? ((object?)null, (object?)null) : (present.Min(), present.Max());
            return new[]
            {
                SummaryRuns.Accumulate(kernel, array, 0, array.Length, c.BlockRows),
                SummaryRuns.Merged(kernel, array, c.Cuts, c.Order, c.BlockRows),
            }.All(s => Equals(s.Min, min) && Equals(s.Max, max));
        });

    [Fact]
    public void Int64_BeyondDoublePrecision_ExtremesKeepEveryDigit()
    {
        var array = Arrays.Int64([(1L << 53) + 1, null, -(1L << 53) - 1]);

        var state = SummaryRuns.Accumulate(SummaryRuns.Kernel(Int64Type.Default), array, 0, array.Length, 64);

        Assert.Equal((object)(-(1L << 53) - 1), state.Min);
        Assert.Equal((object)((1L << 53) + 1), state.Max);
    }

    [Property(MaxTest = 300)]
    public Property Double_OnePassAndMergedParts_EqualExactReferenceWithoutNaN() =>
        Prop.ForAll(Cases(Reals()).ToArbitrary(), c =>
        {
            var array = Arrays.Double(c.Values);
            var kernel = SummaryRuns.Kernel(DoubleType.Default);
            var present = c.Values.OfType<double>().Where(v => !double.IsNaN(v)).ToList();
            var reference = SummaryReference.OfReals(present);
            var absoluteSum = present.Sum(Math.Abs);
            return new[]
            {
                SummaryRuns.Accumulate(kernel, array, 0, array.Length, c.BlockRows),
                SummaryRuns.Merged(kernel, array, c.Cuts, c.Order, c.BlockRows),
            }.Select(s => Failures(
                ("count", s.Count == present.Count),
                ("min", present.Count == 0 ? s.Min is null : (double)s.Min! == present.Min()),
                ("max", present.Count == 0 ? s.Max is null : (double)s.Max! == present.Max()),
                ($"sum {s.Sum:R} vs {reference.SumAsDouble:R}", SummaryReference.Close(s.Sum, reference.SumAsDouble, absoluteSum)),
                ($"mean {s.Mean:R} vs {reference.Mean:R}", present.Count == 0 || SummaryReference.Close(s.Mean, reference.Mean, reference.MaxMagnitude)),
                ($"stdev {s.SampleStandardDeviation:R} vs {reference.SampleStandardDeviation:R}",
                    SummaryReference.Close(s.SampleStandardDeviation, reference.SampleStandardDeviation, reference.MaxMagnitude)))).ToList().Aggregate("", (a, b) => a + b) is var failed
                ? (failed.Length == 0).Label(failed) : null!;
        });

    [Property(MaxTest = 200)]
    public Property Double_MergedPartsAnyOrder_EqualOnePass() =>
        Prop.ForAll(Cases(Reals()).ToArbitrary(), c =>
        {
            var array = Arrays.Double(c.Values);
            var kernel = SummaryRuns.Kernel(DoubleType.Default);
            var whole = SummaryRuns.Accumulate(kernel, array, 0, array.Length, 64);
            var merged = SummaryRuns.Merged(kernel, array, c.Cuts, c.Order, c.BlockRows);
            var scale = c.Values.OfType<double>().Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
            return merged.Count == whole.Count && Equals(merged.Min, whole.Min) && Equals(merged.Max, whole.Max)
                && SummaryReference.Close(merged.Sum, whole.Sum, c.Values.OfType<double>().Where(double.IsFinite).Sum(Math.Abs))
                && SummaryReference.Close(merged.Mean, whole.Mean, scale)
                && SummaryReference.Close(merged.SampleStandardDeviation, whole.SampleStandardDeviation, scale);
        });

    [Fact]
    public void Double_NullsAndNaNOnly_CountsNothing()
    {
        var array = Arrays.Double([null, double.NaN, null, double.NaN]);

        var state = SummaryRuns.Accumulate(SummaryRuns.Kernel(DoubleType.Default), array, 0, array.Length, 64);

        Assert.Equal(0, state.Count);
        Assert.Null(state.Min);
        Assert.Null(state.Max);
        Assert.True(double.IsNaN(state.SampleStandardDeviation));
    }

    [Fact]
    public void Double_InfinitiesAreValues_ExtremesAreInfinite()
    {
        var array = Arrays.Double([1, double.PositiveInfinity, null, double.NaN, double.NegativeInfinity, 2]);

        var state = SummaryRuns.Accumulate(SummaryRuns.Kernel(DoubleType.Default), array, 0, array.Length, 64);

        Assert.Equal(4, state.Count);
        Assert.Equal(double.NegativeInfinity, state.Min);
        Assert.Equal(double.PositiveInfinity, state.Max);
        Assert.True(double.IsNaN(state.Sum), "+∞ + −∞ is NaN, as in pandas");
    }

    /// <summary>pandas: Series([1.0, inf, 2.0]).sum() is inf. The Neumaier compensation of ∞ is ∞ − ∞ = NaN.</summary>
    [Fact]
    public void Double_PositiveInfinityInOnePass_SumIsPositiveInfinity()
    {
        var array = Arrays.Double([1, double.PositiveInfinity, 2]);

        var state = SummaryRuns.Accumulate(SummaryRuns.Kernel(DoubleType.Default), array, 0, array.Length, 64);

        Assert.Equal(double.PositiveInfinity, state.Mean);
        Assert.Equal(double.PositiveInfinity, state.Sum);
    }

    /// <summary>The mean of [1, ∞, 2] is ∞ however the rows are split; Chan's delta ∞ − ∞ must not turn it into NaN.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Double_PositiveInfinityAcrossMergedParts_MeanIsPositiveInfinity(int cut)
    {
        var array = Arrays.Double([1, double.PositiveInfinity, 2]);

        var merged = SummaryRuns.Merged(SummaryRuns.Kernel(DoubleType.Default), array, [cut], [0, 1], 64);

        Assert.Equal(double.PositiveInfinity, merged.Max);
        Assert.Equal(double.PositiveInfinity, merged.Mean);
    }

    /// <summary>Neumaier's sum of 1e150, 1, −1e150 is exactly 1; a plain running sum inside a block gives 0.</summary>
    [Fact]
    public void Double_CancellingMagnitudes_CompensatedSumIsExact()
    {
        var array = Arrays.Double([1e150, 1, -1e150]);

        var state = SummaryRuns.Accumulate(SummaryRuns.Kernel(DoubleType.Default), array, 0, array.Length, 64);

        Assert.Equal(1.0, state.Sum);
    }

    /// <summary>The names of the checks that failed, for the property's label.</summary>
    private static string Failures(params (string Name, bool Holds)[] checks) =>
        string.Concat(checks.Where(c => !c.Holds).Select(c => c.Name + "; "));

    private static Gen<long?> Longs() => Gen.Frequency(
    [
        (1, Gen.Constant((long?)null)),
        (4, Gen.Choose(-20, 20).Select(i => (long?)i)),
        (2, Gen.Elements(s_extremeLongs).Select(v => (long?)v)),
        (2, from hi in Gen.Choose(int.MinValue, int.MaxValue) from lo in Gen.Choose(int.MinValue, int.MaxValue) select (long?)(((long)hi << 32) ^ (uint)lo)),
    ]);

    private static Gen<double?> Reals() => Gen.Frequency(
    [
        (1, Gen.Constant((double?)null)),
        (1, Gen.Constant((double?)double.NaN)),
        (3, Gen.Choose(-20, 20).Select(i => (double?)i)),
        (3, from m in Gen.Choose(-1_000_000, 1_000_000) from e in Gen.Choose(-12, 12) select (double?)(m * Math.Pow(10, e))),
        (1, Gen.Elements(s_extremeReals).Select(v => (double?)v)),
    ]);

    /// <summary>Up to 200 values, 0–4 sorted cut points, a random merge order of the parts and a block size (blocks start on 64-row words).</summary>
    private static Gen<Case<T>> Cases<T>(Gen<T?> value)
        where T : struct =>
        from length in Gen.Choose(0, 200)
        from values in value.ArrayOf(length)
        from cuts in Gen.Choose(0, length).ArrayOf().Select(a => a.Take(4).Order().ToArray())
        from keys in Gen.Choose(0, 1000).ArrayOf(cuts.Length + 1)
        from blockRows in Gen.Elements(64, 128, 1024)
        select new Case<T>(values, cuts, [.. Enumerable.Range(0, cuts.Length + 1).OrderBy(i => keys[i]).ThenBy(i => i)], blockRows);
}
