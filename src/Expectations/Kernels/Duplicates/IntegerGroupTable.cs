using System.Runtime.CompilerServices;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// The groups of an integer column's duplicate check or value counts: each distinct 64-bit key with its count and
/// first row, in <see cref="PartitionCount"/> independent <see cref="IntegerGroupPartition"/>s chosen by the top bits
/// of the key's hash. One table serves all workers of a run.
/// </summary>
/// <remarks>
/// <para>
/// Per-worker tables cost one full table per worker plus a merge, and a doubling table holds old and new arrays at
/// once. Here workers share one table: a worker sorts a block's keys by partition and inserts them partition by
/// partition under that partition's lock (<see cref="IntegerDuplicateState"/>), so two workers rarely want the same
/// partition, and a partition grows alone, so the transient of a growth is about 1/256 of the table.
/// </para>
/// <para>
/// Tables built apart (other runs, or <see cref="IntegerDuplicateState"/>s made one by one) merge by
/// <see cref="Absorb"/>: the absorbed table forwards to the absorbing one (<see cref="Root"/>), so states that shared
/// it see the merged groups and a later merge of them does not count them twice.
/// </para>
/// </remarks>
internal sealed class IntegerGroupTable
{
    /// <summary>Hash bits that choose the partition.</summary>
    public const int PartitionBits = 8;

    /// <summary>How many partitions a table has.</summary>
    public const int PartitionCount = 1 << PartitionBits;

    private readonly PlannedSlots? _planned;
    private IntegerGroupTable? _absorbedInto;

    /// <param name="expectedKeys">
    /// The most distinct keys expected, when known (the rows of a uniqueness check); 0 when unknown. Wide
    /// partitions then move once into presized slots (<see cref="PlannedSlots"/>) instead of growing step by step.
    /// It changes only speed and memory, never the groups.
    /// </param>
    public IntegerGroupTable(long expectedKeys = 0)
    {
        _planned = PlannedSlots.For(expectedKeys, IntegerGroupPartition.SlotBytes);
        // Starting sizes 16..31 spread the partitions' growth points, so the table's memory grows smoothly.
        Partitions = new IntegerGroupPartition[PartitionCount];
        for (var p = 0; p < PartitionCount; p++)
        {
            Partitions[p] = new IntegerGroupPartition(16 + (p * 7 % 16), p, _planned);
        }
    }

    /// <summary>The presized slots, if the table expects many keys (for tests).</summary>
    internal PlannedSlots? Planned => _planned;

    public IntegerGroupPartition[] Partitions { get; }

    /// <summary>The table that holds this one's groups: itself, or the table that absorbed it.</summary>
    public IntegerGroupTable Root
    {
        get
        {
            var table = this;
            while (table._absorbedInto is { } next)
            {
                table = next;
            }
            return table;
        }
    }

    /// <summary>How many distinct keys the table holds.</summary>
    public long Count => Partitions.Sum(p => (long)p.Count);

    /// <summary>
    /// The key's hash: the partition is its top <see cref="PartitionBits"/> bits, the slot the bits below. Folding the
    /// high half into the low one first makes keys that differ only in their high bits spread; the Fibonacci
    /// multiplier then spreads runs of consecutive ids evenly (short probes for the commonest key shape).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(long key)
    {
        var x = (ulong)key;
        return (x ^ (x >> 32)) * 0x9E3779B97F4A7C15UL;
    }

    /// <summary>The partition of a hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PartitionOf(ulong hash) => (int)(hash >> (64 - PartitionBits));

    /// <summary>Counts occurrences of one key (one at a time, under the partition's lock).</summary>
    /// <returns>As <see cref="IntegerGroupPartition.Add"/>: -1 for a new key, else the row that became a repeat.</returns>
    public long Add(long key, long row, long count = 1)
    {
        var hash = Hash(key);
        var partition = Partitions[PartitionOf(hash)];
        lock (partition.Gate)
        {
            return partition.Add(key, hash << PartitionBits, row, count);
        }
    }

    /// <summary>Every group: key, count and first row, in no particular order.</summary>
    public IEnumerable<(long Key, long Count, long FirstRow)> Groups() => Partitions.SelectMany(p => p.Groups());

    /// <summary>
    /// Moves every group of <paramref name="other"/> (a table over other rows) into this one and makes it forward
    /// here. Call when no worker is writing to either.
    /// </summary>
    /// <param name="other">The table to absorb; it is emptied.</param>
    /// <param name="repeats">Receives the rows that become repeats where two groups of the same key meet; null to ignore them.</param>
    public void Absorb(IntegerGroupTable other, SmallestRows? repeats)
    {
        System.Diagnostics.Debug.Assert(_absorbedInto is null && other._absorbedInto is null && other != this, "Absorb roots only, once.");
        for (var p = 0; p < PartitionCount; p++)
        {
            var (mine, theirs) = (Partitions[p], other.Partitions[p]);
            mine.Reserve(mine.Count + theirs.Count);
            foreach (var (key, count, firstRow) in theirs.Groups())
            {
                var repeat = mine.Add(key, Hash(key) << PartitionBits, firstRow, count);
                if (repeat >= 0)
                {
                    repeats?.Add(repeat, key);
                }
            }
            theirs.Clear();
        }
        // Every partition of the other table has left its slice: its arena can go now rather than at finalization.
        other._planned?.Release();
        other._absorbedInto = this;
    }
}
