using Apache.Arrow;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Readers.Parquet;
using global::Parquet;

namespace Dq.Readers;

/// <summary>
/// A flat Parquet file, read with Parquet.Net one row group at a time: each row group becomes one record batch, or
/// several of at most <see cref="BatchSize"/> rows.
/// </summary>
/// <remarks>
/// <para>
/// Types map as follows, every column nullable: bool → bool; int8/16/32/64 and uint8/16/32/64 → the same Arrow
/// integers; float16 → float32; float → float32; double → float64; UTF-8 strings → string; other byte arrays → binary;
/// date → date32; timestamps (and INT96) → timestamp in microseconds, with time zone <c>UTC</c> when the file marks
/// them adjusted to UTC; decimal → decimal128 with the file's precision and scale, or float64 when the precision is
/// above 38. Decimal values are read through <see cref="decimal"/>, so a value beyond its 28–29 digits cannot be read.
/// </para>
/// <para>
/// Nested columns (struct, list, map) and types without a mapping (time of day, UUID, intervals) are left out of
/// <see cref="Schema"/>; asking <see cref="ReadBatches"/> for one, or for all columns of a file that has one, is a
/// <see cref="DataReadException"/>.
/// </para>
/// </remarks>
public sealed class ParquetSource : IBatchSource
{
    private readonly HashSet<string> _float16 = new(StringComparer.Ordinal);
    private IReadOnlyList<ParquetColumn>? _columns;
    private Schema? _schema;
    private bool _disposed;

