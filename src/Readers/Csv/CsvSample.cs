namespace Dq.Readers.Csv;

/// <summary>
/// The first rows of a file, copied out of the read buffer so that their types can be inferred before any batch is
/// built; they are then appended like any other block. This is what makes the reader a single pass.
/// </summary>
internal sealed class CsvSample
{
    private byte[] _bytes = new byte[1 << 16];
    private int _length;

    public CsvSample(int columns) => Block = new CsvFieldBlock(columns, 64) { Buffer = _bytes };

    public CsvFieldBlock Block { get; }

    public int Rows => Block.Rows;

    /// <summary>Copies the rows of <paramref name="source"/> (a tokenizer block) into the sample.</summary>
    public void Add(CsvFieldBlock source)
    {
        CsvFieldBlock block = Block;
        if (block.Rows + source.Rows > block.RowCapacity)
        {
            block.Grow(Math.Max(block.RowCapacity * 2, block.Rows + source.Rows));
        }
        int columns = block.Columns;
        for (int r = 0; r < source.Rows; r++)
        {
            int row = block.Rows++;
            block.Lines[row] = source.Lines[r];
            for (int c = 0; c < columns; c++)
            {
                ReadOnlySpan<byte> field = source.Field(r, c);
                if (_length + field.Length > _bytes.Length)
                {
                    Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + field.Length));
                    block.Buffer = _bytes;
                }
                field.CopyTo(_bytes.AsSpan(_length));
                block.Starts[row * columns + c] = _length;
                _length += field.Length;
                block.Ends[row * columns + c] = _length;
            }
        }
    }

    /// <summary>The type of each column over the sample: the widest type of its non-null values (see <see cref="CsvValueParser"/>).</summary>
    public InferredType Infer(int column, CsvNullTokens nulls)
    {
        InferredType type = InferredType.Unknown;
        for (int r = 0; r < Block.Rows && type != InferredType.String; r++)
        {
            ReadOnlySpan<byte> value = Block.Field(r, column);
            if (!nulls.IsNull(value))
            {
                type = CsvValueParser.Widen(type, CsvValueParser.Classify(value));
            }
        }
        return type;
    }
}
