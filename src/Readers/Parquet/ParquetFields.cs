using Apache.Arrow;
using Apache.Arrow.Types;
using ParquetSharp.Arrow;

namespace Dq.Readers.Parquet;

/// <summary>
/// The top-level fields of a Parquet file as Arrow C++ maps them: which are flat and readable (with the Arrow type dq
/// gives their batches) and which are nested, and the leaf column indices that projection passes to the reader.
/// </summary>
internal sealed class ParquetFields
{
    private readonly Dictionary<string, Entry> _byName = new(StringComparer.Ordinal);
    private readonly List<Entry> _inFileOrder = [];

    private sealed record Entry(string Name, int LeafIndex, Field? Readable, string? NestedShape);

    public ParquetFields(SchemaManifest manifest)
    {
        foreach (SchemaField field in manifest.SchemaFields)
        {
            var entry = NestedShapeOf(field.Field.DataType) is { } shape
                ? new Entry(field.Field.Name, -1, null, shape)
                : new Entry(field.Field.Name, field.ColumnIndex, new Field(field.Field.Name, ArrowNormalizer.TypeOf(field.Field.DataType), nullable: true), null);
            _inFileOrder.Add(entry);
            _byName.TryAdd(entry.Name, entry);
        }
        Schema = new Schema(_inFileOrder.Where(e => e.Readable is not null).Select(e => e.Readable!), null);
    }

    /// <summary>The flat fields, in file order, with the types of the batches.</summary>
    public Schema Schema { get; }

    /// <summary>
    /// The fields to read for <paramref name="columns"/> (all when null; unknown names are ignored), in file order, with
    /// their leaf column indices.
    /// </summary>
    /// <exception cref="Dq.Expectations.DataReadException">A requested column is nested.</exception>
    public (Field[] Fields, int[] LeafIndexes) Select(string path, IReadOnlyCollection<string>? columns)
    {
        var wanted = columns is null ? null : new HashSet<string>(columns, StringComparer.Ordinal);
        var selected = _inFileOrder.Where(e => wanted is null || wanted.Contains(e.Name)).ToList();
        if (selected.FirstOrDefault(e => e.NestedShape is not null) is { } nested)
        {
            throw ReaderErrors.NestedParquetColumn(path, nested.Name, nested.NestedShape!);
        }
        return ([.. selected.Select(e => e.Readable!)], [.. selected.Select(e => e.LeafIndex)]);
    }

    /// <summary>The Arrow nesting of a type (list, struct, map, union), or null for a flat type.</summary>
    private static string? NestedShapeOf(IArrowType type) => type switch
    {
        MapType => "map",
        ListType or LargeListType or FixedSizeListType or ListViewType => "list",
        StructType => "struct",
        UnionType => "union",
        DictionaryType { ValueType: var inner } => NestedShapeOf(inner),
        _ => null,
    };
}
