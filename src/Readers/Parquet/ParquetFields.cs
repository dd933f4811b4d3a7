using Apache.Arrow;
using Apache.Arrow.Types;
using ParquetSharp;
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

    /// <param name="manifest">Arrow C++'s mapping of the file's schema.</param>
    /// <param name="file">The file, whose row-group metadata says which text columns are dictionary-encoded.</param>
    /// <param name="dictionaryText">Whether text stored with small dictionaries is read as Arrow dictionaries.</param>
    public ParquetFields(SchemaManifest manifest, ParquetFileReader file, bool dictionaryText)
    {
        foreach (SchemaField field in manifest.SchemaFields)
        {
            Entry entry;
            if (NestedShapeOf(field.Field.DataType) is { } shape)
            {
                entry = new Entry(field.Field.Name, -1, null, shape);
            }
            else
            {
                IArrowType type = ArrowNormalizer.TypeOf(field.Field.DataType);
                if (dictionaryText && type is StringType && HasSmallDictionaries(file, field.ColumnIndex))
                {
                    type = new DictionaryType(Int32Type.Default, type, ordered: false);
                    DictionaryLeaves.Add(field.ColumnIndex);
                }
                entry = new Entry(field.Field.Name, field.ColumnIndex, new Field(field.Field.Name, type, nullable: true), null);
            }
            _inFileOrder.Add(entry);
            _byName.TryAdd(entry.Name, entry);
        }
        Schema = new Schema(_inFileOrder.Where(e => e.Readable is not null).Select(e => e.Readable!), null);
        // A negative count is corrupt metadata, which reading reports with its row group; as a hint it is just unknown.
        RowCount = file.FileMetaData.NumRows is var rows and >= 0 ? rows : null;
    }

    /// <summary>The rows the file's metadata declares; null if it declares a negative number.</summary>
    public long? RowCount { get; }

    /// <summary>The leaf columns read as Arrow dictionaries (their values are judged once per distinct entry).</summary>
    public HashSet<int> DictionaryLeaves { get; } = [];

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

    /// <summary>
    /// Whether every row group stores the column dictionary-encoded with a dictionary that is small next to its rows:
    /// at most about 4 bytes a value in all (indices plus dictionary). A chunk that fell back to plain pages, or whose
    /// values are mostly distinct, is larger, and reading it as a dictionary would only add hashing.
    /// </summary>
    private static bool HasSmallDictionaries(ParquetFileReader file, int leaf)
    {
        FileMetaData metadata = file.FileMetaData; // owned by the reader, which caches it
        if (metadata.NumRowGroups == 0)
        {
            return false;
        }
        for (var g = 0; g < metadata.NumRowGroups; g++)
        {
            using RowGroupReader group = file.RowGroup(g);
            using ColumnChunkMetaData chunk = group.MetaData.GetColumnChunkMetaData(leaf);
            bool dictionary = chunk.Encodings.Any(e => e is Encoding.PlainDictionary or Encoding.RleDictionary);
            if (!dictionary || chunk.TotalUncompressedSize > (4 * chunk.NumValues) + 4096)
            {
                return false;
            }
        }
        return true;
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
