using System.Globalization;
using Dq.Expectations.Baselines;
using Dq.Expectations.Monitoring;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Monitoring.MonitorFixtures;

namespace Dq.Expectations.Tests.Monitoring;

/// <summary>
/// The monitor's drift tests on baselines learned through statistics.json, against Deequ's published vectors
/// (monitoring-reference.md §1d, re-verified in Python there), scipy's worked examples and naive references here.
/// </summary>
public sealed class DriftVectorTests
{
    private static FeatureDrift Drift(MonitorReport report, string column) => report.Drift.Features.Single(f => f.Name == column);

    private static double Statistic(FeatureDrift feature, string method) => feature.Tests.Single(t => t.Method == method).Statistic;

    [Fact]
    public void CategoricalLInfinity_DeequVectors()
    {
        var baseline = Learn(Arrays.Batch(("c", Arrays.String(Categories(("a", 10), ("b", 20), ("c", 25), ("d", 10), ("e", 5))))));
        var near = Monitor(baseline, Arrays.Batch(("c", Arrays.String(Categories(("a", 11), ("b", 20), ("c", 25), ("d", 10), ("e", 10))))));
        var far = Monitor(baseline, Arrays.Batch(("c", Arrays.String(Categories(("f", 11), ("a", 20), ("c", 25), ("d", 10), ("e", 10))))));

        Assert.Equal(0.06015037593984962, Statistic(Drift(near, "c"), DriftMethods.LInfinityCategorical), 15);
        Assert.Equal(0.2857142857142857, Statistic(Drift(far, "c"), DriftMethods.LInfinityCategorical), 15);
    }

