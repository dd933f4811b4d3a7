using System.Numerics;

namespace Dq.Expectations.Sketches;

/// <summary>
/// A small open-addressing set of 64-bit hashes (linear probing, load at most 3/4): the exact mode of
/// <see cref="HyperLogLogPlusPlus"/>. 0 marks an empty slot, so the hash 0 is tracked by a flag.
/// </summary>
internal sealed class ExactHashSet
{
    private ulong[] _slots;
    private int _occupied; // slots in use (excluding the hash 0)
    private bool _hasZero;

    public ExactHashSet(int initialSlots = 16)
    {
        _slots = new ulong[BitOperations.RoundUpToPowerOf2((uint)Math.Max(initialSlots, 16))];
    }

    private ExactHashSet(ulong[] slots, int occupied, bool hasZero)
    {
        _slots = slots;
        _occupied = occupied;
        _hasZero = hasZero;
    }

    public int Count => _occupied + (_hasZero ? 1 : 0);

    public ExactHashSet Clone() => new((ulong[])_slots.Clone(), _occupied, _hasZero);

    /// <summary>Adds a hash; returns whether it was new.</summary>
    public bool Add(ulong hash)
    {
        if (hash == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }
        if ((_occupied + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }
        if (!Insert(_slots, hash))
        {
            return false;
        }
        _occupied++;
        return true;
    }

    /// <summary>The hashes held, in no particular order (rarely used: when a sketch leaves exact mode or is merged).</summary>
    public IEnumerable<ulong> Hashes()
    {
        if (_hasZero)
        {
            yield return 0;
        }
        foreach (var slot in _slots)
        {
            if (slot != 0)
            {
                yield return slot;
            }
        }
    }

    private void Grow()
    {
        var grown = new ulong[_slots.Length * 2];
        foreach (var slot in _slots)
        {
            if (slot != 0)
            {
                Insert(grown, slot);
            }
        }
        _slots = grown;
    }

    private static bool Insert(ulong[] slots, ulong hash)
    {
        // Fibonacci hashing spreads callers' hashes that are not well mixed (say, small integers) over the table.
        var mask = slots.Length - 1;
        var index = (int)((hash * 0x9E3779B97F4A7C15UL) >> (64 - BitOperations.Log2((uint)slots.Length)));
        while (true)
        {
            var slot = slots[index];
            if (slot == hash)
            {
                return false;
            }
            if (slot == 0)
            {
                slots[index] = hash;
                return true;
            }
            index = (index + 1) & mask;
        }
    }
}
