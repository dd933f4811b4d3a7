namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// The slots an <see cref="IntegerGroupTable"/> sets aside when it knows how many keys may come (a uniqueness check
/// over a known number of rows): one <see cref="HugePageArena"/> cut into one slice per partition, each sized for the
/// partition's share of the keys. A partition moves into its slice once it holds <see cref="WideAt"/> keys.
/// </summary>
/// <remarks>
/// <para>
/// A growing partition allocates, zeroes, faults in and rehashes about five times its final size (it grows by a
/// quarter at a time): for 10M ids that was a third of the check's time, and the page faults of two workers
/// serialize in the kernel. Moving once into a presized slice skips all that, and the probes are shorter, since the
/// load rises from 0 to <see cref="TargetLoad"/> instead of staying between 0.64 and 0.8.
/// </para>
/// <para>
/// A partition moves only once it has shown the column to be wide (<see cref="WideAt"/>, an eighth of its share of
/// the rows), so a failed check over a column of few values never touches the arena. A column with at least that
/// many distinct values gets the memory a unique column of the same length would. A partition that outgrows its
/// slice (never, by the spread of the hash, when there are no more keys than expected) grows on its own as before.
/// </para>
/// </remarks>
internal sealed unsafe class PlannedSlots
{
    /// <summary>
    /// The load of a partition holding exactly its share of the expected keys: 0.7 keeps the mean probe of the fill
    /// short and leaves 14 % headroom below the 80 % growth point for partitions that get more than their share.
    /// </summary>
    private const double TargetLoad = 0.7;

    /// <summary>Below this many expected keys a partition, grown, would be a few KB: growth costs little.</summary>
    private const long MinimumKeysPerPartition = 1024;

    private readonly int _slotBytes;
    private readonly Lock _gate = new();
    private HugePageArena? _arena;

    private PlannedSlots(int slotsPerPartition, int wideAt, int slotBytes)
    {
        SlotsPerPartition = slotsPerPartition;
        WideAt = wideAt;
        _slotBytes = slotBytes;
    }

    /// <summary>The slots of each partition's slice.</summary>
    public int SlotsPerPartition { get; }

    /// <summary>How many keys a partition holds before it moves into its slice.</summary>
    public int WideAt { get; }

    /// <summary>The arena, once a partition asked for its slice (for tests).</summary>
    public HugePageArena? Arena => _arena;

    /// <summary>
    /// The plan for a table expecting up to <paramref name="expectedKeys"/> keys, or null when the table is small
    /// enough that growth is cheap (or the slices would not fit a partition's 31-bit slot index).
    /// </summary>
    /// <param name="expectedKeys">The most keys expected (0: unknown).</param>
    /// <param name="slotBytes">The bytes of one slot.</param>
    public static PlannedSlots? For(long expectedKeys, int slotBytes)
    {
        var perPartition = expectedKeys / IntegerGroupTable.PartitionCount;
        if (perPartition < MinimumKeysPerPartition)
        {
            return null;
        }
        var slots = Math.Ceiling(perPartition / TargetLoad);
        return slots > int.MaxValue / 2 ? null : new PlannedSlots((int)slots, (int)(perPartition / 8), slotBytes);
    }

    /// <summary>The zeroed slice of a partition; the first call allocates the arena for all of them.</summary>
    public void* Slice(int partition)
    {
        lock (_gate)
        {
            _arena ??= new HugePageArena(checked((nuint)IntegerGroupTable.PartitionCount * (nuint)SlotsPerPartition * (nuint)_slotBytes));
            return (byte*)_arena.Pointer + ((nuint)partition * (nuint)SlotsPerPartition * (nuint)_slotBytes);
        }
    }

    /// <summary>Frees the arena: call only when no partition uses its slice any more.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _arena?.Free();
            _arena = null;
        }
    }
}
