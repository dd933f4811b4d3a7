using Apache.Arrow;

namespace Dq.Expectations.Columns;

/// <summary>
/// A stream of Apache Arrow record batches that all share one schema: the unit of data that dq validates.
/// </summary>
/// <remarks>
/// Readers (CSV, Parquet, DataFrame, in-memory batches) implement this interface. The engine enumerates
/// <see cref="ReadBatches"/> once per validation run, on one thread, and may process the batches it yields
/// on other threads; a batch must therefore stay valid after the enumerator has moved on, until it is passed to
/// <see cref="ReleaseBatch"/>.
/// </remarks>
public interface IBatchSource : IDisposable
{
    /// <summary>The name of the data asset, as shown in results and messages (usually the file path).</summary>
    string Name { get; }

    /// <summary>The schema shared by every batch. Reading it may open the underlying file.</summary>
    /// <exception cref="DataReadException">The data could not be read.</exception>
    Schema Schema { get; }

    /// <summary>Reads the batches in order.</summary>
    /// <param name="columns">
    /// The columns the caller needs, or <see langword="null"/> for all. A source may return more columns than
    /// asked for, never fewer (a column missing from the data is simply absent).
    /// </param>
    /// <param name="cancellationToken">Stops reading between batches.</param>
    /// <exception cref="DataReadException">The data could not be read; the message says where and why.</exception>
    IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Says that the caller is done with <paramref name="batch"/>, which this source yielded: a source whose batches
    /// hold native memory (Parquet) frees it here instead of waiting for the garbage collector. The engine calls it
    /// once per batch after scanning it; a wrapping source forwards it to the source it wraps. The default does
    /// nothing, which is right for batches of managed memory and for batches that belong to the caller.
    /// </summary>
    /// <param name="batch">A batch from <see cref="ReadBatches"/>; it must not be used afterwards.</param>
    void ReleaseBatch(RecordBatch batch) { }

    /// <summary>
    /// How many rows <see cref="ReadBatches"/> will yield, when the source knows before reading: a Parquet file
    /// records it, batches in memory have it; a CSV or JSON lines file does not (null, the default). The engine sizes
    /// tables by it, such as the hash table of a uniqueness check, instead of growing them row by row. Results never
    /// depend on it: a wrong count costs only speed or memory.
    /// </summary>
    /// <exception cref="DataReadException">Knowing the count means opening the data, and it could not be read.</exception>
    long? KnownRowCount => null;
}
