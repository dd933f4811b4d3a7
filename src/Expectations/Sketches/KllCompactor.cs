namespace Dq.Expectations.Sketches;

/// <summary>
/// One level of a <see cref="KllSketch"/>: an unsorted buffer of items that each weigh 2^height, and the state that makes
/// its compactions alternate deterministically (Deequ's <c>NonSampleCompactor</c>: <c>numOfCompress</c> and <c>offset</c>).
/// </summary>
/// <remarks>
/// The buffer keeps Deequ's item order (arrival order, then promoted items appended in sorted order), because that order
/// is what statistics.json's <c>sketch.data</c> holds and which item stays behind as the odd tail.
/// </remarks>
internal sealed class KllCompactor
{
    private double[] _items;
    private int _length;

    // Deequ flips the offset before every odd-numbered compaction, so the offsets run 0, 1, 1, 0, 0, 1, 1, 0, ...
    private int _compactions;
    private int _offset;

    public KllCompactor(int initialCapacity = 16)
    {
        _items = new double[Math.Max(initialCapacity, 4)];
    }

    private KllCompactor(double[] items, int length, int compactions, int offset)
    {
        _items = items;
        _length = length;
        _compactions = compactions;
        _offset = offset;
    }

    /// <summary>Items held, in Deequ's buffer order.</summary>
    public ReadOnlySpan<double> Items => _items.AsSpan(0, _length);

    public int Length => _length;

    public static KllCompactor FromItems(ReadOnlySpan<double> items)
    {
        var buffer = new double[Math.Max(items.Length, 4)];
        items.CopyTo(buffer);
        return new KllCompactor(buffer, items.Length, 0, 0);
    }

    public KllCompactor Clone() => new((double[])_items.Clone(), _length, _compactions, _offset);

    public void Add(double value)
    {
        if (_length == _items.Length)
        {
            Grow(_length + 1);
        }
        _items[_length++] = value;
    }

    public void AddRange(ReadOnlySpan<double> values)
    {
        EnsureRoom(values.Length);
        values.CopyTo(_items.AsSpan(_length));
        _length += values.Length;
    }

    /// <summary>Appends the values that are not NaN and returns how many that was.</summary>
    public int AddNonNaN(ReadOnlySpan<double> values)
    {
        EnsureRoom(values.Length);
        var items = _items;
        var n = _length;
        foreach (var value in values)
        {
            // Always write, advance only past a number: no branch to mispredict on data with scattered NaNs.
            items[n] = value;
            n += double.IsNaN(value) ? 0 : 1;
        }
        var added = n - _length;
        _length = n;
        return added;
    }

    /// <summary>
    /// Sorts the largest even prefix of the buffer, promotes every other item of it (starting at the current offset) into
    /// <paramref name="next"/>, and keeps only the odd last item, if any: Deequ's <c>compact</c>.
    /// </summary>
    public void CompactInto(KllCompactor next)
    {
        var length = _length;
        var even = length & ~1;
        if ((_compactions & 1) == 1)
        {
            _offset = 1 - _offset;
        }
        var sorted = _items.AsSpan(0, even);
        TotalOrder.Sort(sorted);

        next.EnsureRoom(even / 2);
        var target = next._items;
        var n = next._length;
        for (var i = _offset; i < even; i += 2)
        {
            target[n++] = sorted[i];
        }
        next._length = n;

        // The odd item is the last one to arrive; Deequ leaves it unsorted and alone in the buffer.
        _length = 0;
        if ((length & 1) == 1)
        {
            _items[0] = _items[length - 1];
            _length = 1;
        }
        _compactions++;
    }

    private void EnsureRoom(int extra)
    {
        if (_items.Length - _length < extra)
        {
            Grow(_length + extra);
        }
    }

    private void Grow(int minimum)
    {
        var grown = new double[Math.Max(minimum, _items.Length * 2)];
        _items.AsSpan(0, _length).CopyTo(grown);
        _items = grown;
    }
}
