using Apache.Arrow;
using Apache.Arrow.Types;
using ParquetSharp;

namespace Dq.Readers.Parquet;

/// <summary>
/// Reads one INT96 timestamp column (Impala's and old Spark's format) through ParquetSharp's physical column reader, in
/// step with the Arrow batches, and converts it to microseconds exactly.
/// </summary>
/// <remarks>
/// Arrow C++ converts INT96 through 64-bit nanoseconds, which silently wraps for instants outside 1677–2262 (Spark files
/// hold such values: the corpus's <c>int96_from_spark.parquet</c> has one near the year 290,000). Microseconds since
/// the epoch hold every INT96 value Spark writes, so this reader computes them directly from the Julian day and the
/// nanoseconds of the day.
/// </remarks>
internal sealed class Int96Column : IDisposable
{
    private const long UnixEpochJulianDay = 2_440_588;
    private const long MicrosecondsPerDay = 86_400_000_000L;

    private readonly ParquetFileReader _file;
    private readonly int _leaf;
    private readonly TimestampType _type;
    private readonly string _name;
    private long _rowsRead;
    private int _nextGroup;
    private RowGroupReader? _group;
    private ColumnReader<Int96>? _reader;
    private short[] _definitions = [];
    private Int96[] _values = [];

    /// <param name="file">A reader of the file, shared by the INT96 columns of a read and owned by the caller.</param>
    /// <param name="leaf">The column's leaf index.</param>
    /// <param name="name">The column's name, for errors.</param>
    /// <param name="type">The Arrow type of the batches' column.</param>
    public Int96Column(ParquetFileReader file, int leaf, string name, TimestampType type)
    {
        _file = file;
        _leaf = leaf;
        _name = name;
        _type = type;
    }

    public static bool IsInt96(FileMetaData metadata, int leaf) => metadata.Schema.Column(leaf).PhysicalType == PhysicalType.Int96;

    /// <summary>The next <paramref name="rows"/> values, continuing into the next row groups as needed.</summary>
    public TimestampArray Next(int rows)
    {
        var bytes = new byte[rows * sizeof(long)];
        Span<long> micros = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(bytes.AsSpan());
        var validity = new ArrowBuffer.BitmapBuilder(rows);
        int nulls = 0;
        EnsureCapacity(rows);
        int filled = 0;
        while (filled < rows)
        {
            ColumnReader<Int96> reader = Current();
            long levels = reader.ReadBatch(rows - filled, _definitions, [], _values, out long valueCount);
            if (levels == 0)
            {
                throw new InvalidDataException($"an INT96 column ended after {filled} of the {rows} rows of a batch.");
            }
            short maxDefinition = reader.ColumnDescriptor.MaxDefinitionLevel;
            int value = 0;
            for (var i = 0; i < levels; i++)
            {
                bool valid = maxDefinition == 0 || _definitions[i] == maxDefinition;
                validity.Append(valid);
                if (valid)
                {
                    micros[filled + i] = Microseconds(_values[value++], _rowsRead + filled + i);
                }
                else
                {
                    nulls++;
                }
            }
            if (value != valueCount)
            {
                throw new InvalidDataException($"an INT96 page declares {valueCount} values for {value} defined levels.");
            }
            filled += (int)levels;
        }
        _rowsRead += rows;
        ArrowBuffer bits = nulls == 0 ? ArrowBuffer.Empty : validity.Build();
        var values = new ArrowBuffer(bytes);
        return new TimestampArray(new ArrayData(_type, rows, nulls, 0, [bits, values]));
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _group?.Dispose();
    }

    /// <summary>Microseconds since the Unix epoch: nanoseconds of the day (8 bytes) then the Julian day (4 bytes).</summary>
    private long Microseconds(Int96 value, long row)
    {
        long nanosOfDay = (long)(((ulong)(uint)value.B << 32) | (uint)value.A);
        Int128 micros = ((Int128)(value.C - UnixEpochJulianDay) * MicrosecondsPerDay) + (nanosOfDay / 1000);
        if (micros < long.MinValue || micros > long.MaxValue)
        {
            throw new InvalidDataException(
                $"column `{_name}`, row {row:N0}: the INT96 timestamp (Julian day {value.C:N0}) is outside the range of microsecond " +
                "timestamps (about 290,000 years either side of 1970), so it cannot be read without losing it. Rewrite the column " +
                "as INT64 timestamps (milliseconds reach further), or filter such rows out before validating.");
        }
        return (long)micros;
    }

    private ColumnReader<Int96> Current()
    {
        while (_reader is null || !_reader.HasNext)
        {
            _reader?.Dispose();
            _group?.Dispose();
            if (_nextGroup >= _file.FileMetaData.NumRowGroups)
            {
                throw new InvalidDataException("an INT96 column has fewer values than its row groups declare.");
            }
            _group = _file.RowGroup(_nextGroup++);
            _reader = (ColumnReader<Int96>)_group.Column(_leaf);
        }
        return _reader;
    }

    private void EnsureCapacity(int rows)
    {
        if (_definitions.Length < rows)
        {
            _definitions = new short[rows];
            _values = new Int96[rows];
        }
    }
}
