using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Text;

/// <summary>
/// The state of a text check: its unexpected rows, and whether the check gave up on some value (a regex that ran
/// past its time limit), in which case the expectation reports that instead of a verdict.
/// </summary>
internal sealed class TextCheckState : MetricState, IUnexpectedRowsSource
{
    public TextCheckState(int sampleLimit) => Rows = new UnexpectedRowsState(sampleLimit);

    public UnexpectedRowsState Rows { get; }

    /// <summary>Why the check stopped, or null when it judged every value.</summary>
    public string? Abort { get; private set; }

    /// <summary>The table row of the value the check stopped on (the earliest, when several workers stopped).</summary>
    public long AbortRowIndex { get; private set; } = long.MaxValue;

    public UnexpectedRowsState ToUnexpectedRows() => Rows;

    /// <summary>Records that the check stopped on a row; the earliest row wins, so merging order does not matter.</summary>
    public void RecordAbort(long rowIndex, string reason)
    {
        if (rowIndex < AbortRowIndex)
        {
            AbortRowIndex = rowIndex;
            Abort = reason;
        }
    }

    public override void Merge(MetricState other)
    {
        var that = (TextCheckState)other;
        Rows.Merge(that.Rows);
        if (that.Abort is not null)
        {
            RecordAbort(that.AbortRowIndex, that.Abort);
        }
    }
}

/// <summary>Thrown by a text check that cannot judge a value (a regex timeout); the kernel turns it into <see cref="TextCheckState.Abort"/>.</summary>
internal sealed class TextCheckAbortedException(string message) : Exception(message);
