namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>
/// Bias metrics computed straight from a row list, mirroring how smclarify filters its pandas series (count the rows
/// matching each mask, then <c>divide</c>) and how fairlearn groups by facet; independent of the accumulator.
/// </summary>
public static class BiasReference
{
    /// <summary>One row: sensitive facet, positive label, positive prediction.</summary>
    public sealed record Row(bool Sensitive, bool Label, bool Predicted);

    /// <summary>The metric over <paramref name="rows"/>; NaN where smclarify raises for an empty facet.</summary>
    public static double Compute(IReadOnlyList<Row> rows, string metric)
    {
        var a = rows.Where(r => !r.Sensitive).ToList();
        var d = rows.Where(r => r.Sensitive).ToList();
        if (a.Count == 0 || d.Count == 0)
        {
            return double.NaN;
        }
        static int N(List<Row> facet, Func<Row, bool> mask) => facet.Count(mask);
        static double Divide(double x, double y) => y == 0 ? (x == 0 ? 0 : x < 0 ? double.NegativeInfinity : double.PositiveInfinity) : x / y;
        static double Diff(double x, double y) => x == y && double.IsPositiveInfinity(x) ? 0 : x - y;
        static double Rate(double x, double y) => y == 0 ? 0 : x / y; // sklearn confusion_matrix(normalize="true") + nan_to_num
        double Tpr(List<Row> f) => Rate(N(f, r => r.Label && r.Predicted), N(f, r => r.Label));
        double Fpr(List<Row> f) => Rate(N(f, r => !r.Label && r.Predicted), N(f, r => !r.Label));
        double Selection(List<Row> f) => (double)N(f, r => r.Predicted) / f.Count;
        return metric switch
        {
            "ci" => (double)(a.Count - d.Count) / rows.Count,
            "dpl" => ((double)N(a, r => r.Label) / a.Count) - ((double)N(d, r => r.Label) / d.Count),
            "kl" or "js" or "lp" or "tvd" or "ks" => Distance(a, d, metric),
            "dppl" => Selection(a) - Selection(d),
            "di" => Divide(Selection(d), Selection(a)),
            "dca" => Diff(Divide(N(a, r => r.Label), N(a, r => r.Predicted)), Divide(N(d, r => r.Label), N(d, r => r.Predicted))),
            "dcr" => Diff(Divide(N(d, r => !r.Label), N(d, r => !r.Predicted)), Divide(N(a, r => !r.Label), N(a, r => !r.Predicted))),
            "rd" => Diff(Divide(N(a, r => r.Label && r.Predicted), N(a, r => r.Label)), Divide(N(d, r => r.Label && r.Predicted), N(d, r => r.Label))),
            "sd" => Diff(Divide(N(d, r => !r.Label && !r.Predicted), N(d, r => !r.Label)), Divide(N(a, r => !r.Label && !r.Predicted), N(a, r => !r.Label))),
            "dar" => Diff(Divide(N(a, r => r.Label && r.Predicted), N(a, r => r.Predicted)), Divide(N(d, r => r.Label && r.Predicted), N(d, r => r.Predicted))),
            "drr" => Diff(Divide(N(d, r => !r.Label && !r.Predicted), N(d, r => !r.Predicted)), Divide(N(a, r => !r.Label && !r.Predicted), N(a, r => !r.Predicted))),
            "ad" => Diff(Divide(N(a, r => r.Label == r.Predicted), a.Count), Divide(N(d, r => r.Label == r.Predicted), d.Count)),
            "te" => Diff(Divide(N(d, r => r.Label && !r.Predicted), N(d, r => !r.Label && r.Predicted)), Divide(N(a, r => r.Label && !r.Predicted), N(a, r => !r.Label && r.Predicted))),
            // fairlearn: max − min over the groups of each rate; the worse of the two for equalized odds.
            "demographic_parity_difference" => new[] { Selection(a), Selection(d) }.Max() - new[] { Selection(a), Selection(d) }.Min(),
            "equalized_odds_difference" => Math.Max(
                new[] { Tpr(a), Tpr(d) }.Max() - new[] { Tpr(a), Tpr(d) }.Min(),
                new[] { Fpr(a), Fpr(d) }.Max() - new[] { Fpr(a), Fpr(d) }.Min()),
            _ => throw new ArgumentException(metric),
        };
    }

    /// <summary>smclarify's pdf per facet, aligned on the labels both have with non-zero probability, then the formula.</summary>
    private static double Distance(List<Row> a, List<Row> d, string metric)
    {
        Dictionary<bool, double> Pdf(List<Row> facet) =>
            facet.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => (double)g.Count() / facet.Count);
        var (pdfA, pdfD) = (Pdf(a), Pdf(d));
        var common = pdfA.Keys.Where(k => pdfD.GetValueOrDefault(k) > 0).ToList();
        if (common.Count == 0)
        {
            return double.NaN;
        }
        var pa = common.Select(k => pdfA[k]).ToArray();
        var pd = common.Select(k => pdfD[k]).ToArray();
        var p = pa.Zip(pd, (x, y) => (x + y) / 2).ToArray();
        return metric switch
        {
            "kl" => pa.Select((x, i) => x * Math.Log(x / pd[i])).Sum(),
            "js" => 0.5 * (pa.Select((x, i) => x * Math.Log(x / p[i])).Sum() + pd.Select((x, i) => x * Math.Log(x / p[i])).Sum()),
            "lp" => Math.Sqrt(pa.Select((x, i) => Math.Pow(x - pd[i], 2)).Sum()),
            "tvd" => 0.5 * pa.Select((x, i) => Math.Abs(x - pd[i])).Sum(),
            _ => pa.Select((x, i) => Math.Abs(x - pd[i])).Max(),
        };
    }
}
