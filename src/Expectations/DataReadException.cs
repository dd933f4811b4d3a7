namespace Dq.Expectations;

/// <summary>
/// The data could not be read: a missing file, malformed CSV, corrupt Parquet. The message says what was found,
/// where (file, line, column) and how to fix it. The <c>dq</c> command exits with code 3.
/// </summary>
public sealed class DataReadException : Exception
{
    /// <summary>Creates the exception with a located message.</summary>
    public DataReadException(string message) : base(message) { }

    /// <summary>Creates the exception with a located message and the exception that caused it.</summary>
    public DataReadException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception without a message; prefer the located constructors.</summary>
    public DataReadException() { }

    /// <summary>The file that could not be read, when known.</summary>
    public string? FilePath { get; init; }

    /// <summary>The 1-based line number in the file where the problem was found, when known.</summary>
    public long? LineNumber { get; init; }

    /// <summary>The 1-based column number (field position) where the problem was found, when known.</summary>
    public int? ColumnNumber { get; init; }

    /// <summary>
    /// The column whose type was inferred from the first rows and which a later value did not fit, when that is the
    /// problem: read as text, the data would be readable (the dq tool then validates it so, saying why).
    /// </summary>
    public string? InferredColumn { get; init; }
}
