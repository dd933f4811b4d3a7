using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Order;

/// <summary>
/// The state of an order check, mergeable in any order: one segment per run of contiguous rows scanned, each with
/// its first and last non-null values and the unexpected rows found inside it. Whether a segment's first value is
/// unexpected depends on the segment before it, so that is decided when segments meet (adjacent ones fuse as soon
/// as both are known) or, at the latest, in row order when the result is read.
/// </summary>
internal sealed class OrderState : MetricState, IUnexpectedRowsSource
{
    private readonly List<OrderSegment> _segments = [];
    private readonly Func<object, object, bool> _isUnexpected;
    private readonly Func<object, object?> _report;
    private readonly int _sampleLimit;
    private UnexpectedRowsState? _resolved;

    /// <param name="isUnexpected">Whether a value (first argument) is out of order after the previous one (second).</param>
    /// <param name="sampleLimit">How many unexpected rows to keep with their values.</param>
    /// <param name="report">
    /// The reported value of a segment's first or last value: segments of columns stored as integers (timestamps,
    /// dates, decimals) carry the integers, which compare exactly where plain values would round (nanoseconds).
    /// </param>
    public OrderState(Func<object, object, bool> isUnexpected, int sampleLimit, Func<object, object?>? report = null)
    {
        _isUnexpected = isUnexpected;
        _report = report ?? (static v => v);
        _sampleLimit = sampleLimit;
    }

    public int SampleLimit => _sampleLimit;

    /// <summary>Adds the segment of a block; a worker's blocks mostly arrive in row order, so it usually fuses with the last one.</summary>
    public void Add(OrderSegment segment)
    {
        _resolved = null;
        if (_segments.Count > 0 && _segments[^1].End == segment.Start)
        {
            _segments[^1] = Fuse(_segments[^1], segment);
            return;
        }
        _segments.Add(segment);
        if (_segments.Count > 1 && _segments[^2].Start > segment.Start)
        {
            Coalesce();
        }
    }

    public override void Merge(MetricState other)
    {
        _resolved = null;
        _segments.AddRange(((OrderState)other)._segments);
        Coalesce();
    }

    /// <summary>The unexpected rows: inner rows of every segment plus the first values that break order with the segment before.</summary>
    public UnexpectedRowsState ToUnexpectedRows()
    {
        if (_resolved is not null)
        {
            return _resolved;
        }
        Coalesce();
        var rows = new UnexpectedRowsState(_sampleLimit);
        object? previous = null;
        foreach (var segment in _segments)
        {
            rows.Merge(segment.Inner);
            if (previous is not null && segment.First is { } first && _isUnexpected(first, previous))
            {
                Add(rows, segment.FirstRowIndex, first);
            }
            previous = segment.Last ?? previous;
        }
        return _resolved = rows;
    }

    /// <summary>Sorts the segments by row and fuses the adjacent ones.</summary>
    private void Coalesce()
    {
        _segments.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var write = 0;
        for (var read = 1; read < _segments.Count; read++)
        {
            if (_segments[write].End == _segments[read].Start)
            {
                _segments[write] = Fuse(_segments[write], _segments[read]);
            }
            else
            {
                _segments[++write] = _segments[read];
            }
        }
        if (_segments.Count > 0)
        {
            _segments.RemoveRange(write + 1, _segments.Count - write - 1);
        }
    }

    /// <summary>One segment of two adjacent ones: the second's first value is now judged against the first's last.</summary>
    private OrderSegment Fuse(OrderSegment a, OrderSegment b)
    {
        var inner = new UnexpectedRowsState(_sampleLimit);
        inner.Merge(a.Inner);
        inner.Merge(b.Inner);
        if (a.Last is { } last && b.First is { } first && _isUnexpected(first, last))
        {
            Add(inner, b.FirstRowIndex, first);
        }
        return a.First is null
            ? new OrderSegment(a.Start, b.End, b.First, b.FirstRowIndex, b.Last, inner)
            : new OrderSegment(a.Start, b.End, a.First, a.FirstRowIndex, b.Last ?? a.Last, inner);
    }

    private void Add(UnexpectedRowsState rows, long rowIndex, object value)
    {
        rows.Count++;
        if (rows.Sample.Wants(rowIndex))
        {
            rows.Sample.Add(rowIndex, _report(value));
        }
    }
}

/// <summary>
/// Table rows <see cref="Start"/> .. <see cref="End"/> − 1 as an order check saw them: the first non-null value
/// (not yet judged, it needs the value before the segment), the last one, and the unexpected rows in between.
/// </summary>
internal sealed record OrderSegment(long Start, long End, object? First, long FirstRowIndex, object? Last, UnexpectedRowsState Inner);
