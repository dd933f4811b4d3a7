using Dq.Expectations;
using Dq.Expectations.Columns;

namespace Dq.Readers;

/// <summary>Opens a data file as an <see cref="IBatchSource"/>, choosing the reader by format.</summary>
public static class BatchSources
{
    /// <summary>Opens the file at <paramref name="path"/> as a source of record batches.</summary>
    /// <param name="path">The path of the data file.</param>
    /// <param name="format">
    /// The format, or <see cref="DataFormat.Auto"/> to choose by extension (<c>.csv</c>; <c>.tsv</c>, read with a tab
    /// delimiter; <c>.parquet</c> and <c>.pq</c>), and for other extensions by content: a file that starts with the
    /// Parquet magic bytes <c>PAR1</c> is Parquet.
    /// </param>
    /// <param name="csv">The CSV options, or <see langword="null"/> for the defaults (with a tab delimiter for <c>.tsv</c>).</param>
    /// <returns>A <see cref="CsvSource"/> or a <see cref="ParquetSource"/>; nothing is read from the data until it is needed.</returns>
    /// <exception cref="DataReadException">
    /// The format is <see cref="DataFormat.Auto"/> and the file is missing, or its format cannot be recognised.
    /// </exception>
    public static IBatchSource Open(string path, DataFormat format = DataFormat.Auto, CsvReaderOptions? csv = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string extension = Path.GetExtension(path).ToUpperInvariant();
        if (format == DataFormat.Auto)
        {
            format = extension switch
            {
                ".CSV" or ".TSV" => DataFormat.Csv,
                ".PARQUET" or ".PQ" => DataFormat.Parquet,
                _ => Sniff(path),
            };
        }
        return format switch
        {
            DataFormat.Csv => new CsvSource(path, csv ?? (extension == ".TSV" ? new CsvReaderOptions { Delimiter = '\t' } : null)),
            DataFormat.Parquet => new ParquetSource(path),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Use Auto, Csv or Parquet."),
        };
    }

    private static DataFormat Sniff(string path)
    {
        if (!File.Exists(path))
        {
            throw ReaderErrors.FileNotFound(path);
        }
        Span<byte> magic = stackalloc byte[4];
        try
        {
            using FileStream stream = File.OpenRead(path);
            if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) == magic.Length && magic.SequenceEqual("PAR1"u8))
            {
                return DataFormat.Parquet;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReaderErrors.CannotOpen(path, ex);
        }
        throw ReaderErrors.UnknownFormat(path);
    }
}
