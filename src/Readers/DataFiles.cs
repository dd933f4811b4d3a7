namespace Dq.Readers;

/// <summary>Opens the data files the readers are given by path, with the readers' errors for what can go wrong.</summary>
internal static class DataFiles
{
    /// <summary>
    /// Opens <paramref name="path"/> for reading. A missing or unreadable file is a <see cref="Dq.Expectations.DataReadException"/>,
    /// and so is a pipe or a device: the readers open a file more than once (the format is sniffed, a sample infers
    /// the schema, then every row is read), and a second open of a pipe starts where the first stopped, so rows would
    /// be lost without a word.
    /// </summary>
    /// <param name="path">The data file.</param>
    /// <param name="options">How the file is read (sequential scans say so).</param>
    /// <param name="bufferSize">The stream's buffer; 0 or 1 for none (a reader with its own buffer).</param>
    public static FileStream OpenRead(string path, FileOptions options = FileOptions.None, int bufferSize = 4096)
    {
        if (!File.Exists(path))
        {
            throw ReaderErrors.FileNotFound(path);
        }
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReaderErrors.CannotOpen(path, ex);
        }
        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw ReaderErrors.NotAFile(path);
        }
        return stream;
    }

    /// <summary>Whether the path names gzip-compressed data (<c>orders.csv.gz</c>), decompressed as it is read.</summary>
    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Opens a text file (CSV, JSON lines) for one sequential read: <c>.gz</c> files are decompressed as they stream,
    /// never whole in memory; a corrupt or truncated gzip stream is a <see cref="Dq.Expectations.DataReadException"/>.
    /// </summary>
    public static Stream OpenText(string path, FileOptions options = FileOptions.None, int bufferSize = 4096)
    {
        FileStream file = OpenRead(path, options, IsGzip(path) ? 1 << 16 : bufferSize);
        return IsGzip(path) ? new GzipText(path, new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress)) : file;
    }

    /// <summary>A gzip stream whose corruption is reported as unreadable data naming the file.</summary>
    private sealed class GzipText(string path, System.IO.Compression.GZipStream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return inner.Read(buffer);
            }
            catch (InvalidDataException ex)
            {
                throw new Dq.Expectations.DataReadException($"`{path}` is not valid gzip data ({ex.Message}); check that the file is complete, or decompress it yourself.", ex) { FilePath = path };
            }
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
