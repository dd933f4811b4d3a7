using Apache.Arrow;
using Apache.Arrow.Ipc;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Readers.Parquet;
using ParquetSharp;
using ParquetSharp.Arrow;

namespace Dq.Readers;

/// <summary>
/// A Parquet file, decoded by Apache Arrow C++ (through ParquetSharp's Arrow reader) straight into Arrow record batches of
/// at most <see cref="BatchSize"/> rows, decoding only the requested columns.
/// </summary>
/// <remarks>
/// <para>
/// Types are Arrow C++'s mapping of the file (the Arrow schema stored by pyarrow and DuckDB writers is honoured), every
/// column nullable, with four changes so that every kernel can scan them: large strings and large binaries become
/// strings and binaries, float16 becomes float32, and decimals beyond 38 digits become doubles. INT96 timestamps are
/// read in microseconds (nanoseconds cannot hold the years such files often contain).
/// </para>
/// <para>
/// Nested columns (struct, list, map) are left out of <see cref="Schema"/>; asking <see cref="ReadBatches"/> for one, or
/// for all columns of a file that has one, is a <see cref="DataReadException"/>.
/// </para>
/// <para>
/// The batches hold native memory. <see cref="ReleaseBatch"/> frees a batch's at once (the engine calls it after
/// scanning each batch); a batch that is never released is freed when the garbage collector finds it unreachable.
/// </para>
/// </remarks>
public sealed class ParquetSource : IBatchSource
{
    private ParquetFields? _fields;
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

