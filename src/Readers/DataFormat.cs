namespace Dq.Readers;

/// <summary>The file formats that <see cref="BatchSources.Open"/> can read.</summary>
public enum DataFormat
{
    /// <summary>Choose by the file extension, else by the content; see <see cref="BatchSources.Open"/>.</summary>
    Auto,

    /// <summary>Delimited text; see <see cref="CsvSource"/>.</summary>
    Csv,

    /// <summary>Apache Parquet; see <see cref="ParquetSource"/>.</summary>
    Parquet,

    /// <summary>JSON lines (one object per line); see <see cref="JsonLinesSource"/>.</summary>
    JsonLines,

    /// <summary>An Arrow IPC file or stream; see <see cref="ArrowIpcSource"/>.</summary>
    Arrow,
}