    /// <summary>Creates a source over the Parquet file at <paramref name="path"/>. Nothing is read until it is needed.</summary>
    /// <param name="path">The path of the file; it is also the <see cref="Name"/> of the source.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public ParquetSource(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Name = path;
    }

    /// <summary>The path of the file.</summary>
    public string Name { get; }

    /// <summary>The largest number of rows in a batch; a larger row group is split. Defaults to 65,536.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int BatchSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = CsvReaderOptions.DefaultBatchSize;

    /// <summary>
    /// The largest column chunk, uncompressed, that is decoded: a larger one (a decompression bomb, or a corrupt size) is
    /// a <see cref="DataReadException"/> before anything is allocated. Defaults to 1 GiB.
    /// </summary>
    public long MaxColumnChunkBytes { get; init; } = 1L << 30;

    /// <summary>
    /// How long one column of one row group may take to decode before the read stops with a <see cref="DataReadException"/>:
    /// a guard against a malformed page that would make the decoder loop. Defaults to 60 seconds.
    /// </summary>
    public TimeSpan DecodeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The flat, readable columns of the file in file order, with their Arrow types (see the remarks of the class).</summary>
    /// <exception cref="DataReadException">The file is missing or is not a readable Parquet file.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public Schema Schema
    {
        get
        {
            LoadColumns();
            return _schema!;
        }
    }

    /// <summary>Reads the row groups in order, decoding only the requested columns.</summary>
    /// <param name="columns">The columns to read, or <see langword="null"/> for all; names not in the file are ignored.</param>
    /// <param name="cancellationToken">Stops reading between batches.</param>
    /// <returns>The batches, with the requested columns in file order.</returns>
    /// <exception cref="DataReadException">
    /// The file is missing or corrupt, or a requested column is nested or of an unsupported type.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Read(columns, cancellationToken);
    }

    /// <summary>Marks the source as disposed; the file is only open while batches are read.</summary>
    public void Dispose() => _disposed = true;

    private IEnumerable<RecordBatch> Read(IReadOnlyCollection<string>? columns, CancellationToken cancellationToken)
    {
        ParquetColumn[] selected = Select(LoadColumns(), columns);
        var batchSchema = new Schema(selected.Select(c => c.Arrow!), null);
        ParquetReader reader = Open();
        try
        {
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                IArrowArray[] arrays = ReadRowGroup(reader, g, selected, cancellationToken, out int rowCount);
                for (int offset = 0; offset < rowCount; offset += BatchSize)
                {
                    int length = Math.Min(BatchSize, rowCount - offset);
                    yield return length == rowCount
                        ? new RecordBatch(batchSchema, arrays, rowCount)
                        : new RecordBatch(batchSchema, [.. arrays.Select(a => ArrowArrayFactory.Slice(a, offset, length))], length);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            Close(reader);
        }
    }

    private IArrowArray[] ReadRowGroup(ParquetReader reader, int index, ParquetColumn[] selected, CancellationToken cancellationToken, out int rowCount)
    {
        string current = "";
        try
        {
            ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(index);
            long rows = rowGroup.RowCount;
            if (rows is < 0 or > int.MaxValue)
            {
                throw ReaderErrors.CorruptParquet(Name, index, selected.FirstOrDefault()?.Name ?? "", null, $"the row group declares {rows} rows.");
            }
            rowCount = (int)rows;
            var arrays = new IArrowArray[selected.Length];
            for (int c = 0; c < selected.Length; c++)
            {
                current = selected[c].Name;
                arrays[c] = DecodeGuarded(reader, rowGroup, index, selected[c], rowCount, cancellationToken);
                if (arrays[c].Length != rowCount)
                {
                    throw ReaderErrors.CorruptParquet(Name, index, current, null, $"it has {arrays[c].Length} values but the row group has {rowCount} rows.");
                }
            }
            return arrays;
        }
        catch (Exception ex) when (ex is not (DataReadException or OperationCanceledException))
        {
            throw ReaderErrors.CorruptParquet(Name, index, current, ex);
        }
    }

    /// <summary>
    /// Decodes one column chunk on a worker, bounded in size (from the chunk's metadata, before decoding) and in time:
    /// Parquet.Net's decoders run synchronously and do not observe cancellation inside a page, so a page that made one
    /// loop could not be stopped from this thread; the wait can, and the read fails instead of hanging.
    /// </summary>
    private IArrowArray DecodeGuarded(ParquetReader reader, ParquetRowGroupReader rowGroup, int index, ParquetColumn column, int rowCount, CancellationToken cancellationToken)
    {
        var chunk = reader.Metadata?.RowGroups[index].Columns.FirstOrDefault(c => c.MetaData?.PathInSchema is [var name] && name == column.Name);
        long size = chunk?.MetaData?.TotalUncompressedSize ?? 0;
        if (size < 0 || size > MaxColumnChunkBytes)
        {
            throw ReaderErrors.CorruptParquet(Name, index, column.Name, null,
                $"the column chunk declares {size:N0} bytes uncompressed, beyond the limit of {MaxColumnChunkBytes:N0} (ParquetSource.MaxColumnChunkBytes).");
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<IArrowArray> task = Task.Run(() => ParquetColumnDecoder.Decode(rowGroup, column, rowCount, stop.Token), stop.Token);
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(DecodeTimeout))
        {
            stop.Cancel();
            throw ReaderErrors.ParquetTimeout(Name, index, column.Name, DecodeTimeout);
        }
        return task.GetAwaiter().GetResult();
    }

    private ParquetColumn[] Select(IReadOnlyList<ParquetColumn> all, IReadOnlyCollection<string>? columns)
    {
        var wanted = columns is null ? null : new HashSet<string>(columns, StringComparer.Ordinal);
        ParquetColumn[] selected = [.. all.Where(c => wanted is null || wanted.Contains(c.Name))];
        foreach (ParquetColumn column in selected)
        {
            if (column.NestedShape is { } shape)
            {
                throw ReaderErrors.NestedParquetColumn(Name, column.Name, shape);
            }
            if (column.UnsupportedType is { } type)
            {
                throw ReaderErrors.UnsupportedParquetColumn(Name, column.Name, type);
            }
        }
        return selected;
    }

    private IReadOnlyList<ParquetColumn> LoadColumns()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_columns is null)
        {
            ParquetReader reader = Open();
            ParquetColumn[] columns;
            try
            {
                columns = [.. reader.Schema.Fields.Select(f => ParquetColumn.Map(f, _float16))];
            }
            catch (Exception ex)
            {
                throw ReaderErrors.NotParquet(Name, ex);
            }
            finally
            {
                Close(reader);
            }
            _schema = new Schema(columns.Where(c => c.Arrow is not null).Select(c => c.Arrow!), null);
            _columns = columns;
        }
        return _columns;
    }

    // Parquet.Net is asynchronous only; the engine enumerates sources synchronously on its own thread, with no
    // synchronization context, so blocking here cannot deadlock.
    private static void Close(ParquetReader reader) => reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void ThrowIfEncrypted()
    {
        Span<byte> magic = stackalloc byte[4];
        using FileStream stream = File.OpenRead(Name);
        if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PARE"u8))
        {
            throw ReaderErrors.EncryptedParquet(Name);
        }
    }

    private ParquetReader Open()
    {
        if (!File.Exists(Name))
        {
            throw ReaderErrors.FileNotFound(Name);
        }
        ThrowIfEncrypted();
        var options = new ParquetOptions { UseDateOnlyTypeForDates = true };
        try
        {
            ParquetReader reader = ParquetReader.CreateAsync(Name, options).GetAwaiter().GetResult();
            // Parquet.Net cannot build a field for FLOAT16; without its logical type the column reads as 2-byte values.
            foreach (var element in reader.Metadata?.Schema ?? [])
            {
                if (element.LogicalType?.FLOAT16 is not null)
                {
                    element.LogicalType = null;
                    _float16.Add(element.Name);
                }
            }
            return reader;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw ReaderErrors.NotParquet(Name, ex);
        }
    }
}
