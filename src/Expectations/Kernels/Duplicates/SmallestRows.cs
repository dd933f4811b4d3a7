namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// The smallest row indexes added so far, each with its key, up to a limit (int.MaxValue: all): the repeat rows of
/// a duplicate check, of which only the first <c>limit</c> can reach the sample.
/// </summary>
/// <remarks>
/// Keeping every repeat would cost 16 bytes a repeated row (160 MB for a 10M-row column of few values) when the
/// sample wants 20. Rows are kept until twice the limit, then sorted and cut back to the limit; from then on a row
/// past the largest kept one is dropped at once. Row indexes are unique (one occurrence each), so ties never arise.
/// </remarks>
internal sealed class SmallestRows
{
    private readonly int _limit;
    private readonly List<(long Row, long Key)> _rows = [];
    private long _bound = long.MaxValue;

    public SmallestRows(int limit)
    {
        _limit = limit;
        if (limit == 0)
        {
            _bound = long.MinValue;
        }
    }

    public void Add(long row, long key)
    {
        if (row >= _bound)
        {
            return;
        }
        _rows.Add((row, key));
        if (_limit < int.MaxValue / 2 && _rows.Count >= Math.Max(2 * _limit, 1024))
        {
            Compact();
        }
    }

    /// <summary>Adds the rows of <paramref name="other"/> (which is left as it was).</summary>
    public void AddRange(SmallestRows other)
    {
        foreach (var (row, key) in other._rows)
        {
            Add(row, key);
        }
    }

    /// <summary>The kept rows in row order.</summary>
    public IReadOnlyList<(long Row, long Key)> Sorted()
    {
        Compact();
        return _rows;
    }

    private void Compact()
    {
        _rows.Sort(static (a, b) => a.Row.CompareTo(b.Row));
        if (_rows.Count >= _limit)
        {
            _rows.RemoveRange(_limit, _rows.Count - _limit);
            _bound = _limit == 0 ? long.MinValue : _rows[^1].Row;
        }
    }
}
