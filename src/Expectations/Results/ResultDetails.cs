namespace Dq.Expectations.Results;

/// <summary>
/// The <c>result</c> object of an expectation result, with GX's field names when written as JSON. A null
/// property is absent from the JSON, except <see cref="ObservedValue"/>, which is written whenever
/// <see cref="HasObservedValue"/> is set (GX writes <c>observed_value: null</c> for an empty column).
/// </summary>
public sealed class ResultDetails
{
    /// <summary>Rows in the table (<c>element_count</c>).</summary>
    public long? ElementCount { get; init; }

    /// <summary>Null rows (<c>missing_count</c>); absent for the null/not-null expectations, as in GX.</summary>
    public long? MissingCount { get; init; }

    /// <summary>Null rows as a percentage of all rows.</summary>
    public double? MissingPercent { get; init; }

    /// <summary>Rows that broke the rule.</summary>
    public long? UnexpectedCount { get; init; }

    /// <summary>Unexpected rows as a percentage of the non-null rows (of all rows for null checks).</summary>
    public double? UnexpectedPercent { get; init; }

    /// <summary>Unexpected rows as a percentage of all rows.</summary>
    public double? UnexpectedPercentTotal { get; init; }

    /// <summary>Unexpected rows as a percentage of the non-null rows.</summary>
    public double? UnexpectedPercentNonmissing { get; init; }

    /// <summary>The first unexpected values (up to the result format's partial count).</summary>
    public IReadOnlyList<object?>? PartialUnexpectedList { get; init; }

    /// <summary>How often each of the first unexpected values occurs among them, most frequent first.</summary>
    public IReadOnlyList<UnexpectedValueCount>? PartialUnexpectedCounts { get; init; }

    /// <summary>The 0-based row indexes of the first unexpected values.</summary>
    public IReadOnlyList<long>? PartialUnexpectedIndexList { get; init; }

    /// <summary>Every unexpected value (COMPLETE only).</summary>
    public IReadOnlyList<object?>? UnexpectedList { get; init; }

    /// <summary>Every unexpected row index (COMPLETE only).</summary>
    public IReadOnlyList<long>? UnexpectedIndexList { get; init; }

    /// <summary>Whether <see cref="ObservedValue"/> is part of the result.</summary>
    public bool HasObservedValue { get; init; }

    /// <summary>The measured value of aggregate and table expectations, such as the row count.</summary>
    public object? ObservedValue { get; init; }

    /// <summary>
    /// Further measurements (GX's <c>details</c>), such as <c>value_counts</c> of distinct-value expectations: names to
    /// plain values, lists (JSON arrays) and nested dictionaries (JSON objects).
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }
}
