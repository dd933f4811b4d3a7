using Dq.Expectations.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Statistics;

/// <summary>Jensen–Shannon distance against scipy's documented example, a hand calculation and its metric properties.</summary>
public sealed class JensenShannonTests
{
    [Fact]
    public void Distance_ScipyDocumentedExample() =>
        // scipy.spatial.distance.jensenshannon([1.0, 0.0], [0.5, 0.5]) = 0.46450140402245893.
        Assert.Equal(0.46450140402245893, JensenShannon.Distance([1.0, 0.0], [0.5, 0.5]), 1e-15);

    [Fact]
    public void Distance_UnnormalizedCounts_AreNormalizedFirst()
    {
        // [3, 1] and [1, 1]: p = (.75, .25), q = (.5, .5), m = (.625, .375).
        // KL(p‖m) = .75 ln 1.2 + .25 ln(2/3) = 0.1367412 − 0.1013663 = 0.0353749
        // KL(q‖m) = .5 ln .8 + .5 ln(4/3) = −0.1115718 + 0.1438410 = 0.0322693
        // JS = (0.0353749 + 0.0322693)/2 = 0.0338221; distance = √ = 0.1839078
        Assert.Equal(0.1839078, JensenShannon.Distance([3, 1], [1, 1]), 1e-6);
    }

    [Fact]
    public void Distance_DisjointSupports_IsSqrtLn2() =>
        Assert.Equal(Math.Sqrt(Math.Log(2)), JensenShannon.Distance([1, 0, 0], [0, 1, 0]), 1e-15);

    [Property(MaxTest = 300)]
    public Property Distance_SymmetricBoundedZeroOnItself() =>
        Prop.ForAll(Weights().ToArbitrary(), pair =>
        {
            var (p, q) = pair;
            var d = JensenShannon.Distance(p, q);
            return (Math.Abs(d - JensenShannon.Distance(q, p)) < 1e-15 && d >= 0 && d <= JensenShannon.MaximumDistance + 1e-15
                && JensenShannon.Distance(p, p) < 1e-7).Label($"d = {d}");
        });

    private static Gen<(double[], double[])> Weights() =>
        from length in Gen.Choose(1, 8)
        from p in Gen.Choose(0, 20).Select(i => (double)i).ArrayOf(length)
        from q in Gen.Choose(0, 20).Select(i => (double)i).ArrayOf(length)
        where p.Sum() > 0 && q.Sum() > 0
        select (p, q);
}
