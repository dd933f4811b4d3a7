using Dq.Expectations.ModelQuality;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>
/// Regression metrics against scikit-learn's documented examples and an exact decimal reference over the row list
/// (two-pass mean, direct sums), in one pass and as two merged halves.
/// </summary>
public sealed class RegressionAccumulatorTests
{
    /// <summary>scikit-learn's regression docs: y_true [3, −0.5, 2, 7], y_pred [2.5, 0.0, 2, 8].</summary>
    private static readonly (double Actual, double Predicted)[] s_scikitLearnExample = [(3, 2.5), (-0.5, 0.0), (2, 2), (7, 8)];

    [Theory]
    [InlineData("mae", 0.5)]
    [InlineData("mse", 0.375)]
    [InlineData("rmse", 0.6123724356957945)] // √0.375
    [InlineData("r2", 0.9486081370449679)]
    [InlineData("mape", 0.3273809523809524)]
    public void Compute_ScikitLearnDocumentedExample_MatchesPublishedValues(string metric, double expected)
    {
        var value = Accumulate(s_scikitLearnExample).Compute(metric);

        Assert.Equal(expected, value, 14);
    }

    [Fact]
    public void Compute_ConstantActualsExactPredictions_R2IsOne() =>
        // r2_score([-2, -2, -2], [-2, -2, -2]) == 1.0 (scikit-learn docs, force_finite=True).
        Assert.Equal(1.0, Accumulate([(-2, -2), (-2, -2), (-2, -2)]).Compute("r2"));

    [Fact]
    public void Compute_ConstantActualsInexactPredictions_R2IsZero() =>
        // r2_score([-2, -2, -2], [-2, -2, -2 + 1e-8]) == 0.0 (scikit-learn docs, force_finite=True).
        Assert.Equal(0.0, Accumulate([(-2, -2), (-2, -2), (-2, -2 + 1e-8)]).Compute("r2"));

    [Fact]
    public void Compute_OnePair_R2IsNaNOthersDefined()
    {
        var state = Accumulate([(1.0, 3.0)]);

        Assert.True(double.IsNaN(state.Compute("r2")));
        Assert.Equal(2.0, state.Compute("mae"));
    }

    [Fact]
    public void Compute_LargeOffset_R2StaysExact()
    {
        // By hand: deviations of y from its mean 1e9 + 2.5 are ±1.5, ±0.5, so SS_tot = 5; errors ±0.5, SS_res = 1.
        var state = Accumulate([(1e9 + 1, 1e9 + 1.5), (1e9 + 2, 1e9 + 1.5), (1e9 + 3, 1e9 + 3.5), (1e9 + 4, 1e9 + 3.5)]);

        Assert.Equal(5.0, state.ActualSquaredDeviations, 9);
        Assert.Equal(0.8, state.Compute("r2"), 12);
    }

    [Fact]
    public void Compute_ZeroActual_MapeDividesByMachineEpsilon()
    {
        var state = Accumulate([(0.0, 1.0)]);

        Assert.Equal(1.0 / Math.Pow(2, -52), state.Compute("mape"));
    }

    [Fact]
    public void Add_NonFinitePair_IsCountedAndLeftOut()
    {
        var state = Accumulate([(double.NaN, 1), (1, double.PositiveInfinity), (2, 3)]);

        Assert.Equal(2, state.NonFinitePairs);
        Assert.Equal(1, state.Count);
        Assert.Equal(1.0, state.Compute("mae"));
    }

    [Fact]
    public void Compute_NoPairs_IsNaNForEveryMetric() =>
        Assert.All(MetricNames.Regression, m => Assert.True(double.IsNaN(new RegressionAccumulator().Compute(m)), m));

    [Fact]
    public void Compute_UnknownName_ThrowsListingTheAcceptedNames()
    {
        var error = Assert.Throws<ArgumentException>(() => new RegressionAccumulator().Compute("rmsle"));

        Assert.Contains("`mae`, `mse`, `rmse`, `r2` and `mape`", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property OnePassAndMergedHalves_EqualDecimalReference() =>
        Prop.ForAll(ModelQualityGen.Splits(Pair()).ToArbitrary(), split =>
        {
            var whole = Accumulate(split.Rows);
            var first = Accumulate(split.First);
            first.Merge(Accumulate(split.Second));
            var second = Accumulate(split.Second);
            second.Merge((Dq.Expectations.Metrics.MetricState)Accumulate(split.First));
            var failures = (from state in new[] { whole, first, second }
                            from metric in MetricNames.Regression
                            let actual = state.Compute(metric)
                            let expected = Reference(split.Rows, metric)
                            where !ModelQualityGen.Close(actual, expected, 1e-9)
                            select $"{metric} {actual:R} vs {expected:R}").ToList();
            return (failures.Count == 0).Label(string.Join("; ", failures));
        });

    /// <summary>Values in thousandths (exact in decimal), often zero or repeated so SS_tot = 0 and y = 0 occur.</summary>
    private static Gen<(double Actual, double Predicted)> Pair()
    {
        var value = Gen.Frequency(
            (1, Gen.Constant(0.0)),
            (2, Gen.Choose(-3, 3).Select(i => (double)i)),
            (3, Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1000.0)));
        return from actual in value from predicted in value select (actual, predicted);
    }

    private static RegressionAccumulator Accumulate(IEnumerable<(double Actual, double Predicted)> pairs)
    {
        var state = new RegressionAccumulator();
        foreach (var (actual, predicted) in pairs)
        {
            state.Add(actual, predicted);
        }
        return state;
    }

    /// <summary>scikit-learn's formulas in exact decimal arithmetic: two-pass mean, r2 with force_finite.</summary>
    private static double Reference((double Actual, double Predicted)[] pairs, string metric)
    {
        if (pairs.Length == 0)
        {
            return double.NaN;
        }
        var y = pairs.Select(p => (decimal)p.Actual).ToArray();
        var errors = pairs.Select(p => Math.Abs((decimal)p.Actual - (decimal)p.Predicted)).ToArray();
        decimal n = pairs.Length;
        var eps = (decimal)2.220446049250313e-16;
        var mean = y.Sum() / n;
        var ssTot = y.Sum(v => (v - mean) * (v - mean));
        var ssRes = errors.Sum(e => e * e);
        return metric switch
        {
            "mae" => (double)(errors.Sum() / n),
            "mse" => (double)(ssRes / n),
            "rmse" => Math.Sqrt((double)(ssRes / n)),
            "mape" => (double)errors.Zip(y, (e, v) => e / Math.Max(Math.Abs(v), eps)).Sum() / (double)n,
            "r2" => pairs.Length < 2 ? double.NaN : ssTot == 0 ? (ssRes == 0 ? 1.0 : 0.0) : (double)(1 - (ssRes / ssTot)),
            _ => throw new ArgumentException(metric),
        };
    }
}
