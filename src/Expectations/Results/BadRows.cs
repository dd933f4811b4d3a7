namespace Dq.Expectations.Results;

/// <summary>
/// The malformed rows that a read skipped (<c>--on-bad-rows skip</c>). They travel in the run's metadata
/// (<c>meta.bad_rows</c>) so that every report and the store show them: skipped rows are never hidden.
/// </summary>
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
