using System.Runtime.InteropServices;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// The distinct values of a column seen so far, each with its count, and, when rows are tracked, its first row plus
/// every repeat row: enough to name every member of a duplicated group (GX marks them all unexpected, the first
/// occurrence included). Without row tracking it is the column's value counts.
/// </summary>
/// <remarks>
/// Memory grows with the number of distinct values plus the number of repeats. Two workers' states merge by key;
/// whichever first row is later becomes a repeat, so the result does not depend on batch order.
/// </remarks>
internal class DuplicateState<TKey> : MetricState, IUnexpectedRowsSource, IValueCountsSource
    where TKey : notnull
{
    private readonly Func<TKey, object?> _toValue;
    private readonly int _sampleLimit;

    private readonly bool _trackRows;

    public DuplicateState(IEqualityComparer<TKey>? comparer, Func<TKey, object?> toValue, int sampleLimit, bool trackRows = true)
    {
        Groups = new Dictionary<TKey, Group>(comparer);
        _toValue = toValue;
        _sampleLimit = sampleLimit;
        _trackRows = trackRows;
    }

    /// <summary>Every distinct value with its count, in no particular order.</summary>
    public IEnumerable<(object? Value, long Count)> Counts => Groups.Values.Select(g => (_toValue(g.Key), g.Count));

    /// <inheritdoc cref="IValueCountsSource.DistinctCount"/>
    public long DistinctCount => Groups.Count;

    /// <inheritdoc cref="IValueCountsSource.ValueTotal"/>
    public long ValueTotal => Groups.Values.Sum(g => g.Count);

    protected Dictionary<TKey, Group> Groups { get; }

    protected List<(long Row, TKey Key)> Repeats { get; } = [];

    public void Add(TKey key, long rowIndex)
    {
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(Groups, key, out var exists);
        Count(ref group, exists, key, rowIndex);
    }

    protected void Count(ref Group group, bool exists, TKey key, long rowIndex)
    {
        if (!exists)
        {
            group = new Group(key, rowIndex, 1);
            return;
        }
        group.Count++;
        Join(ref group, key, rowIndex);
    }

    /// <summary>
    /// Joins a row (or another state's first row) to an existing group. The earlier row becomes the group's first row,
    /// with its own value: keys can be equal without being the same value (0.0 and -0.0), and every row reports its
    /// own, whichever worker saw it first. With rows tracked, the later one becomes a repeat; value counts keep no
    /// rows, but still name the group by its first row's value.
    /// </summary>
    protected void Join(ref Group group, TKey key, long firstRow)
    {
        if (firstRow < group.FirstRow)
        {
            if (_trackRows)
            {
                Repeats.Add((group.FirstRow, group.Key));
            }
            group.FirstRow = firstRow;
            group.Key = key;
        }
        else if (_trackRows)
        {
            Repeats.Add((firstRow, key));
        }
    }

    public override void Merge(MetricState other)
    {
        var that = (DuplicateState<TKey>)other;
        foreach (var (key, theirs) in that.Groups)
        {
            ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(Groups, key, out var exists);
            if (!exists)
            {
                group = theirs;
                continue;
            }
            group.Count += theirs.Count;
            Join(ref group, theirs.Key, theirs.FirstRow);
        }
        Repeats.AddRange(that.Repeats);
    }

    /// <summary>The duplicated rows as a row-check result: every member of every group that occurs twice or more.</summary>
    public UnexpectedRowsState ToUnexpectedRows()
    {
        var result = new UnexpectedRowsState(_sampleLimit);
        var rows = new List<(long Row, TKey Key)>(Repeats);
        foreach (var group in Groups.Values)
        {
            if (group.Count > 1)
            {
                result.Count += group.Count;
                rows.Add((group.FirstRow, group.Key));
            }
        }
        rows.Sort(static (a, b) => a.Row.CompareTo(b.Row));
        foreach (var (row, key) in rows.Take(_sampleLimit))
        {
            result.Sample.Add(row, _toValue(key));
        }
        return result;
    }

    protected struct Group(TKey key, long firstRow, long count)
    {
        public TKey Key = key;
        public long FirstRow = firstRow;
        public long Count = count;
    }
}