    /// <summary>The largest number of rows in a batch. Defaults to 65,536.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int BatchSize
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            field = value;
        }
    } = DefaultBatchSize;

    /// <summary>The default number of rows per batch: 64 Ki rows, the engine's block size.</summary>
    public const int DefaultBatchSize = 65_536;

    /// <summary>
    /// The largest column chunk, uncompressed, that is decoded: a larger one (a decompression bomb, or a corrupt size) is
    /// a <see cref="DataReadException"/> before anything is decoded. Defaults to 1 GiB.
    /// </summary>
    public long MaxColumnChunkBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Whether Arrow C++ decodes the columns of a batch in parallel on its own thread pool. Defaults to
    /// <see langword="true"/> on a machine with more than one core: decoding is usually the slowest stage of a validation.
    /// </summary>
    public bool ParallelDecode { get; init; } = Environment.ProcessorCount > 1;

    /// <summary>
    /// Whether a text column that the file stores with small dictionaries (such as a status, a country or an airport
    /// code) is read as an Arrow dictionary array, so that checks judge each distinct value once instead of every row.
    /// Its <see cref="Schema"/> type is then a dictionary of strings; results are the same either way. Defaults to
    /// <see langword="true"/>.
    /// </summary>
    public bool DictionaryText { get; init; } = true;

    /// <summary>The flat columns of the file in file order, with the Arrow types of the batches (see the remarks of the class).</summary>
    /// <exception cref="DataReadException">The file is missing or is not a readable Parquet file.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public Schema Schema => LoadFields().Schema;

    /// <summary>The rows the file's metadata declares (reading checks that the row groups yield them).</summary>
    /// <exception cref="DataReadException">The file is missing or is not a readable Parquet file.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public long? KnownRowCount => LoadFields().RowCount;

    /// <summary>Reads the file in order, decoding only the requested columns.</summary>
    /// <param name="columns">The columns to read, or <see langword="null"/> for all; names not in the file are ignored.</param>
    /// <param name="cancellationToken">Stops reading between batches.</param>
    /// <returns>The batches, with the requested columns in file order.</returns>
    /// <exception cref="DataReadException">The file is missing or corrupt, or a requested column is nested.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        (Field[] fields, int[] leaves) = LoadFields().Select(Name, columns);
        return Read(new Schema(fields, null), leaves, cancellationToken);
    }

    /// <summary>Frees the native memory of a batch this source yielded; it must not be used afterwards.</summary>
    /// <param name="batch">A batch from <see cref="ReadBatches"/>.</param>
    public void ReleaseBatch(RecordBatch batch) => NativeBatchLease.Release(batch);

    /// <summary>Marks the source as disposed; the file is only open while batches are read.</summary>
    public void Dispose() => _disposed = true;

    private IEnumerable<RecordBatch> Read(Schema schema, int[] leaves, CancellationToken cancellationToken)
    {
        using FileReader reader = Open(ParallelDecode, leaves.Where(LoadFields().DictionaryLeaves.Contains));
        long[] groupEnds = CheckRowGroups(reader, leaves);
        using var layout = new BatchLayout(Name, schema, leaves, reader.ParquetReader.FileMetaData);
        IEnumerable<(RecordBatch? Native, int Rows)> natives = layout.ArrowLeaves.Length == 0
            ? RowCountsOnly(groupEnds)
            : ArrowBatches(reader, layout.ArrowLeaves, groupEnds, cancellationToken);
        long rows = 0;
        foreach (var (native, length) in natives)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RecordBatch lent = Lend(layout, native, length, groupEnds, rows);
            rows += lent.Length;
            yield return lent;
        }
        if (groupEnds.Length > 0 && rows != groupEnds[^1])
        {
            throw ReaderErrors.CorruptParquet(Name, groupEnds.Length - 1, null, $"it yielded {rows:N0} rows but its row groups declare {groupEnds[^1]:N0}.");
        }
    }

    private IEnumerable<(RecordBatch? Native, int Rows)> ArrowBatches(FileReader reader, int[] leaves, long[] groupEnds, CancellationToken cancellationToken)
    {
        using IArrowArrayStream stream = Guard(() => reader.GetRecordBatchReader([.. Enumerable.Range(0, groupEnds.Length)], leaves), groupEnds, 0);
        long rows = 0;
        while (Guard(() => stream.ReadNextRecordBatchAsync(cancellationToken).AsTask().GetAwaiter().GetResult(), groupEnds, rows) is { } native)
        {
            rows += native.Length;
            yield return (native, native.Length);
        }
    }

    /// <summary>Batches of the right lengths and no Arrow columns, when none is requested (a row count, or INT96 only).</summary>
    /// <remarks>Arrow C++ reads every column when given none, so the row counts come from the row groups' metadata.</remarks>
    private IEnumerable<(RecordBatch? Native, int Rows)> RowCountsOnly(long[] groupEnds)
    {
        long start = 0;
        foreach (long end in groupEnds)
        {
            for (long offset = start; offset < end; offset += BatchSize)
            {
                yield return (null, (int)Math.Min(BatchSize, end - offset));
            }
            start = end;
        }
    }

    /// <summary>The batch handed out: the native arrays, normalized where dq needs another type, with the native memory on a lease.</summary>
    private RecordBatch Lend(BatchLayout layout, RecordBatch? native, int length, long[] groupEnds, long firstRow)
    {
        try
        {
            IArrowArray[] arrays = layout.Assemble(native, length);
            var lent = new RecordBatch(layout.Schema, arrays, length);
            if (native is not null)
            {
                NativeBatchLease.Attach(native, lent);
            }
            if (TemporalRange.Problem(lent, firstRow) is { } outside)
            {
                NativeBatchLease.Release(lent);
                throw ReaderErrors.OutOfRangeValue(Name, outside);
            }
            return lent;
        }
        catch (Exception ex) when (ex is not DataReadException)
        {
            native?.Dispose();
            throw ReaderErrors.CorruptParquet(Name, RowGroupOf(groupEnds, firstRow), ex, null);
        }
    }

    /// <summary>Row-group ends (cumulative rows), after checking the declared sizes of the chunks that will be decoded.</summary>
    private long[] CheckRowGroups(FileReader reader, int[] leaves)
    {
        FileMetaData metadata = reader.ParquetReader.FileMetaData;
        var ends = new long[metadata.NumRowGroups];
        long total = 0;
        for (var g = 0; g < ends.Length; g++)
        {
            using RowGroupReader groupReader = reader.ParquetReader.RowGroup(g);
            RowGroupMetaData group = groupReader.MetaData;
            if (group.NumRows < 0)
            {
                throw ReaderErrors.CorruptParquet(Name, g, null, $"the row group declares {group.NumRows} rows.");
            }
            foreach (int leaf in leaves)
            {
                using ColumnChunkMetaData chunk = group.GetColumnChunkMetaData(leaf);
                long size = chunk.TotalUncompressedSize;
                if (size < 0 || size > MaxColumnChunkBytes)
                {
                    throw ReaderErrors.CorruptParquet(Name, g, null,
                        $"column {leaf} declares {size:N0} bytes uncompressed, beyond the limit of {MaxColumnChunkBytes:N0} (ParquetSource.MaxColumnChunkBytes).");
                }
            }
            total += group.NumRows;
            ends[g] = total;
        }
        return ends;
    }

    private T Guard<T>(Func<T> read, long[] groupEnds, long rowsRead)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not (DataReadException or OperationCanceledException))
        {
            throw ReaderErrors.CorruptParquet(Name, RowGroupOf(groupEnds, rowsRead), ex, null);
        }
    }

    private static int RowGroupOf(long[] groupEnds, long row)
    {
        int index = System.Array.BinarySearch(groupEnds, row);
        return Math.Min(index >= 0 ? index + 1 : ~index, Math.Max(0, groupEnds.Length - 1));
    }

    private ParquetFields LoadFields()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_fields is null)
        {
            using FileReader reader = Open(parallel: false, dictionaryLeaves: []);
            try
            {
                _fields = new ParquetFields(reader.SchemaManifest, reader.ParquetReader, DictionaryText);
            }
            catch (Exception ex) when (ex is not DataReadException)
            {
                throw ReaderErrors.NotParquet(Name, ex);
            }
        }
        return _fields;
    }

    private FileReader Open(bool parallel, IEnumerable<int> dictionaryLeaves)
    {
        ThrowIfEncrypted();
        using ReaderProperties properties = ReaderProperties.WithMemoryPool(NativeMemory.Pool);
        // Pages are read through a small buffer rather than whole column chunks at once, which bounds memory.
        properties.EnableBufferedStream();
        using ArrowReaderProperties arrow = ArrowReaderProperties.GetDefault();
        arrow.BatchSize = BatchSize;
        arrow.UseThreads = parallel;
        arrow.PreBuffer = false;
        arrow.CoerceInt96TimestampUnit = Apache.Arrow.Types.TimeUnit.Microsecond;
        foreach (int leaf in dictionaryLeaves)
        {
            arrow.SetReadDictionary(leaf, true);
        }
        try
        {
            return new FileReader(Name, properties, arrow);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw ReaderErrors.NotParquet(Name, ex);
        }
    }

    private void ThrowIfEncrypted()
    {
        Span<byte> magic = stackalloc byte[4];
        using FileStream stream = DataFiles.OpenRead(Name);
        if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PARE"u8))
        {
            throw ReaderErrors.EncryptedParquet(Name);
        }
    }
}