    [Fact]
    public void CategoricalRobust_DeequVector_IsTheViolationsDistance()
    {
        var baseline = Learn(Arrays.Batch(("c", Arrays.String(Categories(("a", 207), ("b", 20), ("c", 25), ("d", 14), ("e", 25), ("g", 13))))));
        var report = Monitor(baseline, Arrays.Batch(("c", Arrays.String(Categories(("a", 22), ("b", 20), ("c", 25), ("d", 12), ("e", 13), ("f", 15))))),
            new MonitorOptions { Run = new MonitorSettings { DomainContentThreshold = 1 } });

        // Deequ publishes 0.2726338046550349 for cα = √(−ln(0.0015)/2) (α = 0.003); its default constant 1.8, which
        // SageMaker's Robust uses, gives: simple L∞ − 1.8·√((n + m)/(n·m)) with the simple distance over shares here.
        var simple = new[] { "a", "b", "c", "d", "e", "f", "g" }.Max(k =>
            Math.Abs((new Dictionary<string, double> { ["a"] = 207, ["b"] = 20, ["c"] = 25, ["d"] = 14, ["e"] = 25, ["g"] = 13 }.GetValueOrDefault(k) / 304)
                - (new Dictionary<string, double> { ["a"] = 22, ["b"] = 20, ["c"] = 25, ["d"] = 12, ["e"] = 13, ["f"] = 15 }.GetValueOrDefault(k) / 107)));
        var expected = simple - (1.8 * Math.Sqrt((304.0 + 107) / (304.0 * 107)));
        var drift = report.Violations.Single(v => v.CheckType == ConstraintCheckTypes.BaselineDrift);
        Assert.Equal("c", drift.FeatureName);
        Assert.Equal(expected, double.Parse(drift.Description.Split(' ')[2], CultureInfo.InvariantCulture), 14);
        Assert.Contains("exceeds categorical threshold: 0.1", drift.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void CategoricalChiSquared_DeequVector_PValue()
    {
        var baseline = Learn(Arrays.Batch(("c", Arrays.String(Categories(("a", 223), ("b", 20), ("c", 25), ("d", 12), ("e", 13), ("f", 15))))));
        var report = Monitor(baseline, Arrays.Batch(("c", Arrays.String(Categories(("a", 207), ("b", 20), ("c", 25), ("d", 14), ("e", 25), ("g", 13))))),
            new MonitorOptions { Run = new MonitorSettings { CategoricalDriftMethod = CategoricalDriftMethod.ChiSquared, DomainContentThreshold = 1 } });

        var drift = report.Violations.Single(v => v.CheckType == ConstraintCheckTypes.BaselineDrift);
        var p = double.Parse(drift.Description.Split(' ')[3], CultureInfo.InvariantCulture);
        Assert.Equal(3.3640191298478506e-5, p, 1e-15);
        Assert.Contains("28.17504278245", drift.Description, StringComparison.Ordinal); // χ² from the same vector
    }

    [Fact]
    public void NumericLInfinity_DeequVector_SimpleAndRobust()
    {
        var baseline = Learn(Arrays.Batch(("x", Arrays.Double([1.0, 2, 3, 4]))));
        var report = Monitor(baseline, Arrays.Batch(("x", Arrays.Double([2.0, 3, 4, 5]))));

        var x = Drift(report, "x");
        Assert.Equal(0.25, Statistic(x, DriftMethods.LInfinitySimple), 15);
        Assert.Equal(0.0, Statistic(x, DriftMethods.LInfinityRobust), 15);
        Assert.DoesNotContain(report.Violations, v => v.CheckType == ConstraintCheckTypes.BaselineDrift); // Robust is SageMaker's default
    }

    [Fact]
    public void KolmogorovSmirnov_ScipyWorkedExample()
    {
        // scipy.stats.ks_2samp([1..5], [6..10]): D = 1, exact p = 2 / C(10, 5) = 2/252.
        var baseline = Learn(Arrays.Batch(("x", Arrays.Double([1.0, 2, 3, 4, 5]))));
        var report = Monitor(baseline, Arrays.Batch(("x", Arrays.Double([6.0, 7, 8, 9, 10]))));

        var ks = Drift(report, "x").Tests.Single(t => t.Method == DriftMethods.KolmogorovSmirnov);
        Assert.Equal(1.0, ks.Statistic);
        Assert.Equal(2.0 / 252, ks.PValue!.Value, 12);
        Assert.True(ks.Drifted);
    }

    [Fact]
    public void NumericTests_OnExactSketches_EqualNaiveReferences()
    {
        var random = new Random(11);
        var reference = Normal(random, 800, 50, 10).Select(v => Math.Round(v, 1)).ToArray();
        var current = Normal(random, 600, 53, 12).Select(v => Math.Round(v, 1)).ToArray();
        var report = Monitor(Learn(Arrays.Batch(("x", Arrays.Double(reference.Select(v => (double?)v))))), Arrays.Batch(("x", Arrays.Double(current.Select(v => (double?)v)))));
        var x = Drift(report, "x");

        Assert.Equal(NaiveKs(reference, current), Statistic(x, DriftMethods.LInfinitySimple), 12);
        Assert.Equal(NaiveWasserstein(reference, current) / PopulationStd(reference), Statistic(x, DriftMethods.WassersteinNormed), 9);
        Assert.Equal(NaivePsi(reference, current, 10, 1e-4), Statistic(x, DriftMethods.Psi), 9);
        Assert.Equal(DriftMethods.KolmogorovSmirnov, x.Method); // 800 baseline rows, many values: Evidently's ks
        Assert.True(x.ChosenByAuto);
    }

    [Fact]
    public void UserMethodAndThreshold_DecideTheColumn()
    {
        var baseline = Learn(Arrays.Batch(("x", Arrays.Double([1.0, 2, 3, 4, 5, 6, 7, 8]))));
        var batch = Arrays.Batch(("x", Arrays.Double([2.0, 3, 4, 5, 6, 7, 8, 9])));

        var loose = Drift(Monitor(baseline, batch, new MonitorOptions { Run = new MonitorSettings { DriftMethod = DriftMethods.LInfinitySimple, DriftThreshold = 0.2 } }), "x");
        var strict = Drift(Monitor(baseline, batch, new MonitorOptions { Features = new Dictionary<string, MonitorSettings> { ["x"] = new() { DriftMethod = DriftMethods.LInfinitySimple, DriftThreshold = 0.1 } } }), "x");

        Assert.Equal(DriftMethods.LInfinitySimple, loose.Method);
        Assert.False(loose.ChosenByAuto);
        Assert.Equal(0.125, loose.DecidingTest!.Statistic, 15);
        Assert.False(loose.DriftDetected);
        Assert.True(strict.DriftDetected);
    }

    [Fact]
    public void UnknownDriftMethod_IsAConfigurationErrorWithSuggestion()
    {
        var baseline = Learn(Arrays.Batch(("x", Arrays.Double([1.0, 2]))));
        var error = Assert.Throws<ConfigurationException>(() => Monitor(baseline, Arrays.Batch(("x", Arrays.Double([1.0, 2]))),
            new MonitorOptions { Run = new MonitorSettings { DriftMethod = "wasserstien_normed" } }));
        Assert.Contains("Did you mean `wasserstein_normed`?", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wasserstein", DriftMethods.WassersteinNormed)]
    [InlineData("jensenshannon", DriftMethods.JensenShannon)]
    [InlineData("chisquare", DriftMethods.ChiSquared)]
    [InlineData("psi", DriftMethods.Psi)]
    public void EvidentlyNames_AreAccepted(string given, string method) =>
        Assert.Equal(method, DriftMethods.Parse(given, "test"));

    internal static double NaiveKs(double[] a, double[] b)
    {
        var points = a.Concat(b).Distinct();
        return points.Max(x => Math.Abs(((double)a.Count(v => v <= x) / a.Length) - ((double)b.Count(v => v <= x) / b.Length)));
    }

    private static double NaiveWasserstein(double[] a, double[] b)
    {
        var points = a.Concat(b).Distinct().Order().ToArray();
        var sum = 0.0;
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var fa = (double)a.Count(v => v <= points[i]) / a.Length;
            var fb = (double)b.Count(v => v <= points[i]) / b.Length;
            sum += Math.Abs(fa - fb) * (points[i + 1] - points[i]);
        }
        return sum;
    }

    private static double PopulationStd(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }

    /// <summary>PSI over bins (−∞, q1], (q1, q2], …, (q9, ∞) at the reference's lower deciles, ε for empty bins.</summary>
    private static double NaivePsi(double[] reference, double[] current, int bins, double epsilon)
    {
        var sorted = reference.Order().ToArray();
        var cuts = Enumerable.Range(1, bins - 1)
            .Select(i => sorted[(int)Math.Ceiling((double)i / bins * sorted.Length) - 1]).Where(c => c < sorted[^1]).Distinct().ToArray();
        double Share(double[] values, int bin)
        {
            var low = bin == 0 ? double.NegativeInfinity : cuts[bin - 1];
            var high = bin == cuts.Length ? double.PositiveInfinity : cuts[bin];
            var share = (double)values.Count(v => v > low && v <= high) / values.Length;
            return share == 0 ? epsilon : share;
        }
        var psi = 0.0;
        for (var b = 0; b <= cuts.Length; b++)
        {
            var r = Share(reference, b);
            var c = Share(current, b);
            psi += (c - r) * Math.Log(c / r);
        }
        return psi;
    }
}
