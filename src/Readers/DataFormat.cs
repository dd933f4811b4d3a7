namespace Dq.Readers;

/// <summary>The file formats that <see cref="BatchSources.Open"/> can read.</summary>
public enum DataFormat
{
    /// <summary>
    /// Choose by the file extension (<c>.csv</c>, <c>.tsv</c>, <c>.parquet</c>, <c>.pq</c>), else by the content
    /// (the <c>PAR1</c> magic bytes of Parquet).
    /// </summary>
    Auto,

    /// <summary>Delimited text with a header row; see <see cref="CsvSource"/>.</summary>
    Csv,

    /// <summary>Apache Parquet; see <see cref="ParquetSource"/>.</summary>
    Parquet,
}
