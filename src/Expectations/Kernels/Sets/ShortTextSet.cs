using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dq.Expectations.Kernels.Sets;

/// <summary>
/// A set of short UTF-8 strings (at most 7 bytes each: status codes, IATA codes, currencies), each packed with its
/// length into one 64-bit word, in an open-addressing table: a probe is one multiply and usually one compare,
/// with no byte-string hash and no comparer call.
/// </summary>
/// <remarks>The length byte (plus one) keeps every key non-zero, so 0 marks an empty slot.</remarks>
internal sealed class ShortTextSet
{
    /// <summary>The longest member this set can hold, in bytes.</summary>
    public const int MaxLength = 7;

    private readonly ulong[] _slots;
    private readonly int _shift;

    private ShortTextSet(IReadOnlyCollection<byte[]> members)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, members.Count * 4));
        _slots = new ulong[capacity];
        _shift = 64 - BitOperations.Log2((uint)capacity);
        foreach (var member in members)
        {
            var key = Pack(member);
            var slot = Slot(key);
            while (_slots[slot] != 0 && _slots[slot] != key)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }
            _slots[slot] = key;
        }
    }

    /// <summary>The set, or null when some member is longer than <see cref="MaxLength"/> bytes.</summary>
    public static ShortTextSet? TryCreate(IReadOnlyCollection<byte[]> members) =>
        members.All(m => m.Length <= MaxLength) ? new ShortTextSet(members) : null;

    /// <summary>Whether the value is a member.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return false;
        }
        var key = Pack(utf8);
        var slot = Slot(key);
        while (true)
        {
            var found = _slots[slot];
            if (found == key)
            {
                return true;
            }
            if (found == 0)
            {
                return false;
            }
            slot = (slot + 1) & (_slots.Length - 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pack(ReadOnlySpan<byte> utf8)
    {
        var key = (ulong)(utf8.Length + 1) << 56;
        for (var i = 0; i < utf8.Length; i++)
        {
            key |= (ulong)utf8[i] << (8 * i);
        }
        return key;
    }
}
