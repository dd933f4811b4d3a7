using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// One partition of an <see cref="IntegerGroupTable"/>: an open-addressing table (linear probing) from a 64-bit key
/// to its count and first row, at 12 bytes a slot, with its own lock and its own growth.
/// </summary>
/// <remarks>
/// <para>
/// A slot holds the key and a 32-bit tag. Most values of a wide column occur once, so the tag holds the first row
/// itself (plus one, so that 0 marks an empty slot); a value seen again, or first seen at a row the tag cannot
/// hold, moves to a side list of groups (first row and count, 16 bytes) and the tag holds its index with the high
/// bit set. Groups never move, so growth rehashes only slots.
/// </para>
/// <para>
/// The slot is found from the hash bits below the partition bits by multiply-high range reduction, so the
/// capacity need not be a power of two: past 1,024 slots a partition grows by a quarter at 80 % load, which keeps
/// the load between 0.64 and 0.8 (at most 19 bytes a value, about 17 on average over the staggered partitions)
/// where doubling would swing between 0.4 and 0.8. Each partition is a small fraction of the table, so the old and
/// new slots of a growth are too, and the old ones are native memory freed at once (see <see cref="Grow"/>).
/// </para>
/// <para>Not thread-safe: callers hold <see cref="Gate"/>.</para>
/// </remarks>
internal sealed unsafe class IntegerGroupPartition
{
    private const uint GroupBit = 1U << 31;
    private const long MaxInlineRow = GroupBit - 2;
    private const int DoublingBelow = 1 << 10;

    private readonly int _initialCapacity;
    private readonly int _index;
    private readonly PlannedSlots? _planned;
    private Slot* _slots;

    /// <summary>Whether <see cref="_slots"/> is this partition's slice of <see cref="_planned"/>, which it must not free.</summary>
    private bool _inPlannedSlice;
    private int _capacity;
    private int _growAt;
    private Group[] _groups = [];
    private int _groupCount;

    /// <param name="initialCapacity">
    /// Slots of the first allocation, made on the first insert so that a table of a small column stays small.
    /// Partitions of one table start at different sizes so that they do not all grow at the same row.
    /// </param>
    /// <param name="index">The partition's place in its table: which slice of <paramref name="planned"/> is its own.</param>
    /// <param name="planned">The table's presized slots, if it expects many keys; null to grow step by step only.</param>
    public IntegerGroupPartition(int initialCapacity, int index = 0, PlannedSlots? planned = null)
    {
        _initialCapacity = initialCapacity;
        _index = index;
        _planned = planned;
    }

    /// <summary>The bytes of one slot.</summary>
    public static int SlotBytes => sizeof(Slot);

    /// <summary>The lock a writer holds while it inserts into this partition.</summary>
    public Lock Gate { get; } = new();

    /// <summary>How many distinct keys the partition holds.</summary>
    public int Count { get; private set; }

    /// <summary>The slots allocated (for tests and measurements).</summary>
    public int Capacity => _capacity;

    /// <summary>Counts <paramref name="count"/> occurrences of <paramref name="key"/>, the earliest at <paramref name="row"/>.</summary>
    /// <param name="key">The value.</param>
    /// <param name="hash">The key's hash shifted left past the partition bits: its top bits place the slot.</param>
    /// <param name="row">The table row of the earliest of the occurrences (≥ 0).</param>
    /// <param name="count">How many occurrences (≥ 1).</param>
    /// <returns>
    /// -1 when the key is new; otherwise the row that is now a repeat: the later of <paramref name="row"/> and the
    /// group's first row (the earlier one stays the first row), so the result does not depend on arrival order.
    /// </returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Add(long key, ulong hash, long row, long count)
    {
        if (Count >= _growAt)
        {
            Grow(Count + 1);
        }
        var slots = _slots;
        var capacity = _capacity;
        var slot = (int)Math.BigMul(hash, (ulong)(uint)capacity, out _);
        while (true)
        {
            var entry = slots + slot;
            if (entry->Tag == 0)
            {
                entry->Key = key;
                entry->Tag = count == 1 && row <= MaxInlineRow ? (uint)row + 1 : NewGroup(row, count);
                Count++;
                return -1;
            }
            if (entry->Key == key)
            {
                return AddToGroup(ref *entry, row, count);
            }
            if (++slot == capacity)
            {
                slot = 0;
            }
        }
    }

    /// <summary>
    /// Asks the CPU to load the slot where a key's probe will start: a worker prefetches a few keys ahead, so the
    /// cache misses of a run of inserts overlap instead of queueing one behind the other.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(ulong hash)
    {
        if (Sse.IsSupported && _slots != null)
        {
            Sse.Prefetch0(_slots + (int)Math.BigMul(hash, (ulong)(uint)_capacity, out _));
        }
    }

    private long AddToGroup(ref Slot entry, long row, long count)
    {
        if (entry.Tag < GroupBit)
        {
            entry.Tag = NewGroup(entry.Tag - 1L, 1);
        }
        ref var group = ref _groups[entry.Tag & ~GroupBit];
        group.Count += count;
        if (row < group.FirstRow)
        {
            (row, group.FirstRow) = (group.FirstRow, row);
        }
        return row;
    }

    private uint NewGroup(long firstRow, long count)
    {
        if (_groupCount == _groups.Length)
        {
            Array.Resize(ref _groups, Math.Max(4, _groups.Length * 2));
        }
        _groups[_groupCount] = new Group(firstRow, count);
        return GroupBit | (uint)_groupCount++;
    }

