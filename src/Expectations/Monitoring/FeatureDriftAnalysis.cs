using System.Globalization;
using Dq.Expectations.Baselines;
using Dq.Expectations.Profiling;
using Dq.Expectations.Statistics;

namespace Dq.Expectations.Monitoring;

/// <summary>
/// One column's comparison with its baseline distribution: drift.json's entry (every test of its kind, the deciding
/// one chosen by <c>auto</c> or the user) and SageMaker's <c>baseline_drift_check</c> (L∞ or chi-squared by the baseline's
/// monitoring_config).
/// </summary>
internal sealed class FeatureDriftAnalysis
{
    private const int HistogramBins = 10;
    private const int HistogramCategories = 20;

    private readonly string _name;
    private readonly NumericDistribution? _reference;
    private readonly NumericDistribution? _current;
    private readonly Dictionary<string, long>? _referenceCounts;
    private readonly Dictionary<string, long>? _currentCounts;

    private FeatureDriftAnalysis(string name, FeatureDrift report, NumericDistribution? reference = null, NumericDistribution? current = null,
        Dictionary<string, long>? referenceCounts = null, Dictionary<string, long>? currentCounts = null)
    {
        _name = name;
        Report = report;
        _reference = reference;
        _current = current;
        _referenceCounts = referenceCounts;
        _currentCounts = currentCounts;
    }

    public FeatureDrift Report { get; }

    public static FeatureDriftAnalysis? Analyse(FeatureStatistics stats, ColumnProfile column, MonitoringConfig config, MonitorSettings settings, PsiSettings psi)
    {
        var name = stats.Name;
        if (stats.Numerical is { } numerical)
        {
            var reference = numerical.Sketch is { } sketch
                ? NumericDistribution.FromSketch(sketch, numerical.StdDev)
                : NumericDistribution.FromBuckets(numerical.Buckets, numerical.StdDev);
            if (reference is null)
            {
                return Unjudged(name, DriftKind.Numeric, settings, "The baseline has no values in this column.");
            }
            if (column.Present == 0)
            {
                return Unjudged(name, DriftKind.Numeric, settings, "The data has no values in this column.");
            }
            if (column.Numeric is not { } numbers || NumericDistribution.FromSketch(numbers.Sketch, numbers.StandardDeviation) is not { } current)
            {
                var report = new FeatureDrift(name, DriftKind.Numeric, settings.DriftMethod ?? DriftMethods.Auto, [])
                {
                    DriftDetected = true,
                    ChosenByAuto = settings.DriftMethod is null,
                    Note = $"The baseline's values are numbers, the data's are not (its type is {SageMakerTypes.Name(column.Type)}).",
                };
                return new FeatureDriftAnalysis(name, report);
            }
            var distinct = DriftTestRunner.DistinctValues(reference, current);
            var tests = Run(DriftKind.Numeric, settings, config, reference.Count, distinct,
                choice => DriftTestRunner.Numeric(choice, reference, current, psi), out var deciding, out var method, out var note, out var auto);
            return new FeatureDriftAnalysis(name, new FeatureDrift(name, DriftKind.Numeric, method, tests)
            {
                ChosenByAuto = auto,
                DecidingTest = deciding,
                DriftDetected = deciding?.Drifted ?? false,
                Note = note,
                Histogram = NumericHistogram(reference, current),
            }, reference, current);
        }
        if (stats.String is not { } strings)
        {
            return null;
        }
        if (strings.Buckets is not { } buckets)
        {
            return Unjudged(name, DriftKind.Categorical, settings,
                "The baseline has no distribution for this column (more distinct values than its categorical threshold), so only its other checks run.");
        }
        var referenceCounts = Counts(buckets.Select(b => (b.Value, b.Count)));
        if (column.Present == 0)
        {
            return Unjudged(name, DriftKind.Categorical, settings, "The data has no values in this column.");
        }
        if (column.Categories is not { } categories)
        {
            return Unjudged(name, DriftKind.Categorical, settings,
                $"The data has more distinct values than the profile counts exactly (about {column.DistinctCount.ToString("N0", CultureInfo.InvariantCulture)}) where the baseline had {buckets.Count}; categorical_values_check judges the new values.");
        }
        var currentCounts = Counts(categories.Select(c => (BaselineStatistics.CategoryText(c.Value), c.Count)));
        var union = referenceCounts.Keys.Union(currentCounts.Keys).LongCount();
        var categoricalTests = Run(DriftKind.Categorical, settings, config, referenceCounts.Values.Sum(), union,
            choice => DriftTestRunner.Categorical(choice, referenceCounts, currentCounts), out var decidingTest, out var decidingMethod, out var categoricalNote, out var categoricalAuto);
        return new FeatureDriftAnalysis(name, new FeatureDrift(name, DriftKind.Categorical, decidingMethod, categoricalTests)
        {
            ChosenByAuto = categoricalAuto,
            DecidingTest = decidingTest,
            DriftDetected = decidingTest?.Drifted ?? false,
            Note = categoricalNote,
            Histogram = CategoricalHistogram(referenceCounts, currentCounts),
        }, referenceCounts: referenceCounts, currentCounts: currentCounts);
    }

