using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;

namespace Dq.Cli.Running;

/// <summary>
/// Hive-style partition folders (<c>date=2024-01-01/part-0.parquet</c>) below a folder or glob data argument: each
/// <c>name=value</c> folder between the argument's fixed part and the file becomes a text column holding that value
/// on every row of the file, as Spark, pyarrow and DuckDB (<c>hive_partitioning</c>) read such datasets. A column the
/// file itself has wins. A single file given by its path gets no partition columns (nor does pandas' read_parquet).
/// </summary>
internal static class HivePartitions
{
    /// <summary>The folder below which partition folders count: the folder itself, or a glob's fixed leading folders.</summary>
    public static string Root(string data)
    {
        var full = Path.GetFullPath(data);
        if (Directory.Exists(full))
        {
            return full;
        }
        var wildcard = full.AsSpan().IndexOfAny("*?[");
        return wildcard < 0 ? Path.GetDirectoryName(full) ?? full : full[..(full.LastIndexOf(Path.DirectorySeparatorChar, wildcard) + 1)];
    }

    /// <summary>The partition columns of <paramref name="file"/> below <paramref name="root"/>, outermost first.</summary>
    public static IReadOnlyList<(string Name, string Value)> Of(string file, string root)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(file));
        if (relative.StartsWith("..", StringComparison.Ordinal))
        {
            return [];
        }
        var folders = relative.Split(Path.DirectorySeparatorChar)[..^1];
        var partitions = new List<(string, string)>();
        foreach (var folder in folders)
        {
            var equals = folder.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && partitions.All(p => p.Item1 != folder[..equals]))
            {
                partitions.Add((folder[..equals], Uri.UnescapeDataString(folder[(equals + 1)..])));
            }
        }
        return partitions;
    }

    /// <summary>The source with the partition columns appended (text, one dictionary entry each).</summary>
    public static IBatchSource With(IBatchSource source, IReadOnlyList<(string Name, string Value)> partitions)
    {
        var added = partitions.Where(p => source.Schema.GetFieldIndex(p.Name) < 0).ToList();
        return added.Count == 0 ? source : new PartitionedSource(source, added);
    }

    private sealed class PartitionedSource(IBatchSource inner, IReadOnlyList<(string Name, string Value)> partitions) : IBatchSource
    {
        private readonly Schema _schema = new(
            [.. inner.Schema.FieldsList, .. partitions.Select(p => new Field(p.Name, new DictionaryType(Int32Type.Default, StringType.Default, false), nullable: false))],
            inner.Schema.Metadata);

        // The inner source frees its own batches: it gets back the batch it gave, not the one with the added columns.
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<RecordBatch, RecordBatch> _original = [];

        public string Name => inner.Name;

        public Schema Schema => _schema;

        public long? KnownRowCount => inner.KnownRowCount;

        public IEnumerable<RecordBatch> ReadBatches(IReadOnlyCollection<string>? columns = null, CancellationToken cancellationToken = default)
        {
            var wanted = partitions.Where(p => columns is null || columns.Contains(p.Name)).ToList();
            var innerColumns = columns?.Where(c => partitions.All(p => p.Name != c)).ToList();
            foreach (var batch in inner.ReadBatches(innerColumns, cancellationToken))
            {
                if (wanted.Count == 0)
                {
                    yield return batch;
                    continue;
                }
                var fields = batch.Schema.FieldsList.Concat(wanted.Select(p => _schema.GetFieldByName(p.Name)));
                var arrays = Enumerable.Range(0, batch.ColumnCount).Select(batch.Column).Concat(wanted.Select(p => Constant(p.Value, batch.Length)));
                var combined = new RecordBatch(new Schema(fields, batch.Schema.Metadata), arrays, batch.Length);
                _original.AddOrUpdate(combined, batch);
                yield return combined;
            }
        }

        public void ReleaseBatch(RecordBatch batch)
        {
            if (_original.TryGetValue(batch, out var original))
            {
                _original.Remove(batch);
                inner.ReleaseBatch(original);
                return;
            }
            inner.ReleaseBatch(batch);
        }

        public void Dispose() => inner.Dispose();

        /// <summary>A column of one value: one dictionary entry and an index of 0 per row.</summary>
        private static DictionaryArray Constant(string value, int rows)
        {
            var indices = new Int32Array(new ArrowBuffer(new byte[rows * sizeof(int)]), ArrowBuffer.Empty, rows, 0, 0);
            var entries = new StringArray.Builder().Append(value).Build();
            return new DictionaryArray(new DictionaryType(Int32Type.Default, StringType.Default, false), indices, entries);
        }
    }
}