    /// <summary>Every group: key, count and first row, in no particular order.</summary>
    public IEnumerable<(long Key, long Count, long FirstRow)> Groups()
    {
        for (var slot = 0; slot < _capacity; slot++)
        {
            var entry = At(slot);
            if (entry.Tag == 0)
            {
                continue;
            }
            if (entry.Tag < GroupBit)
            {
                yield return (entry.Key, 1, entry.Tag - 1L);
            }
            else
            {
                var group = _groups[entry.Tag & ~GroupBit];
                yield return (entry.Key, group.Count, group.FirstRow);
            }
        }
    }

    /// <summary>
    /// Adds every group that occurs twice or more: its count to <paramref name="members"/>, its first row to
    /// <paramref name="firstRows"/>. A straight walk over the slots, for the duplicate check's result.
    /// </summary>
    public void AddRepeated(SmallestRows firstRows, ref long members)
    {
        for (var slot = 0; slot < _capacity; slot++)
        {
            var entry = _slots + slot;
            if (entry->Tag >= GroupBit && _groups[entry->Tag & ~GroupBit] is { Count: > 1 } group)
            {
                members += group.Count;
                firstRows.Add(group.FirstRow, entry->Key);
            }
        }
    }

    /// <summary>
    /// Makes room for <paramref name="count"/> keys in all before a bulk insert. Required before merging another
    /// table's partition: its keys arrive in hash order, region by region, and without room a region would overfill
    /// and grow one cluster across the partition (quadratic probing cost).
    /// </summary>
    public void Reserve(int count)
    {
        if (count > _growAt)
        {
            Grow(count);
        }
    }

    /// <summary>Drops every group (after another table absorbed this one) and gives the memory back.</summary>
    public void Clear()
    {
        Release();
        (_groups, _growAt, _groupCount, Count) = ([], 0, 0, 0);
    }

    ~IntegerGroupPartition() => Release();

    private Slot At(int slot) => _slots[slot];

    /// <summary>Frees the slots and takes back the pressure they were reported as.</summary>
    private void Release()
    {
        if (_slots != null)
        {
            FreeSlots(takeBackPressure: true);
            _slots = null;
            _capacity = 0;
        }
    }

    /// <summary>
    /// Frees the current slots, unless they are the planned slice (the table's arena owns those, and reported them).
    /// The pressure a partition reported sums to its current capacity; it is taken back when the slots go for good.
    /// </summary>
    private void FreeSlots(bool takeBackPressure)
    {
        if (_inPlannedSlice)
        {
            _inPlannedSlice = false;
            return;
        }
        NativeMemory.Free(_slots);
        if (takeBackPressure)
        {
            GC.RemoveMemoryPressure((long)_capacity * sizeof(Slot));
        }
    }

    private void Grow(int count)
    {
        if (_planned is { } planned && !_inPlannedSlice && _capacity < planned.SlotsPerPartition
            && count >= planned.WideAt && count <= GrowAt(planned.SlotsPerPartition))
        {
            // Wide enough: straight to the presized slice, the last move this partition makes.
            Rehash((Slot*)planned.Slice(_index), planned.SlotsPerPartition, takeBackPressure: true);
            _inPlannedSlice = true;
            return;
        }
        var capacity = Math.Max(_capacity, _initialCapacity);
        while (count > GrowAt(capacity))
        {
            capacity = capacity < DoublingBelow ? capacity * 2 : checked(capacity + capacity / 4);
        }
        // Native memory, freed as soon as it is rehashed: a garbage-collected array would linger until a full
        // collection, and the sum of all the arrays a growing table leaves behind is several times the table.
        var slots = (Slot*)NativeMemory.AllocZeroed((nuint)capacity, (nuint)sizeof(Slot));
        // Only the growth counts as pressure: reporting each new array and removing each old one made the collector
        // run a full collection every few growths (26 per 10M ids) although the memory held grows by a quarter.
        // (A partition leaving its planned slice reports all of its new array: the arena reported the slice.)
        GC.AddMemoryPressure((long)(capacity - (_inPlannedSlice ? 0 : _capacity)) * sizeof(Slot));
        Rehash(slots, capacity, takeBackPressure: false);
    }

    /// <summary>Moves every slot into <paramref name="slots"/> (zeroed, <paramref name="capacity"/> long) and frees the old ones.</summary>
    /// <param name="slots">The new slots.</param>
    /// <param name="capacity">How many.</param>
    /// <param name="takeBackPressure">Whether the old slots' pressure goes too (the new ones were reported apart).</param>
    private void Rehash(Slot* slots, int capacity, bool takeBackPressure)
    {
        for (var i = 0; i < _capacity; i++)
        {
            var entry = _slots[i];
            if (entry.Tag == 0)
            {
                continue;
            }
            var slot = (int)Math.BigMul(IntegerGroupTable.Hash(entry.Key) << IntegerGroupTable.PartitionBits, (ulong)(uint)capacity, out _);
            while (slots[slot].Tag != 0)
            {
                if (++slot == capacity)
                {
                    slot = 0;
                }
            }
            slots[slot] = entry;
        }
        if (_slots != null)
        {
            FreeSlots(takeBackPressure);
        }
        _slots = slots;
        (_capacity, _growAt) = (capacity, GrowAt(capacity));
    }

    /// <summary>
    /// 80 % load: at 85 % the probes of 10M random ids (about 22 slots for a new key at the peak) made the fill 15 %
    /// slower; at 75 % it was no faster than at 80 %.
    /// </summary>
    private static int GrowAt(int capacity) => capacity / 5 * 4;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public long Key;

        /// <summary>0: empty; below 2^31: the only occurrence's row + 1; else 2^31 + the index of its group.</summary>
        public uint Tag;
    }

    private record struct Group(long FirstRow, long Count);
}
