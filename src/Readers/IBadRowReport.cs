namespace Dq.Readers;

/// <summary>
/// A source that can skip malformed rows reports them here. The CLI reads it after a validation and shows the count
/// and the first line numbers in the result's <c>meta</c> and in the summary, so that skipped rows are never hidden.
/// </summary>
public interface IBadRowReport
{
    /// <summary>The rows skipped by the most recent read, or an empty report when none were.</summary>
    BadRows BadRows { get; }
}

/// <summary>The malformed rows that a read skipped.</summary>
/// <param name="Count">How many rows were skipped.</param>
/// <param name="FirstLines">The 1-based line numbers of the first skipped rows, at most <see cref="MaxLines"/>.</param>
/// <param name="FirstReason">Why the first row was skipped, or <see langword="null"/> when none was.</param>
public sealed record BadRows(long Count, IReadOnlyList<long> FirstLines, string? FirstReason)
{
    /// <summary>How many line numbers are kept.</summary>
    public const int MaxLines = 10;

    /// <summary>No skipped rows.</summary>
    public static BadRows None { get; } = new(0, [], null);
}
