using System.Text.Unicode;
using Dq.Expectations;
using Dq.Expectations.Columns;

namespace Dq.Readers;

/// <summary>Opens a data file as an <see cref="IBatchSource"/>, choosing the reader by format.</summary>
public static class BatchSources
{
    /// <summary>The extensions that name a format, upper-case with their dot.</summary>
    private static readonly Dictionary<string, DataFormat> s_byExtension = new(StringComparer.Ordinal)
    {
        [".CSV"] = DataFormat.Csv,
        [".TSV"] = DataFormat.Csv,
        [".PARQUET"] = DataFormat.Parquet,
        [".PQ"] = DataFormat.Parquet,
        [".JSONL"] = DataFormat.JsonLines,
        [".NDJSON"] = DataFormat.JsonLines,
        [".ARROW"] = DataFormat.Arrow,
        [".ARROWS"] = DataFormat.Arrow,
        [".FEATHER"] = DataFormat.Arrow,
        [".IPC"] = DataFormat.Arrow,
    };

    /// <summary>
    /// Whether <see cref="Open"/> knows the format of <paramref name="path"/> by its name: a data file's extension,
    /// or <c>.gz</c> after a CSV or JSON lines extension. A folder given as data reads exactly these files.
    /// </summary>
    /// <param name="path">A file path or name.</param>
    public static bool IsDataFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        bool gzip = DataFiles.IsGzip(path);
        string extension = Path.GetExtension(gzip ? path[..^3] : path).ToUpperInvariant();
        return gzip ? IsStreamedText(extension) : s_byExtension.ContainsKey(extension);
    }

    /// <summary>CSV and JSON lines, the formats read in one sequential pass (so gzip can stream them).</summary>
    private static bool IsStreamedText(string extension) =>
        s_byExtension.TryGetValue(extension, out DataFormat format) && format is DataFormat.Csv or DataFormat.JsonLines;

    /// <summary>Opens the file at <paramref name="path"/> as a source of record batches.</summary>
    /// <param name="path">The path of the data file.</param>
    /// <param name="format">
    /// The format, or <see cref="DataFormat.Auto"/> to choose by extension (<c>.csv</c>; <c>.tsv</c>, read with a tab
    /// delimiter; <c>.parquet</c>, <c>.pq</c>; <c>.jsonl</c>, <c>.ndjson</c>; <c>.arrow</c>, <c>.arrows</c>,
    /// <c>.feather</c>, <c>.ipc</c>), and for other extensions by content: the magic bytes <c>PAR1</c> (Parquet) or
    /// <c>ARROW1</c> (Arrow IPC file), an Arrow IPC stream's continuation marker, a first line that starts with <c>{</c>
    /// (JSON lines), else UTF-8 text whose first line holds a comma, tab or semicolon (CSV with that delimiter).
    /// </param>
    /// <param name="csv">The CSV options, or <see langword="null"/> for the defaults (with a tab delimiter for <c>.tsv</c>).</param>
    /// <returns>A source; nothing is read from the data until it is needed.</returns>
    /// <exception cref="DataReadException">
    /// The format is <see cref="DataFormat.Auto"/> and the file is missing, or its format cannot be recognised.
    /// </exception>
    /// <param name="inferCsvTypes">
    /// Whether a CSV file's column types are inferred (the default); <see langword="false"/> reads every column the
    /// options' schema does not fix as text (see <see cref="CsvReaderOptions.InferTypes"/>).
    /// </param>
    public static IBatchSource Open(string path, DataFormat format = DataFormat.Auto, CsvReaderOptions? csv = null, bool inferCsvTypes = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // `orders.csv.gz`: the format is the inner name's; CSV and JSON lines are decompressed as they stream.
        string extension = Path.GetExtension(DataFiles.IsGzip(path) ? path[..^3] : path).ToUpperInvariant();
        char? sniffedDelimiter = null;
        if (DataFiles.IsGzip(path) && format == DataFormat.Auto && !IsStreamedText(extension))
        {
            throw new DataReadException($"`{path}`: dq reads gzip-compressed CSV and JSON lines (.csv.gz, .tsv.gz, .jsonl.gz, .ndjson.gz); name the file so, or pass --format csv or jsonlines.") { FilePath = path };
        }
        if (format == DataFormat.Auto)
        {
            format = s_byExtension.TryGetValue(extension, out DataFormat named) ? named : Sniff(path, out sniffedDelimiter);
        }
        CsvReaderOptions? csvOptions = csv ?? (extension == ".TSV" ? new CsvReaderOptions { Delimiter = '\t' }
            : sniffedDelimiter is { } d && d != ',' ? new CsvReaderOptions { Delimiter = d } : null);
        if (!inferCsvTypes)
        {
            csvOptions = (csvOptions ?? new CsvReaderOptions()) with { InferTypes = false };
        }
        return format switch
        {
            DataFormat.Csv => new CsvSource(path, csvOptions),
            DataFormat.Parquet => new ParquetSource(path),
            DataFormat.JsonLines => new JsonLinesSource(path) { BatchSize = csv?.BatchSize ?? JsonLinesSource.DefaultBatchSize, InferenceRows = csv?.InferenceRows ?? JsonLinesSource.DefaultInferenceRows },
            DataFormat.Arrow => new ArrowIpcSource(path),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Use Auto, Csv, Parquet, JsonLines or Arrow."),
        };
    }

    private static DataFormat Sniff(string path, out char? delimiter)
    {
        delimiter = null;
        byte[] head = new byte[4096];
        int length;
        using (FileStream stream = DataFiles.OpenRead(path))
        {
            try
            {
                length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }
            catch (IOException ex)
            {
                throw ReaderErrors.CannotOpen(path, ex);
            }
        }
        ReadOnlySpan<byte> bytes = head.AsSpan(0, length);
        if (bytes.StartsWith("PAR1"u8) || bytes.StartsWith("PARE"u8))
        {
            return DataFormat.Parquet;
        }
        if (bytes.StartsWith("ARROW1"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFF, 0xFF, 0xFF]))
        {
            return DataFormat.Arrow;
        }
        int newline = bytes.IndexOf((byte)'\n');
        ReadOnlySpan<byte> first = (newline < 0 ? bytes : bytes[..newline]).TrimStart((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF, (byte)' ']);
        bool text = (newline >= 0 || length < head.Length) && Utf8.IsValid(first) && !first.Contains((byte)0);
        if (text && first.StartsWith("{"u8))
        {
            return DataFormat.JsonLines;
        }
        foreach (byte candidate in ",\t;|"u8)
        {
            if (text && first.Contains(candidate))
            {
                delimiter = (char)candidate;
                return DataFormat.Csv;
            }
        }
        throw ReaderErrors.UnknownFormat(path);
    }
}
