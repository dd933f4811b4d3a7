using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dq.Expectations.Kernels.Sets;

/// <summary>
/// A set of short UTF-8 strings (at most 16 bytes each: status names, IATA codes, currencies, country names), each
/// packed with its length into two 64-bit words, in an open-addressing table: a probe is two loads, one multiply and
/// usually one compare, with no byte-string hash and no comparer call.
/// </summary>
/// <remarks>
/// A string of 8 to 16 bytes packs as its first 8 bytes and its last 8 bytes (they overlap below 16); with the length
/// alongside, that determines every byte. A shorter string packs its bytes into the first word. A slot whose length
/// is 0 is empty: the empty string is kept apart in a flag.
/// </remarks>
internal sealed class ShortTextSet
{
    /// <summary>The longest member this set can hold, in bytes.</summary>
    public const int MaxLength = 16;

    private readonly Key[] _slots;
    private readonly int _shift;
    private readonly bool _hasEmpty;

    private readonly record struct Key(ulong Head, ulong Tail, int Length);

    private ShortTextSet(IReadOnlyCollection<byte[]> members)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, members.Count * 4));
        _slots = new Key[capacity];
        _shift = 64 - BitOperations.Log2((uint)capacity);
        foreach (var member in members)
        {
            if (member.Length == 0)
            {
                _hasEmpty = true;
                continue;
            }
            var key = Pack(member);
            var slot = Slot(key);
            while (_slots[slot].Length != 0 && _slots[slot] != key)
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
        if (utf8.Length is 0 or > MaxLength)
        {
            return utf8.Length == 0 && _hasEmpty;
        }
        var key = Pack(utf8);
        var slot = Slot(key);
        while (true)
        {
            ref readonly var found = ref _slots[slot];
            if (found.Head == key.Head && found.Tail == key.Tail && found.Length == key.Length)
            {
                return true;
            }
            if (found.Length == 0)
            {
                return false;
            }
            slot = (slot + 1) & (_slots.Length - 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(in Key key) => (int)(((key.Head ^ (key.Tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)key.Length) * 0x9E3779B97F4A7C15UL) >> _shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Key Pack(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= 8)
        {
            return new Key(BinaryPrimitives.ReadUInt64LittleEndian(utf8), BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]), utf8.Length);
        }
        if (utf8.Length >= 4)
        {
            ulong low = BinaryPrimitives.ReadUInt32LittleEndian(utf8);
            ulong high = BinaryPrimitives.ReadUInt32LittleEndian(utf8[^4..]);
            return new Key(low | (high << 32), 0, utf8.Length);
        }
        ulong packed = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            packed |= (ulong)utf8[i] << (8 * i);
        }
        return new Key(packed, 0, utf8.Length);
    }
}
