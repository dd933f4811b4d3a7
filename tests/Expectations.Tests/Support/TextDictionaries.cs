using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Expectations.Tests.Support;

/// <summary>
/// Dictionary encodings of a text column in the shapes producers hand over: any integer index type, entries in any
/// order, entries no row uses, a value stored twice, nulls as a null entry as well as null slots, and slices.
/// </summary>
internal static class TextDictionaries
{
    /// <summary>The index types Arrow allows, with the most entries each can address.</summary>
    public static readonly (IArrowType Type, int MaxEntries)[] IndexTypes =
    [
        (Int8Type.Default, sbyte.MaxValue + 1), (Int16Type.Default, short.MaxValue + 1), (Int32Type.Default, int.MaxValue),
        (Int64Type.Default, int.MaxValue), (UInt8Type.Default, byte.MaxValue + 1), (UInt16Type.Default, ushort.MaxValue + 1),
        (UInt32Type.Default, int.MaxValue), (UInt64Type.Default, int.MaxValue),
    ];

    public static DictionaryType Type(IArrowType indexType) => new(indexType, StringType.Default, false);

    /// <summary>
    /// The values as a dictionary array of <paramref name="indexType"/>, in a shape drawn from
    /// <paramref name="random"/>; at most <paramref name="maxEntries"/> entries.
    /// </summary>
    public static DictionaryArray Encode(IReadOnlyList<string?> values, IArrowType indexType, int maxEntries, Random random)
    {
        var distinct = values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var entries = new List<string?>(distinct);
        // Extra copies of some values, unused entries (which must count nowhere: "" and text sorting first and last
        // would change a minimum, a maximum or a distinct set) and a null entry, while the index type can address them.
        foreach (var value in distinct.Where(_ => random.Next(4) == 0).ToList())
        {
            entries.Add(value);
        }
        string[] unused = ["", "\u0001unused", "\uffffunused", "unused", "{\"unused\": 1}", "2000-01-01"];
        for (var i = random.Next(4) == 0 ? 0 : random.Next(1, 12); i > 0; i--)
        {
            entries.Add(unused[random.Next(unused.Length)] + (random.Next(2) == 0 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (random.Next(2) == 0)
        {
            entries.Add(null);
        }
        entries = [.. entries.Take(Math.Max(maxEntries - 1, distinct.Count))];
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries));
        return Build(values, entries, indexType, leading: random.Next(3) == 0 ? random.Next(1, 70) : 0, random);
    }

    /// <summary>
    /// Rows point at a random entry holding their value; a null row is a null slot or, when the dictionary has a null
    /// entry, sometimes a valid slot pointing at it. <paramref name="leading"/> extra rows come before the values and
    /// are sliced away, so the array's offset is not 0.
    /// </summary>
    private static DictionaryArray Build(IReadOnlyList<string?> values, List<string?> entries, IArrowType indexType, int leading, Random random)
    {
        var positions = entries.Select((e, i) => (e, i)).Where(p => p.e is not null).ToLookup(p => p.e!, p => p.i, StringComparer.Ordinal);
        var nullEntry = entries.IndexOf(null);
        var rows = new List<long?>();
        for (var i = 0; i < leading; i++)
        {
            rows.Add(entries.Count == 0 ? null : random.Next(entries.Count)); // sliced away: any entry, even one no kept row uses
        }
        foreach (var value in values)
        {
            rows.Add(value is null
                ? (nullEntry >= 0 && random.Next(2) == 0 ? nullEntry : null)
                : positions[value].ElementAt(random.Next(positions[value].Count())));
        }
        rows.Add(entries.Count == 0 ? null : random.Next(entries.Count));
        var whole = new DictionaryArray(Type(indexType), Indices(rows, indexType), Arrays.String(entries));
        return (DictionaryArray)ArrowArrayFactory.Slice(whole, leading, values.Count);
    }

    private static IArrowArray Indices(List<long?> rows, IArrowType type) => type switch
    {
        Int8Type => Indices(rows, type, sbyte.MaxValue),
        Int16Type => Indices(rows, type, short.MaxValue),
        Int32Type => Indices(rows, type, int.MaxValue),
        Int64Type => Indices(rows, type, long.MaxValue),
        UInt8Type => Indices(rows, type, byte.MaxValue),
        UInt16Type => Indices(rows, type, ushort.MaxValue),
        UInt32Type => Indices(rows, type, uint.MaxValue),
        UInt64Type => Indices(rows, type, ulong.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "not an index type"),
    };

    /// <summary>Null slots hold <paramref name="garbage"/>, not 0: a null slot's index may be anything, and must never be read.</summary>
    private static IArrowArray Indices<T>(List<long?> rows, IArrowType type, T garbage)
        where T : unmanaged, IBinaryInteger<T>
    {
        var values = new ArrowBuffer.Builder<T>(rows.Count);
        var validity = new ArrowBuffer.BitmapBuilder(rows.Count);
        foreach (var row in rows)
        {
            values.Append(row is { } r ? T.CreateChecked(r) : garbage);
            validity.Append(row is not null);
        }
        return ArrowArrayFactory.BuildArray(new ArrayData(type, rows.Count, validity.UnsetBitCount, 0, [validity.Build(), values.Build()]));
    }
}
