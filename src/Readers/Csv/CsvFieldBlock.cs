namespace Dq.Readers.Csv;

/// <summary>
/// A block of parsed records: for record <c>r</c> and column <c>c</c>, the field's bytes are
/// <c>Buffer[Starts[r * Columns + c] .. Ends[r * Columns + c]]</c>, already unquoted and unescaped, and the record starts
/// on line <c>Lines[r]</c>. The tokenizer fills one over its read buffer; the inference sample keeps its own copy.
/// </summary>
internal sealed class CsvFieldBlock(int columns, int rowCapacity)
{
    public int Columns { get; } = columns;

    public byte[] Buffer { get; set; } = [];

    public int[] Starts { get; private set; } = new int[columns * rowCapacity];

    public int[] Ends { get; private set; } = new int[columns * rowCapacity];

    public long[] Lines { get; private set; } = new long[rowCapacity];

    public int RowCapacity => Lines.Length;

    public int Rows { get; set; }

    public ReadOnlySpan<byte> Field(int row, int column)
    {
        int i = row * Columns + column;
        return Buffer.AsSpan(Starts[i], Ends[i] - Starts[i]);
    }

    public void Grow(int rowCapacity)
    {
        Starts = Resize(Starts, rowCapacity * Columns);
        Ends = Resize(Ends, rowCapacity * Columns);
        Lines = Resize(Lines, rowCapacity);
    }

    /// <summary>Removes record <paramref name="row"/> (a skipped bad row found after the block was parsed).</summary>
    public void RemoveRow(int row)
    {
        int from = (row + 1) * Columns, to = row * Columns, count = (Rows - row - 1) * Columns;
        Array.Copy(Starts, from, Starts, to, count);
        Array.Copy(Ends, from, Ends, to, count);
        Array.Copy(Lines, row + 1, Lines, row, Rows - row - 1);
        Rows--;
    }

    private static T[] Resize<T>(T[] array, int length)
    {
        var resized = new T[length];
        array.AsSpan(0, Math.Min(array.Length, length)).CopyTo(resized);
        return resized;
    }
}
