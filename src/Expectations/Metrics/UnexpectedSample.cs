using System.Diagnostics;

namespace Dq.Expectations.Metrics;

/// <summary>One unexpected row: its 0-based index in the whole table and its value.</summary>
internal readonly record struct UnexpectedRow(long RowIndex, object? Value);

/// <summary>
/// The unexpected rows with the smallest row indexes, up to a limit: the first N of the table whatever order
/// batches arrive in, so sampling is deterministic under parallel execution.
/// </summary>
internal sealed class UnexpectedSample
{
    private readonly List<UnexpectedRow> _rows = [];
    private long _largestRowIndex = -1;
    private bool _sorted = true;

    public UnexpectedSample(int limit)
    {
        Debug.Assert(limit >= 0, "A sample limit is never negative; use int.MaxValue for all rows.");
        Limit = limit;
    }

    public int Limit { get; }

    /// <summary>
    /// Whether a row with this index would be kept: callers check before reading (and boxing) the value.
    /// </summary>
    public bool Wants(long rowIndex) => _rows.Count < Limit || rowIndex < _largestRowIndex;

    /// <summary>
    /// The longest text value a sample keeps: longer ones are cut there and end in "…". A sample value is copied into
    /// several lists of a result (and COMPLETE keeps every unexpected row), so one 60 MB string once made a 360 MB
    /// result and a 3 GB process; 10,000 characters identify any value a person reads.
    /// </summary>
    public const int MaxTextLength = 10_000;

    public void Add(long rowIndex, object? value)
    {
        if (value is string { Length: > MaxTextLength } text)
        {
            value = string.Concat(text.AsSpan(0, MaxTextLength), "…");
        }
        if (_rows.Count < Limit)
        {
            _sorted &= rowIndex > _largestRowIndex;
            _rows.Add(new UnexpectedRow(rowIndex, value));
            _largestRowIndex = Math.Max(_largestRowIndex, rowIndex);
            return;
        }
        if (rowIndex >= _largestRowIndex)
        {
            return;
        }
        // Full, and this row comes earlier than the latest kept one: replace it (rare: batches out of order).
        SortRows();
        _rows[^1] = new UnexpectedRow(rowIndex, value);
        _sorted = false;
        SortRows();
        _largestRowIndex = _rows[^1].RowIndex;
    }

    public void Merge(UnexpectedSample other)
    {
        if (other._rows.Count == 0)
        {
            return;
        }
        _rows.AddRange(other._rows);
        _sorted = false;
        SortRows();
        if (_rows.Count > Limit)
        {
            _rows.RemoveRange(Limit, _rows.Count - Limit);
        }
        _largestRowIndex = _rows.Count == 0 ? -1 : _rows[^1].RowIndex;
    }

    /// <summary>The kept rows in row order.</summary>
    public IReadOnlyList<UnexpectedRow> Rows
    {
        get
        {
            SortRows();
            return _rows;
        }
    }

    private void SortRows()
    {
        if (!_sorted)
        {
            _rows.Sort(static (a, b) => a.RowIndex.CompareTo(b.RowIndex));
            _sorted = true;
        }
    }
}
