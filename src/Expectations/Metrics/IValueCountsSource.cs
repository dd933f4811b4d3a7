namespace Dq.Expectations.Metrics;

/// <summary>A metric state that holds the distinct values of a column with their counts.</summary>
internal interface IValueCountsSource
{
    IEnumerable<(object? Value, long Count)> Counts { get; }

    /// <summary>
    /// The number of distinct values, without materializing them: expectations that need only this (unique value
    /// count, proportion of unique values) skip boxing and sorting what may be millions of values.
    /// </summary>
    long DistinctCount { get; }

    /// <summary>The number of non-null values counted (the sum of the counts).</summary>
    long ValueTotal { get; }
}
