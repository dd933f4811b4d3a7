using Dq.Expectations.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Statistics;

/// <summary>Binning against hand-computed numpy results and a naive counting loop.</summary>
public sealed class HistogramBinsTests
{
    [Fact]
    public void Sturges_ZeroToNine_FiveBins()
    {
        // n = 10: log₂10 + 1 = 4.3219, width = 9/4.3219 = 2.0824, ⌈9/2.0824⌉ = 5 bins from 0 to 9 in steps of 1.8.
        var edges = HistogramBins.Sturges([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        double[] expected = [0, 1.8, 3.6, 5.4, 7.2, 9];
        Assert.Equal(expected.Length, edges.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], edges[i], 1e-12);
        }
        // [0,1.8) holds 0,1; … [7.2, 9] holds 8 and the top edge 9.
        Assert.Equal([2L, 2, 2, 2, 2], HistogramBins.Counts([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], edges));
    }

    [Fact]
    public void Sturges_ConstantData_OneBinAroundTheValue() =>
        Assert.Equal([2.5, 3.5], HistogramBins.Sturges([3, 3, 3]));

    [Fact]
    public void Sturges_IntegerData_WidensBinsToOne()
    {
        // 1001 values in 0..10: width = 10/(log₂1001 + 1) = 0.912 → 11 bins for floats, widened to 1 → 10 bins for integers.
        var values = Enumerable.Range(0, 1001).Select(i => (double)(i % 11)).ToArray();
        Assert.Equal(12, HistogramBins.Sturges(values).Length);
        Assert.Equal(11, HistogramBins.Sturges(values, integerValues: true).Length);
    }

    [Fact]
    public void ReferenceQuantiles_OneToTen_DecilesWithInfiniteOuterEdges()
    {
        // numpy linear quantile of 1..10 at k/10 sits at position 0.9k: 1.9, 2.8, …, 9.1.
        var edges = HistogramBins.ReferenceQuantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        Assert.Equal(11, edges.Length);
        Assert.Equal(double.NegativeInfinity, edges[0]);
        Assert.Equal(double.PositiveInfinity, edges[^1]);
        for (var k = 1; k < 10; k++)
        {
            Assert.Equal(1 + 0.9 * k, edges[k], 1e-12);
        }
    }

    [Fact]
    public void ReferenceQuantiles_AllTied_CollapseToOneEdge() =>
        Assert.Equal([double.NegativeInfinity, 5, double.PositiveInfinity], HistogramBins.ReferenceQuantiles([5, 5, 5, 5]));

    [Property(MaxTest = 300)]
    public Property Counts_EqualNaiveComparisonLoop() =>
        Prop.ForAll(NumericDistanceTests.Sample().ToArbitrary(), NumericDistanceTests.Sample().ToArbitrary(), (values, edgeSource) =>
        {
            var edges = edgeSource.Distinct().Order().ToArray();
            if (edges.Length < 2)
            {
                return true.ToProperty();
            }
            var naive = new long[edges.Length - 1];
            foreach (var v in values)
            {
                for (var i = 0; i < naive.Length; i++)
                {
                    var last = i == naive.Length - 1;
                    if (v >= edges[i] && (v < edges[i + 1] || (last && v == edges[i + 1])))
                    {
                        naive[i]++;
                        break;
                    }
                }
            }
            return naive.SequenceEqual(HistogramBins.Counts(values, edges)).ToProperty();
        });

    [Fact]
    public void ValueShares_UnionOfKeys_OrdinalOrder_ZeroFilled()
    {
        var shares = HistogramBins.ValueShares(
            new Dictionary<string, long> { ["b"] = 1, ["a"] = 3, ["z"] = 0 },
            new Dictionary<string, long> { ["c"] = 2, ["a"] = 2 });
        Assert.Equal(["a", "b", "c"], shares.Keys);
        Assert.Equal([0.75, 0.25, 0], shares.ReferenceShares);
        Assert.Equal([0.5, 0, 0.5], shares.CurrentShares);
    }
}
