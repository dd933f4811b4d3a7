using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// <see cref="DuplicateState{TKey}"/> for integer-like columns (integers, dates), keyed by the value as a 64-bit
/// integer in an <see cref="IntegerGroupTable"/>: the same groups, repeats, merge and results, in far less memory.
/// </summary>
internal sealed class IntegerDuplicateState : MetricState, IUnexpectedRowsSource, IValueCountsSource
{
    private readonly Func<long, object?> _toValue;
    private readonly int _sampleLimit;
    private readonly bool _trackRows;
    private IntegerGroupTable _table = new();
    private List<(long Row, long Key)> _repeats = [];

    /// <param name="toValue">The value of a key as GX reports it (a long, a ulong, a date).</param>
    /// <param name="sampleLimit">How many duplicated rows to keep with their values.</param>
    /// <param name="trackRows">False for value counts: no repeat rows are kept.</param>
    public IntegerDuplicateState(Func<long, object?> toValue, int sampleLimit, bool trackRows)
    {
        _toValue = toValue;
        _sampleLimit = sampleLimit;
        _trackRows = trackRows;
    }

    /// <inheritdoc cref="IValueCountsSource.Counts"/>
    public IEnumerable<(object? Value, long Count)> Counts => _table.Groups().Select(g => (_toValue(g.Key), g.Count));

    /// <summary>Counts one value at a table row.</summary>
    public void Add(long key, long rowIndex)
    {
        var repeat = _table.Add(key, rowIndex);
        if (repeat >= 0 && _trackRows)
        {
            _repeats.Add((repeat, key));
        }
    }

    public override void Merge(MetricState other)
    {
        var that = (IntegerDuplicateState)other;
        if (that._table.Count > _table.Count)
        {
            // Insert the smaller table into the larger: the result is symmetric, so which one absorbs is free.
            (_table, that._table) = (that._table, _table);
            (_repeats, that._repeats) = (that._repeats, _repeats);
        }
        _table.Reserve(_table.Count + that._table.Count);
        foreach (var (key, count, firstRow) in that._table.Groups())
        {
            var repeat = _table.Add(key, firstRow, count);
            if (repeat >= 0 && _trackRows)
            {
                _repeats.Add((repeat, key));
            }
        }
        _repeats.AddRange(that._repeats);
    }

    /// <summary>Every member of every group that occurs twice or more, as <see cref="DuplicateState{TKey}"/> reports them.</summary>
    public UnexpectedRowsState ToUnexpectedRows()
    {
        var result = new UnexpectedRowsState(_sampleLimit);
        var rows = new List<(long Row, long Key)>(_repeats);
        foreach (var (key, count, firstRow) in _table.Groups())
        {
            if (count > 1)
            {
                result.Count += count;
                rows.Add((firstRow, key));
            }
        }
        rows.Sort(static (a, b) => a.Row.CompareTo(b.Row));
        foreach (var (row, key) in rows.Take(_sampleLimit))
        {
            result.Sample.Add(row, _toValue(key));
        }
        return result;
    }
}
