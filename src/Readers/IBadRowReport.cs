using Dq.Expectations.Results;

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
