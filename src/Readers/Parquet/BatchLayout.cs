using Apache.Arrow;
using Apache.Arrow.Types;
using ParquetSharp;

namespace Dq.Readers.Parquet;

/// <summary>
/// Where each requested column of a batch comes from: the Arrow C++ batch (most columns, normalized by
/// <see cref="ArrowNormalizer"/>) or an <see cref="Int96Column"/> read in step with it.
/// </summary>
internal sealed class BatchLayout : IDisposable
{
    private readonly int[] _arrowPosition;
    private readonly Int96Column?[] _int96;
    private readonly ParquetFileReader? _int96File;

    public BatchLayout(string path, Schema schema, int[] leaves, FileMetaData metadata)
    {
        Schema = schema;
        _arrowPosition = new int[leaves.Length];
        _int96 = new Int96Column?[leaves.Length];
        var arrowLeaves = new List<int>();
        for (var c = 0; c < leaves.Length; c++)
        {
            if (Int96Column.IsInt96(metadata, leaves[c]))
            {
                _int96File ??= new ParquetFileReader(path); // one physical reader for every INT96 column
                _int96[c] = new Int96Column(_int96File, leaves[c], schema.FieldsList[c].Name, (TimestampType)schema.FieldsList[c].DataType);
                _arrowPosition[c] = -1;
            }
            else
            {
                _arrowPosition[c] = arrowLeaves.Count;
                arrowLeaves.Add(leaves[c]);
            }
        }
        ArrowLeaves = [.. arrowLeaves];
    }

    public Schema Schema { get; }

    /// <summary>The leaf columns Arrow C++ decodes, in the order of its batches' columns.</summary>
    public int[] ArrowLeaves { get; }

    public IArrowArray[] Assemble(RecordBatch? native, int length)
    {
        if (native is not null && native.ColumnCount != ArrowLeaves.Length)
        {
            throw new InvalidDataException($"a batch has {native.ColumnCount} columns where {ArrowLeaves.Length} were asked for.");
        }
        var arrays = new IArrowArray[_arrowPosition.Length];
        for (var c = 0; c < arrays.Length; c++)
        {
            arrays[c] = _int96[c] is { } int96 ? int96.Next(length) : ArrowNormalizer.Normalize(native!.Column(_arrowPosition[c]));
            if (arrays[c].Length != length)
            {
                throw new InvalidDataException($"column `{Schema.FieldsList[c].Name}` has {arrays[c].Length} values in a batch of {length} rows.");
            }
        }
        return arrays;
    }

    public void Dispose()
    {
        foreach (Int96Column? column in _int96)
        {
            column?.Dispose();
        }
        _int96File?.Dispose();
    }
}
