using Apache.Arrow;
using Dq.Expectations.Catalog;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Catalog.ModelGates.ModelGateRuns;

namespace Dq.Expectations.Tests.Catalog.ModelGates;

/// <summary>
/// <c>expect_bias_metric_to_be_between</c> through suite JSON: every metric on a hand-worked table (Clarify's formulas
/// in docs/monitoring-reference.md §1h), Clarify's documented DCA example, and empty or degenerate facets.
/// </summary>
public sealed class BiasExpectationTests
{
    private const string Type = ExpectBiasMetricToBeBetween.TypeName;

    /// <summary>Rows of (facet, label, prediction) for one facet's confusion matrix.</summary>
    private static IEnumerable<(string Facet, long Label, long Prediction)> Facet(string facet, int tp, int fp, int tn, int fn) =>
        Enumerable.Repeat((facet, 1L, 1L), tp).Concat(Enumerable.Repeat((facet, 0L, 1L), fp))
            .Concat(Enumerable.Repeat((facet, 0L, 0L), tn)).Concat(Enumerable.Repeat((facet, 1L, 0L), fn));

    private static RecordBatch Table(IEnumerable<(string Facet, long Label, long Prediction)> rows)
    {
        var list = rows.ToList();
        return Arrays.Batch(
            ("gender", Arrays.String(list.Select(r => r.Facet))),
            ("label", Arrays.Int64(list.Select(r => (long?)r.Label))),
            ("prediction", Arrays.Int64(list.Select(r => (long?)r.Prediction))));
    }

    /// <summary>Facet d ("F"): TP 2, FP 1, TN 1, FN 1 (5 rows); facet a ("M"): TP 3, FP 1, TN 4, FN 2 (10 rows), interleaved.</summary>
    private static RecordBatch HandWorked()
    {
        var d = Facet("F", tp: 2, fp: 1, tn: 1, fn: 1).ToList();
        var a = Facet("M", tp: 3, fp: 1, tn: 4, fn: 2).ToList();
        return Table(a.Select((r, i) => i < d.Count ? new[] { r, d[i] } : [r]).SelectMany(x => x));
    }

    // Worked by hand from the counts: na = 10, nd = 5; na(1) = 5, nd(1) = 3; n'a(1) = 4, n'd(1) = 3; Pa = (.5, .5), Pd = (.4, .6).
    public static TheoryData<string, double> HandWorkedValues => new()
    {
        { "ci", 1.0 / 3 }, // (10 − 5) / 15
        { "dpl", -0.1 }, // 5/10 − 3/5
        { "kl", (0.5 * Math.Log(0.5 / 0.4)) + (0.5 * Math.Log(0.5 / 0.6)) },
        { "js", 0.5 * ((0.5 * Math.Log(0.5 / 0.45)) + (0.5 * Math.Log(0.5 / 0.55)) + (0.4 * Math.Log(0.4 / 0.45)) + (0.6 * Math.Log(0.6 / 0.55))) },
        { "lp", Math.Sqrt(0.02) }, // √(.1² + .1²)
        { "tvd", 0.1 }, // ½(.1 + .1)
        { "ks", 0.1 },
        { "dppl", -0.2 }, // 4/10 − 3/5
        { "di", 1.5 }, // (3/5) / (4/10)
        { "dca", 0.25 }, // 5/4 − 3/3
        { "dcr", 1.0 / 6 }, // nd(0)/n'd(0) − na(0)/n'a(0) = 2/2 − 5/6
        { "rd", -1.0 / 15 }, // 3/5 − 2/3
        { "sd", -0.3 }, // 1/2 − 4/5
        { "dar", 1.0 / 12 }, // 3/4 − 2/3
        { "drr", -1.0 / 6 }, // 1/2 − 4/6
        { "ad", 0.1 }, // 7/10 − 3/5
        { "te", -1.0 }, // FNd/FPd − FNa/FPa = 1/1 − 2/1
        { "demographic_parity_difference", 0.2 }, // |4/10 − 3/5|
        { "equalized_odds_difference", 0.3 }, // max(|3/5 − 2/3|, |1/5 − 1/2|)
    };

    [Theory]
    [MemberData(nameof(HandWorkedValues))]
    public void HandWorkedTable_EveryMetric(string metric, double expected)
    {
        var result = Run(HandWorked(), Type, $""" "facet_column": "gender", "facet_values": ["F"], "label_column": "label", "prediction_column": "prediction", "metric": "{metric}" """);

        Assert.Equal(expected, Observed(result), 12);
    }