    /// <summary>SageMaker's <c>baseline_drift_check</c> for this column, or null when it passes or the column could not be compared.</summary>
    public ConstraintViolation? Violation(MonitoringConfig config)
    {
        if (_reference is not null && _current is not null)
        {
            var simple = DriftTestRunner.LInfinity(_reference, _current);
            var robust = config.ComparisonMethod == ComparisonMethod.Robust;
            var distance = robust ? NumericDistance.LInfinityRobust(simple, _reference.Count, _current.Count) : simple;
            return distance > config.ComparisonThreshold
                ? ConstraintChecks.NumericDrift(_name, distance, config.ComparisonThreshold, robust ? DriftMethods.LInfinityRobust : DriftMethods.LInfinitySimple, _reference.Count, _current.Count)
                : null;
        }
        if (_referenceCounts is not null && _currentCounts is not null)
        {
            if (config.CategoricalDriftMethod == CategoricalDriftMethod.ChiSquared)
            {
                var test = CategoricalDistance.DeequChiSquared(_currentCounts, _referenceCounts);
                return double.IsFinite(test.PValue) && test.PValue < config.CategoricalComparisonThreshold
                    ? ConstraintChecks.ChiSquaredDrift(_name, test, config.CategoricalComparisonThreshold)
                    : null;
            }
            var robust = config.ComparisonMethod == ComparisonMethod.Robust;
            var distance = robust
                ? CategoricalDistance.LInfinityRobust(_referenceCounts, _currentCounts)
                : CategoricalDistance.LInfinity(_referenceCounts, _currentCounts);
            return distance > config.CategoricalComparisonThreshold
                ? ConstraintChecks.CategoricalDrift(_name, distance, config.CategoricalComparisonThreshold, robust ? "LInfinity, Robust" : "LInfinity, Simple")
                : null;
        }
        return null;
    }

    private static FeatureDriftAnalysis Unjudged(string name, DriftKind kind, MonitorSettings settings, string note) =>
        new(name, new FeatureDrift(name, kind, settings.DriftMethod ?? DriftMethods.Auto, []) { Note = note, ChosenByAuto = settings.DriftMethod is null });

    private static bool Applies(string method, DriftKind kind) => method == DriftMethods.ZTest
        || (kind == DriftKind.Numeric ? DriftMethods.Numeric.Contains(method) || method == DriftMethods.ChiSquared : DriftMethods.Categorical.Contains(method));

    private static List<DriftTestResult> Run(DriftKind kind, MonitorSettings settings, MonitoringConfig config, long baselineRows, long distinct,
        Func<DriftTestChoice, DriftTestResult> run, out DriftTestResult? deciding, out string method, out string? note, out bool chosenByAuto)
    {
        note = null;
        method = settings.DriftMethod ?? DriftMethods.Auto;
        var resolved = method;
        if (method != DriftMethods.Auto && !Applies(method, kind))
        {
            note = $"`{method}` does not apply to {kind.ToString().ToLowerInvariant()} columns; auto chose the test.";
            method = DriftMethods.Auto;
        }
        chosenByAuto = method == DriftMethods.Auto;
        if (chosenByAuto)
        {
            resolved = DriftMethods.ChooseAuto(baselineRows, kind == DriftKind.Numeric, distinct);
        }
        var decidingChoice = DriftMethods.Default(resolved, config);
        if (settings.DriftThreshold is { } threshold)
        {
            decidingChoice = decidingChoice.WithThreshold(threshold);
        }
        var methods = (kind == DriftKind.Numeric ? DriftMethods.Numeric : DriftMethods.Categorical).ToList();
        if (!methods.Contains(resolved))
        {
            methods.Add(resolved);
        }
        var tests = new List<DriftTestResult>();
        deciding = null;
        foreach (var name in methods)
        {
            var choice = name == resolved ? decidingChoice : DriftMethods.Default(name, config);
            DriftTestResult result;
            try
            {
                result = run(choice);
            }
            catch (ArgumentException e)
            {
                note = (note is null ? "" : note + " ") + $"{name} could not run: {e.Message}";
                continue;
            }
            tests.Add(result);
            if (name == resolved)
            {
                deciding = result;
            }
        }
        method = resolved;
        return tests;
    }

    private static Dictionary<string, long> Counts(IEnumerable<(string Value, long Count)> entries)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (value, count) in entries)
        {
            counts[value] = counts.GetValueOrDefault(value) + count;
        }
        return counts;
    }

    private static DriftHistogram NumericHistogram(NumericDistribution reference, NumericDistribution current)
    {
        var low = Math.Min(reference.Min, current.Min);
        var high = Math.Max(reference.Max, current.Max);
        var bins = low == high ? 1 : HistogramBins;
        var edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++)
        {
            edges[i] = i == bins ? high : low + ((high - low) * i / bins);
        }
        var labels = Enumerable.Range(0, bins)
            .Select(i => $"[{Short(edges[i])}, {Short(edges[i + 1])}{(i == bins - 1 ? "]" : ")")}").ToList();
        return new DriftHistogram(labels, edges, reference.BinCounts(edges), current.BinCounts(edges));
    }

    private static DriftHistogram CategoricalHistogram(Dictionary<string, long> reference, Dictionary<string, long> current)
    {
        var keys = reference.Keys.Union(current.Keys)
            .OrderByDescending(k => reference.GetValueOrDefault(k)).ThenByDescending(k => current.GetValueOrDefault(k)).ThenBy(k => k, StringComparer.Ordinal)
            .ToList();
        var shown = keys.Take(HistogramCategories).ToList();
        var labels = new List<string>(shown);
        var referenceCounts = shown.Select(k => reference.GetValueOrDefault(k)).ToList();
        var currentCounts = shown.Select(k => current.GetValueOrDefault(k)).ToList();
        if (keys.Count > shown.Count)
        {
            var rest = keys.Skip(HistogramCategories).ToList();
            labels.Add("(other)");
            referenceCounts.Add(rest.Sum(k => reference.GetValueOrDefault(k)));
            currentCounts.Add(rest.Sum(k => current.GetValueOrDefault(k)));
        }
        return new DriftHistogram(labels, null, referenceCounts, currentCounts);
    }

    private static string Short(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
