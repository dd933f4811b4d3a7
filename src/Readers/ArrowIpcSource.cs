using Apache.Arrow;
using Apache.Arrow.Ipc;
using Dq.Expectations;
using Dq.Expectations.Columns;

namespace Dq.Readers;

/// <summary>
/// An Arrow IPC file (<c>ARROW1</c> magic, Feather v2) or stream, read batch by batch with Apache.Arrow's
/// <see cref="ArrowFileReader"/> or <see cref="ArrowStreamReader"/>: the batches are the file's own, unchanged.
/// </summary>
/// <remarks>
/// Every column is returned whatever <see cref="ReadBatches"/> is asked for (the IPC format stores whole batches).
/// A truncated or corrupt file is a <see cref="DataReadException"/> naming the file and the batch.
/// </remarks>
public sealed class ArrowIpcSource : IBatchSource
{
    private Schema? _schema;
    private bool _disposed;

    /// <summary>Creates a source over the Arrow IPC file or stream at <paramref name="path"/>. Nothing is read until it is needed.</summary>
    /// <param name="path">The path of the file; it is also the <see cref="Name"/> of the source.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public ArrowIpcSource(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Name = path;
    }

    /// <summary>The path of the file.</summary>
    public string Name { get; }

    /// <summary>The schema stored in the file.</summary>
    /// <exception cref="DataReadException">The file is missing or is not Arrow IPC.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public Schema Schema
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_schema is null)
            {
                using IArrowReader reader = Open(out Func<Schema> schema);
                _schema = SchemaOf(schema);
            }
            return _schema;
        }
    }

    /// <summary>Reads the batches in file order.</summary>
    /// <param name="columns">Ignored: every column is returned.</param>
    /// <param name="cancellationToken">Stops reading between batches.</param>
    /// <returns>The file's record batches.</returns>
    /// <exception cref="DataReadException">The file is missing, truncated or corrupt.</exception>
    /// <exception cref="ObjectDisposedException">The source has been disposed.</exception>
    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Read(cancellationToken);
    }

    /// <summary>Marks the source as disposed; the file is only open while batches are read.</summary>
    public void Dispose() => _disposed = true;

    private IEnumerable<RecordBatch> Read(CancellationToken cancellationToken)
    {
        using IArrowReader reader = Open(out Func<Schema> schema);
        _ = SchemaOf(schema);
        long rows = 0;
        for (int index = 0; ; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RecordBatch? batch = Guard(reader.ReadNextRecordBatch, index);
            if (batch is null)
            {
                yield break;
            }
            if (ArrowStructure.Problem(batch) is { } problem)
            {
                throw ReaderErrors.NotArrow(Name, index, new InvalidDataException($"{problem}."));
            }
            if (TemporalRange.Problem(batch, rows) is { } outside)
            {
                throw ReaderErrors.OutOfRangeValue(Name, outside);
            }
            rows += batch.Length;
            yield return batch;
        }
    }

    /// <summary>The file's schema; an empty stream has no schema message, for which Apache.Arrow returns null rather than failing.</summary>
    private Schema SchemaOf(Func<Schema> schema) =>
        Guard(schema, -1) ?? throw ReaderErrors.NotArrow(Name, -1, new InvalidDataException("the file holds no Arrow schema (it is empty or ends before the first message)."));

    private T Guard<T>(Func<T> read, int batch)
    {
        try
        {
            return read();
        }
        // OutOfMemoryException too: the reader allocates what a length in the file declares, so a corrupt length asks
        // for more than an array can hold ("Array dimensions exceeded supported range").
        catch (Exception ex) when (ex is not (DataReadException or OperationCanceledException))
        {
            // The library's own argument and index errors name its internals (`minimumLength ('-397599910')`):
            // what they mean to the reader is that a length or offset in the file is impossible.
            Exception reason = ex is ArgumentException or IndexOutOfRangeException or OverflowException or OutOfMemoryException or NullReferenceException
                ? new InvalidDataException("a length, offset or count in the file is impossible.", ex)
                : ex;
            throw ReaderErrors.NotArrow(Name, batch, reason);
        }
    }

    private IArrowReader Open(out Func<Schema> schema)
    {
        FileStream stream = DataFiles.OpenRead(Name);
        Span<byte> magic = stackalloc byte[6];
        bool isFile = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) == magic.Length && magic.SequenceEqual("ARROW1"u8);
        stream.Position = 0;
        if (isFile)
        {
            var file = new ArrowFileReader(stream);
            schema = () => file.Schema;
            return new Reader(file, file.ReadNextRecordBatch);
        }
        var streamReader = new ArrowStreamReader(stream);
        schema = () => streamReader.Schema;
        return new Reader(streamReader, streamReader.ReadNextRecordBatch);
    }

    private interface IArrowReader : IDisposable
    {
        RecordBatch? ReadNextRecordBatch();
    }

    private sealed class Reader(IDisposable inner, Func<RecordBatch?> next) : IArrowReader
    {
        public RecordBatch? ReadNextRecordBatch() => next();

        public void Dispose() => inner.Dispose();
    }
}