    [Fact]
    public void Details_HoldEachFacetsCounts()
    {
        var result = Run(HandWorked(), Type, """ "facet_column": "gender", "facet_values": "F", "label_column": "label", "prediction_column": "prediction", "metric": "dppl", "min_value": -0.1, "max_value": 0.1 """);

        Assert.False(Success(result));
        var details = Details(result);
        Assert.Equal(15, Long(result, "rows"));
        Assert.Equal("""{"rows":5,"positive_labels":3,"negative_labels":2,"confusion_matrix":{"0":{"0":1,"1":1},"1":{"0":1,"1":2}}}""", details["facet_d"]!.ToJsonString());
        Assert.Equal("""{"rows":10,"positive_labels":5,"negative_labels":5,"confusion_matrix":{"0":{"0":4,"1":1},"1":{"0":2,"1":3}}}""", details["facet_a"]!.ToJsonString());
    }

    [Fact]
    public void ClarifyDocumentedDcaExample_IsOneHalf()
    {
        // Clarify's DCA example: na(1)/n'a(1) − nd(1)/n'd(1) = 70/60 − 20/30 = 0.5.
        var rows = Facet("a", tp: 50, fp: 10, tn: 20, fn: 20).Concat(Facet("d", tp: 15, fp: 15, tn: 15, fn: 5));

        var result = Run(Table(rows), Type, """ "facet_column": "gender", "facet_values": ["d"], "label_column": "label", "prediction_column": "prediction", "metric": "dca" """);

        Assert.Equal(0.5, Observed(result), 12);
    }

    [Fact]
    public void PreTrainingMetric_NeedsNoPredictionColumn()
    {
        var result = Run(HandWorked(), Type, """ "facet_column": "gender", "facet_values": ["F"], "label_column": "label", "metric": "dpl" """);

        Assert.Equal(-0.1, Observed(result), 12);
        Assert.Null(Details(result)["facet_d"]!["confusion_matrix"]);
    }

    [Fact]
    public void FacetWithNoRows_FailsWithANote_NeverNaN()
    {
        const string Kwargs = """ "facet_column": "gender", "facet_values": ["X"], "label_column": "label", "prediction_column": "prediction", "metric": "dppl", "min_value": -1 """;

        var result = Run(HandWorked(), Type, Kwargs);

        Assert.False(Success(result));
        Assert.Null(result["result"]!["observed_value"]);
        Assert.Equal("""facet d (the rows whose `gender` is in ["X"]) has no rows, so the groups cannot be compared""", Details(result)["note"]!.GetValue<string>());
        Assert.DoesNotContain("NaN", Runs.Json(HandWorked(), Suite(Type, Kwargs)).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRowInTheSensitiveFacet_FailsWithANoteOnFacetA()
    {
        var result = Run(HandWorked(), Type, """ "facet_column": "gender", "facet_values": ["F", "M"], "label_column": "label", "metric": "ci" """);

        Assert.False(Success(result));
        Assert.StartsWith("facet a (the rows whose `gender` is not in [\"F\", \"M\"]) has no rows", Details(result)["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void DisparateImpactOverZero_IsInfinite_WrittenAsText()
    {
        // Facet a is never predicted positive, facet d is: DI = (n'd(1)/nd) / 0 = ∞ (Clarify's divide).
        var rows = Facet("a", tp: 0, fp: 0, tn: 3, fn: 1).Concat(Facet("d", tp: 1, fp: 0, tn: 1, fn: 0));

        var result = Run(Table(rows), Type, """ "facet_column": "gender", "facet_values": ["d"], "label_column": "label", "prediction_column": "prediction", "metric": "di", "max_value": 1.25 """);

        Assert.False(Success(result));
        Assert.Equal("Infinity", result["result"]!["observed_value"]!.GetValue<string>());
    }

    [Fact]
    public void NumericFacet_MatchesFacetValuesByValue()
    {
        // facet 1.0 (a real column) is the sensitive group given as the integer 1.
        var batch = Arrays.Batch(("age_band", Arrays.Double([1, 1, 2, 2])), ("label", Arrays.Int64([1, 0, 1, 1])));

        var result = Run(batch, Type, """ "facet_column": "age_band", "facet_values": [1], "label_column": "label", "metric": "dpl" """);

        Assert.Equal(1.0 - 0.5, Observed(result), 12);
    }
}
