using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// An open-addressing hash table from a 64-bit integer key to its count and first row: the groups of an integer
/// column's duplicate check or value counts, at 16 bytes a slot.
/// </summary>
/// <remarks>
/// <see cref="Dictionary{TKey, TValue}"/> needs about 40 bytes an entry plus buckets (over 500 MB for 10M distinct
/// values) and a prime-sized rehash; this table packs the first row (40 bits) and the count (24 bits) into one word,
/// probes linearly from a Fibonacci hash (sequential ids spread evenly), and grows by doubling at 3/4 load.
/// Counts past 2^24 - 1 spill into a small overflow dictionary. A slot is empty when its packed word is 0: a live
/// group always has count ≥ 1.
/// </remarks>
internal sealed class IntegerGroupTable
{
    private const int CountBits = 24;
    private const ulong CountMask = (1UL << CountBits) - 1;
    private const long MaxRow = (1L << (64 - CountBits)) - 1;

    private long[] _keys;
    private ulong[] _packed;
    private int _shift;
    private Dictionary<long, long>? _overflow;

    public IntegerGroupTable(int capacity = 1 << 16)
    {
        capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 16));
        _keys = new long[capacity];
        _packed = new ulong[capacity];
        _shift = 64 - BitOperations.Log2((uint)capacity);
    }

    /// <summary>How many distinct keys the table holds.</summary>
    public int Count { get; private set; }

    /// <summary>Counts one occurrence of <paramref name="key"/> at table row <paramref name="row"/>.</summary>
    /// <returns>
    /// -1 when the key is new; otherwise the row that is now a repeat: the later of <paramref name="row"/> and the
    /// group's first row (the earlier one stays the first row), so the result does not depend on arrival order.
    /// </returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Add(long key, long row) => Add(key, row, 1);

    /// <summary>Adds <paramref name="count"/> occurrences whose earliest row is <paramref name="row"/>.</summary>
    public long Add(long key, long row, long count)
    {
        if (row > MaxRow || row < 0)
        {
            throw new NotSupportedException($"Row {row} is beyond the {MaxRow} rows a duplicate check can track.");
        }
        var mask = _keys.Length - 1;
        var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (true)
        {
            var packed = _packed[slot];
            if (packed == 0)
            {
                _keys[slot] = key;
                _packed[slot] = ((ulong)row << CountBits) | 1;
                Count++;
                if (count > 1)
                {
                    AddCount(slot, count - 1);
                }
                if (Count > _keys.Length / 4 * 3)
                {
                    Grow();
                }
                return -1;
            }
            if (_keys[slot] == key)
            {
                AddCount(slot, count);
                var first = (long)(packed >> CountBits);
                if (row < first)
                {
                    _packed[slot] = ((ulong)row << CountBits) | (_packed[slot] & CountMask);
                    return first;
                }
                return row;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void AddCount(int slot, long count)
    {
        var low = (long)(_packed[slot] & CountMask) + count;
        if (low > (long)CountMask)
        {
            // Keep the packed count at its maximum and carry the rest: rare, only for values repeated 16M+ times.
            _overflow ??= [];
            _overflow[_keys[slot]] = _overflow.GetValueOrDefault(_keys[slot]) + low - (long)CountMask;
            low = (long)CountMask;
        }
        _packed[slot] = (_packed[slot] & ~CountMask) | (ulong)low;
    }

    /// <summary>Every group: key, count and first row, in no particular order.</summary>
    public IEnumerable<(long Key, long Count, long FirstRow)> Groups()
    {
        for (var slot = 0; slot < _keys.Length; slot++)
        {
            var packed = _packed[slot];
            if (packed != 0)
            {
                var key = _keys[slot];
                var count = (long)(packed & CountMask) + (_overflow?.GetValueOrDefault(key) ?? 0);
                yield return (key, count, (long)(packed >> CountBits));
            }
        }
    }

    /// <summary>
    /// Makes room for <paramref name="count"/> keys in all before a bulk insert. Required before merging another
    /// table: its groups arrive in slot order, so they land region by region, and without room a region would
    /// overfill and grow one cluster across the table (quadratic probing cost).
    /// </summary>
    public void Reserve(int count)
    {
        while (count > _keys.Length / 4 * 3)
        {
            Grow();
        }
    }

    private void Grow()
    {
        var (keys, packed) = (_keys, _packed);
        _keys = new long[keys.Length * 2];
        _packed = new ulong[keys.Length * 2];
        _shift--;
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (packed[i] != 0)
            {
                var slot = (int)(((ulong)keys[i] * 0x9E3779B97F4A7C15UL) >> _shift);
                while (_packed[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }
                _keys[slot] = keys[i];
                _packed[slot] = packed[i];
            }
        }
    }
}
