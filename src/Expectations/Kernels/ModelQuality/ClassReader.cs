using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Kernels.MultiColumn;
using Dq.Expectations.ModelQuality;

namespace Dq.Expectations.Kernels.ModelQuality;

/// <summary>
/// Reads the binary class of each row of one label or prediction column. Text (plain or dictionary-encoded) is
/// compared as UTF-8 bytes, so no string is made per row; 32- and 64-bit integers as whole numbers; other types go through <see cref="CellReader"/>, which
/// does not box numbers.
/// </summary>
internal sealed class ClassReader
{
    private readonly IArrowArray _array;
    private readonly CellReader _cells;
    private readonly LabelClasses _classes;
    private readonly StringArray? _strings;
    private readonly IArrowArray? _indices;
    private readonly Int64Array? _int64;
    private readonly Int32Array? _int32;

    public ClassReader(IArrowArray array, LabelClasses classes)
    {
        _array = array;
        _cells = new CellReader(array);
        _classes = classes;
        (_strings, _indices) = array switch
        {
            StringArray s => (s, null),
            DictionaryArray { Dictionary: StringArray s } d => (s, d.Indices),
            _ => ((StringArray?)null, (IArrowArray?)null),
        };
        // Integer labels (the common 0/1 case) skip the cell and compare whole numbers.
        _int64 = array as Int64Array;
        _int32 = array as Int32Array;
    }

    /// <summary>The class of row <paramref name="row"/> of the array.</summary>
    public LabelClass Classify(int row)
    {
        if (_int64 is not null || _int32 is not null)
        {
            if (_array.NullCount != 0 && _array.IsNull(row))
            {
                return LabelClass.Missing;
            }
            return _classes.ClassifyInteger(_int64 is not null ? _int64.Values[row] : _int32!.Values[row]);
        }
        if (_strings is null)
        {
            return _classes.Classify(_cells.Read(row));
        }
        if (_array.NullCount != 0 && _array.IsNull(row))
        {
            return LabelClass.Missing;
        }
        return _classes.ClassifyText(_strings.GetBytes(_indices is null ? row : ArrowValues.DictionaryIndex(_indices, row)));
    }

    /// <summary>The row's value, to report a value of neither class.</summary>
    public Cell Read(int row) => _cells.Read(row);
}
