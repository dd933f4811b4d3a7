namespace Dq.Expectations.Results;

/// <summary>One entry of <c>partial_unexpected_counts</c>: a value and how often it was unexpected.</summary>
/// <param name="Value">The value (null for missing values).</param>
/// <param name="Count">How many of the sampled unexpected rows hold it.</param>
public sealed record UnexpectedValueCount(object? Value, long Count);
