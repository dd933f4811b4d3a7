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
}
