namespace Dq.Expectations.ModelQuality;

/// <summary>
/// A sum with Neumaier's compensation: the low-order bits each addition rounds away are kept in a second term, so
/// a long sum of small errors next to large ones stays accurate to about one rounding, whatever the split of rows.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    /// <summary>The compensated total.</summary>
    public readonly double Value => double.IsFinite(_sum) ? _sum + _compensation : _sum;

    /// <summary>Adds one term.</summary>
    public void Add(double value)
    {
        var t = _sum + value;
        // Once the sum overflows the correction is meaningless (∞ − ∞ would make it NaN), so the total stays ∞.
        if (double.IsFinite(t))
        {
            _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
        }
        _sum = t;
    }

    /// <summary>Adds another compensated sum, its main term and its correction separately so no bits are lost.</summary>
    public void Add(CompensatedSum other)
    {
        Add(other._sum);
        Add(other._compensation);
    }
}
