using Dq.Expectations.Statistics;

namespace Dq.Expectations.Monitoring;

/// <summary>Whether a column's values are compared as numbers or as categories.</summary>
public enum DriftKind
{
    /// <summary>Compared through the two KLL sketches.</summary>
    Numeric,

    /// <summary>Compared through exact per-value counts.</summary>
    Categorical,
}

/// <summary>One column's drift: the deciding method's verdict and every test that ran.</summary>
/// <param name="Name">The column.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Method">The test that decides (the one <c>auto</c> chose, or the user's); <c>auto</c> when no test could run.</param>
/// <param name="Tests">Every test run on the column, the deciding one included.</param>
public sealed record FeatureDrift(string Name, DriftKind Kind, string Method, IReadOnlyList<DriftTestResult> Tests)
{
    /// <summary>The test whose verdict is the column's; null when none could run (see <see cref="Note"/>).</summary>
    public DriftTestResult? DecidingTest { get; init; }

    /// <summary>The deciding test's verdict; a column that could not be compared is reported as drifted only when the note says why.</summary>
    public bool DriftDetected { get; init; }

    /// <summary>Whether <see cref="Method"/> was chosen by <c>auto</c> (Evidently's defaults) rather than given.</summary>
    public bool ChosenByAuto { get; init; }

    /// <summary>Why the column was not (fully) compared, or null.</summary>
    public string? Note { get; init; }

    /// <summary>The baseline's and the batch's counts over shared bins or categories, for plots.</summary>
    public DriftHistogram? Histogram { get; init; }
}

/// <summary>Counts of the baseline and the batch over the same bins (numeric) or categories, for overlaid plots.</summary>
/// <param name="Labels">Bin labels ("[0, 10)") or category values; a last "(other)" label gathers the rest.</param>
/// <param name="Edges">The numeric bin edges (one more than the labels), or null for categories.</param>
/// <param name="Reference">The baseline's counts per label.</param>
/// <param name="Current">The batch's counts per label.</param>
public sealed record DriftHistogram(IReadOnlyList<string> Labels, IReadOnlyList<double>? Edges, IReadOnlyList<long> Reference, IReadOnlyList<long> Current);

/// <summary>The drift report (drift.json): every compared column, the share that drifted and the dataset verdict.</summary>
/// <param name="Features">One entry per compared column, in the baseline's order.</param>
/// <param name="DriftShare">The share of columns that must drift for <see cref="DatasetDrift"/>.</param>
public sealed record DriftReport(IReadOnlyList<FeatureDrift> Features, double DriftShare)
{
    /// <summary>How many columns were judged: a test decided, or their values changed kind (numbers to text).</summary>
    public int JudgedColumns => Features.Count(f => f.DecidingTest is not null || f.DriftDetected);

    /// <summary>How many judged columns drifted.</summary>
    public int DriftedColumns => Features.Count(f => f.DriftDetected);

    /// <summary>The share of the judged columns that drifted (0 when none was judged).</summary>
    public double ShareDrifted => JudgedColumns == 0 ? 0 : (double)DriftedColumns / JudgedColumns;

    /// <summary>Whether at least <see cref="DriftShare"/> of the judged columns drifted (Evidently's dataset drift).</summary>
    public bool DatasetDrift => JudgedColumns > 0 && ShareDrifted >= DriftShare;
}

/// <summary>What a monitor run found: SageMaker's violations, the drift report, and the batch's profile.</summary>
/// <param name="Violations">constraint_violations.json's entries, in check order per feature.</param>
/// <param name="Drift">drift.json's content.</param>
/// <param name="Current">The batch's profile (its statistics.json).</param>
public sealed record MonitorReport(IReadOnlyList<ConstraintViolation> Violations, DriftReport Drift, Profiling.DataProfile Current)
{
    /// <summary>True when there is no violation: the gate passes.</summary>
    public bool Success => Violations.Count == 0;
}
