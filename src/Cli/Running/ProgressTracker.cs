using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using Dq.Expectations.Columns;

namespace Dq.Cli.Running;

/// <summary>Counts what each running validation has read so far, for the progress display. Thread-safe.</summary>
internal sealed class ProgressTracker
{
    private readonly List<ProgressEntry> _entries = [];

    public ProgressEntry Add(string asset)
    {
        var entry = new ProgressEntry(asset);
        lock (_entries)
        {
            _entries.Add(entry);
        }
        return entry;
    }

    public IReadOnlyList<ProgressEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }
}

/// <summary>The progress of one validation: rows and bytes of column data read, and the time taken.</summary>
internal sealed class ProgressEntry(string asset)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _rows;
    private long _bytes;
    private volatile bool _done;

    public string Asset { get; } = asset;

    public long Rows => Interlocked.Read(ref _rows);

    public long Bytes => Interlocked.Read(ref _bytes);

    public bool Done => _done;

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Add(RecordBatch batch)
    {
        Interlocked.Add(ref _rows, batch.Length);
        Interlocked.Add(ref _bytes, batch.Arrays.Sum(a => Size(a.Data)));
    }

    public void Finish()
    {
        _clock.Stop();
        _done = true;
    }

    /// <summary>Rows, rows per second and megabytes of column data read, such as <c>1,234,567 rows, 250,000 rows/s, 45.2 MB</c>.</summary>
    public string Describe()
    {
        var seconds = Math.Max(Elapsed.TotalSeconds, 1e-3);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Rows:N0} rows, {Rows / seconds:N0} rows/s, {Bytes / 1e6:0.0} MB read");
    }

    private static long Size(ArrayData data) =>
        (data.Buffers?.Sum(b => (long)b.Length) ?? 0) + (data.Children?.Sum(Size) ?? 0) + (data.Dictionary is { } d ? Size(d) : 0);
}

/// <summary>An <see cref="IBatchSource"/> that reports each batch it yields to a <see cref="ProgressEntry"/>, under a display name.</summary>
internal sealed class CountingSource(IBatchSource inner, string name, ProgressEntry entry) : IBatchSource
{
    public string Name => name;

    public Schema Schema => inner.Schema;

    public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
    {
        foreach (var batch in inner.ReadBatches(columns, cancellationToken))
        {
            entry.Add(batch);
            yield return batch;
        }
    }

    public void ReleaseBatch(RecordBatch batch) => inner.ReleaseBatch(batch);

    public long? KnownRowCount => inner.KnownRowCount;

    public void Dispose() => inner.Dispose();
}
