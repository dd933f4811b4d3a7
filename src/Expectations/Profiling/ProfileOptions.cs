namespace Dq.Expectations.Profiling;

/// <summary>Options of <see cref="Profiler"/>.</summary>
public sealed record ProfileOptions
{
    /// <summary>Deequ's <c>DEFAULT_CARDINALITY_THRESHOLD</c>: columns with at most this many distinct values get exact counts.</summary>
    public const int DefaultCategoricalThreshold = 120;

    /// <summary>Worker threads; 0 (the default) uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>The most distinct values a column may have for its values to be counted exactly (default 120).</summary>
    public int CategoricalThreshold { get; init; } = DefaultCategoricalThreshold;
}
