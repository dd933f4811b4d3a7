namespace Dq.Expectations.Metrics;

/// <summary>A metric state that holds the distinct values of a column with their counts.</summary>
internal interface IValueCountsSource
{
    IEnumerable<(object? Value, long Count)> Counts { get; }
}
