using Apache.Arrow;

namespace Dq.Readers.Tests;

/// <summary>Turns record batches into plain rows of .NET values, for comparisons.</summary>
internal static class BatchValues
{
    public static List<object?[]> Rows(IEnumerable<RecordBatch> batches)
    {
        var rows = new List<object?[]>();
        foreach (RecordBatch batch in batches)
        {
            for (int r = 0; r < batch.Length; r++)
            {
                rows.Add([.. batch.Arrays.Select(a => Value(a, r))]);
            }
        }
        return rows;
    }

    public static List<object?[]> ReadAll(Dq.Expectations.Columns.IBatchSource source, IReadOnlyCollection<string>? columns = null) =>
        Rows(source.ReadBatches(columns));

    public static object? Value(IArrowArray array, int index) => array switch
    {
        _ when array.IsNull(index) => null,
        DictionaryArray a => Value(a.Dictionary, DictionaryIndex(a.Indices, index)),
        StringArray a => a.GetString(index),
        BinaryArray a => a.GetBytes(index).ToArray(),
        BooleanArray a => a.GetValue(index),
        Int8Array a => a.GetValue(index),
        Int16Array a => a.GetValue(index),
        Int32Array a => a.GetValue(index),
        Int64Array a => a.GetValue(index),
        UInt8Array a => a.GetValue(index),
        UInt16Array a => a.GetValue(index),
        UInt32Array a => a.GetValue(index),
        UInt64Array a => a.GetValue(index),
        FloatArray a => a.GetValue(index),
        DoubleArray a => a.GetValue(index),
        Decimal128Array a => a.GetValue(index),
        Date32Array a => a.GetDateOnly(index),
        TimestampArray a => a.GetTimestamp(index),
        Apache.Arrow.Arrays.FixedSizeBinaryArray a => a.GetBytes(index).ToArray(),
        _ => throw new NotSupportedException(array.GetType().Name),
    };

    private static int DictionaryIndex(IArrowArray indices, int index) => indices switch
    {
        Int8Array i => i.GetValue(index)!.Value,
        Int16Array i => i.GetValue(index)!.Value,
        Int32Array i => i.GetValue(index)!.Value,
        Int64Array i => checked((int)i.GetValue(index)!.Value),
        UInt8Array i => i.GetValue(index)!.Value,
        UInt16Array i => i.GetValue(index)!.Value,
        UInt32Array i => checked((int)i.GetValue(index)!.Value),
        _ => throw new NotSupportedException(indices.GetType().Name),
    };
}
