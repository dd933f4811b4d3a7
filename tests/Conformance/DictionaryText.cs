using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Conformance;

/// <summary>How the runner hands dq the text columns of a case.</summary>
public enum TextEncoding
{
    /// <summary>Plain <see cref="StringArray"/>s, as GX's pandas frame holds them.</summary>
    Plain,

    /// <summary>Dictionary arrays over the same values, as a Parquet reader hands over dictionary-encoded text.</summary>
    Dictionary,
}

/// <summary>
/// The shapes of text dictionary a producer may hand over. Each case and column gets one, chosen from the case id,
/// so a failure reproduces; the shapes differ in what a kernel could wrongly assume about a dictionary.
/// </summary>
public enum DictionaryLayout
{
    /// <summary>int32 indices, each value once, in order of first appearance: what a Parquet writer stores.</summary>
    FirstSeenInt32,

    /// <summary>
    /// int8 indices (int16 when the entries do not fit), values in reverse order after entries no row uses: index
    /// order is not value order, and the unused entries ("" and text sorting first and last) must not count.
    /// </summary>
    ReversedPaddedInt8,

    /// <summary>int16 indices, shuffled values among unused entries, and the first value stored twice (rows alternate).</summary>
    ShuffledPaddedInt16,

    /// <summary>
    /// uint32 indices of a slice (offset ≠ 0) of a longer array, values in descending order after an entry only the
    /// sliced-away rows use; half the nulls are null slots, half point at a null entry of the dictionary.
    /// </summary>
    SlicedNullEntryUInt32,
}

/// <summary>Encodes a plain string column as a dictionary array holding the same values row for row.</summary>
public static class DictionaryText
{
    /// <summary>Entries no row refers to; a kernel that judged or counted every entry would see them.</summary>
    private static readonly string[] s_unused = ["", "\u0001unused", "\uffffunused", "unused 2024-01-01"];

    /// <summary>The layout of one column of one case: deterministic, and spread over the layouts.</summary>
    public static DictionaryLayout LayoutFor(string caseId, string column) =>
        (DictionaryLayout)(StableHash($"{caseId}/{column}") % (uint)Enum.GetValues<DictionaryLayout>().Length);

    public static DictionaryArray Encode(StringArray plain, DictionaryLayout layout, int seed = 0)
    {
        var values = Enumerable.Range(0, plain.Length).Select(i => plain.GetString(i)).ToList();
        var distinct = values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return layout switch
        {
            DictionaryLayout.FirstSeenInt32 => Build(values, distinct, Int32Type.Default),
            DictionaryLayout.ReversedPaddedInt8 => Build(values, [.. s_unused[..2], .. Enumerable.Reverse(distinct), .. s_unused[2..]], Int8Type.Default),
            DictionaryLayout.ShuffledPaddedInt16 => Build(values, Shuffled([.. distinct, .. distinct.Take(1), .. s_unused], seed), Int16Type.Default),
            _ => Sliced(values, distinct),
        };
    }

    /// <summary>
    /// Rows point at an entry holding their value; when a value is stored several times, its rows take the copies in
    /// turn. A null row is a null slot, or (with <paramref name="nullEntry"/>) every other one points at that entry.
    /// </summary>
    private static DictionaryArray Build(IReadOnlyList<string?> values, IReadOnlyList<string?> entries, IArrowType indexType, int? nullEntry = null)
    {
        var copies = entries.Select((e, i) => (e, i)).Where(p => p.e is not null).GroupBy(p => p.e!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray(), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var nulls = 0;
        var positions = values.Select(v =>
        {
            if (v is null)
            {
                return nullEntry is { } entry && nulls++ % 2 == 1 ? entry : (int?)null;
            }
            var turn = seen[v] = seen.GetValueOrDefault(v) + 1;
            return copies[v][(turn - 1) % copies[v].Length];
        }).ToList();
        var type = Widened(indexType, entries.Count);
        var dictionary = Strings(entries);
        return new DictionaryArray(new DictionaryType(type, StringType.Default, false), Indices(positions, type), dictionary);
    }

    /// <summary>Two rows before and one after the values, sliced away: the indices and validity are read from offset 2.</summary>
    private static DictionaryArray Sliced(IReadOnlyList<string?> values, List<string> distinct)
    {
        List<string?> entries = ["padding", null, .. distinct.Order(StringComparer.Ordinal).Reverse()];
        List<string?> padded = ["padding", "padding", .. values, "padding"];
        var whole = Build(padded, entries, UInt32Type.Default, nullEntry: 1);
        return (DictionaryArray)ArrowArrayFactory.Slice(whole, 2, values.Count);
    }

    /// <summary>The narrow index type when the entries fit in it, else the next wider one.</summary>
    private static IArrowType Widened(IArrowType type, int entries) => type switch
    {
        Int8Type when entries > sbyte.MaxValue => Widened(Int16Type.Default, entries),
        Int16Type when entries > short.MaxValue => Int32Type.Default,
        _ => type,
    };

    private static IArrowArray Indices(List<int?> positions, IArrowType type) => type switch
    {
        Int8Type => Append(new Int8Array.Builder(), positions, (b, p) => b.Append(checked((sbyte)p)), b => b.AppendNull()).Build(),
        Int16Type => Append(new Int16Array.Builder(), positions, (b, p) => b.Append(checked((short)p)), b => b.AppendNull()).Build(),
        Int32Type => Append(new Int32Array.Builder(), positions, (b, p) => b.Append(p), b => b.AppendNull()).Build(),
        UInt32Type => Append(new UInt32Array.Builder(), positions, (b, p) => b.Append(checked((uint)p)), b => b.AppendNull()).Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "no index builder for this type"),
    };

    private static TBuilder Append<TBuilder>(TBuilder builder, List<int?> positions, Action<TBuilder, int> append, Action<TBuilder> appendNull)
    {
        foreach (var position in positions)
        {
            if (position is { } p) { append(builder, p); } else { appendNull(builder); }
        }
        return builder;
    }

    private static StringArray Strings(IEnumerable<string?> values)
    {
        var builder = new StringArray.Builder();
        foreach (var value in values)
        {
            if (value is null) { builder.AppendNull(); } else { builder.Append(value); }
        }
        return builder.Build();
    }

    private static List<string?> Shuffled(List<string?> entries, int seed)
    {
        var random = new Random(seed);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries));
        return entries;
    }

    /// <summary>FNV-1a: string.GetHashCode differs from run to run, and a failing case must reproduce.</summary>
    internal static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }
        return hash;
    }
}
