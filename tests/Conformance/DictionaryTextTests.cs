using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Conformance;

/// <summary>
/// The dictionary variant of the runner is only as strong as its encoding: every layout must hold the plain
/// column's values row for row (nulls included), in the shape it promises, and the corpus must exercise every layout.
/// </summary>
public sealed class DictionaryTextTests
{
    private static readonly string?[] s_values = ["b", null, "a", "b", "", null, "é", "b", null, "\U0001F600", "a", null];

    public static TheoryData<DictionaryLayout> Layouts() => [.. Enum.GetValues<DictionaryLayout>()];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Encode_AnyLayout_HoldsThePlainValuesRowForRow(DictionaryLayout layout)
    {
        var encoded = DictionaryText.Encode(Plain(s_values), layout, seed: 7);

        var decoded = Enumerable.Range(0, encoded.Length).Select(row => Decoded(encoded, row)).ToList();
        Assert.Equal(s_values, decoded);
        Assert.Equal(StringType.Default.TypeId, ((DictionaryType)encoded.Data.DataType).ValueType.TypeId);
    }

    [Fact]
    public void Encode_PaddedLayouts_HaveUnusedEntriesAndIndexOrderUnlikeValueOrder()
    {
        foreach (var layout in new[] { DictionaryLayout.ReversedPaddedInt8, DictionaryLayout.ShuffledPaddedInt16, DictionaryLayout.SlicedNullEntryUInt32 })
        {
            var encoded = DictionaryText.Encode(Plain(s_values), layout, seed: 7);
            var used = Enumerable.Range(0, encoded.Length).Where(encoded.IsValid).Select(row => Index(encoded, row)).ToHashSet();
            Assert.True(used.Count < encoded.Dictionary.Length, $"{layout}: every entry is used");
            var firstSeen = Enumerable.Range(0, encoded.Length).Where(row => Decoded(encoded, row) is not null).Select(row => Index(encoded, row)).Distinct().ToList();
            Assert.False(firstSeen.SequenceEqual(firstSeen.Order()), $"{layout}: entries are in order of first appearance");
        }
    }

    [Fact]
    public void Encode_SlicedLayout_IsAnOffsetSliceWithANullEntryInUse()
    {
        var encoded = DictionaryText.Encode(Plain(s_values), DictionaryLayout.SlicedNullEntryUInt32);

        Assert.NotEqual(0, encoded.Offset);
        Assert.IsType<UInt32Array>(encoded.Indices);
        Assert.Contains(Enumerable.Range(0, encoded.Length), row => encoded.IsValid(row) && encoded.Dictionary.IsNull(Index(encoded, row)));
    }

    [Fact]
    public void Encode_NarrowLayouts_WidenTheIndexWhenTheEntriesDoNotFit()
    {
        var many = Enumerable.Range(0, 300).Select(i => (string?)$"v{i}").ToArray();

        var encoded = DictionaryText.Encode(Plain(many), DictionaryLayout.ReversedPaddedInt8);

        Assert.IsType<Int16Array>(encoded.Indices);
        Assert.Equal(many, Enumerable.Range(0, encoded.Length).Select(row => Decoded(encoded, row)));
    }

    [Fact]
    public void Corpus_TextColumns_UseEveryLayout()
    {
        var layouts = GxCorpus.Applicable
            .SelectMany(c => PandasTable.Build(c.Dataset, TextEncoding.Dictionary, c.Id).Schema.FieldsList
                .Where(f => f.DataType is DictionaryType)
                .Select(f => DictionaryText.LayoutFor(c.Id, f.Name)))
            .GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(Enum.GetValues<DictionaryLayout>(), l => Assert.True(layouts.GetValueOrDefault(l) >= 20, $"{l}: {layouts.GetValueOrDefault(l)} columns"));
    }

    private static StringArray Plain(IEnumerable<string?> values)
    {
        var builder = new StringArray.Builder();
        foreach (var value in values)
        {
            if (value is null) { builder.AppendNull(); } else { builder.Append(value); }
        }
        return builder.Build();
    }

    private static int Index(DictionaryArray array, int row) => array.Indices switch
    {
        Int8Array a => a.GetValue(row)!.Value,
        Int16Array a => a.GetValue(row)!.Value,
        Int32Array a => a.GetValue(row)!.Value,
        UInt32Array a => checked((int)a.GetValue(row)!.Value),
        var other => throw new InvalidOperationException(other.Data.DataType.Name),
    };

    private static string? Decoded(DictionaryArray array, int row) =>
        array.IsNull(row) ? null : ((StringArray)array.Dictionary).GetString(Index(array, row));
}
