using System.Text;
using CsvHelper;
using HelperOptions = CsvHelper.CsvReaderOptions;

namespace Dq.Readers.Csv;

/// <summary>
/// The records of one CSV file, one pass, checked: the header names, RFC 4180 quoting and the field count of
/// every record. Fields are UTF-8 spans, unquoted, valid until the next <see cref="MoveNext"/>.
/// </summary>
/// <remarks>
/// Tokenizing is CsvHelper 34's (its SIMD, allocation-free UTF-8 reader with <c>GetSpan</c>), which handles quotes, escaped
/// quotes, line breaks inside quotes, LF, CRLF and CR, and the UTF-8 byte order mark. Its recovery is switched on and every
/// malformed record is reported to <see cref="OnMalformed"/>, where this class decides what is an error: an unterminated
/// quote and text after a closing quote are errors; a quote inside an unquoted field (<c>5" screen</c>) is kept as text,
/// as most writers produce it. The header is read as an ordinary record, so that it is checked the same way.
/// In a file with more than one column, an empty line is skipped; in a one-column file it is a null value.
/// </remarks>
internal sealed class CsvRecordCursor : IDisposable
{
    private readonly CsvReader _reader;
    private readonly string _path;
    private readonly char _delimiter;
    private readonly byte _quote;
    private CsvMalformedRecord? _malformed;
    private string[]? _header;

    public CsvRecordCursor(string path, CsvReaderOptions options)
    {
        _path = path;
        _delimiter = options.Delimiter;
        _quote = (byte)options.Quote;
        if (!File.Exists(path))
        {
            throw ReaderErrors.FileNotFound(path);
        }
        var helperOptions = new HelperOptions
        {
            Separator = options.Delimiter,
            Quote = options.Quote,
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = OnMalformed,
        };
        try
        {
            _reader = CsvReader.FromFile(path, helperOptions);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ReaderErrors.CannotOpen(path, ex);
        }
        _header = ReadHeader();
    }

    /// <summary>The column names of the header row.</summary>
    public IReadOnlyList<string> Header => _header ?? [];

    /// <summary>The 1-based line where the current record starts.</summary>
    public long LineNumber => _reader.LineNumber;

    /// <summary>The value of field <paramref name="index"/> of the current record, unquoted, as UTF-8.</summary>
    public ReadOnlySpan<byte> GetSpan(int index) => _reader.GetSpan(index);

    /// <summary>Moves to the next data record; <see langword="false"/> at the end of the file.</summary>
    /// <exception cref="Dq.Expectations.DataReadException">The record is malformed.</exception>
    public bool MoveNext()
    {
        while (ReadChecked())
        {
            if (Header.Count > 1 && _reader.FieldCount == 1 && _reader.GetRawSpan(0).IsEmpty)
            {
                continue;
            }
            if (_reader.FieldCount != Header.Count)
            {
                throw ReaderErrors.FieldCountMismatch(_path, LineNumber, Header, _reader.FieldCount, _delimiter);
            }
            return true;
        }
        return false;
    }

    /// <summary>Checks that field <paramref name="index"/> of the current record is valid UTF-8.</summary>
    public void ValidateUtf8(int index)
    {
        ReadOnlySpan<byte> value = _reader.GetSpan(index);
        if (!System.Text.Unicode.Utf8.IsValid(value))
        {
            int offset = InvalidUtf8Offset(value);
            throw ReaderErrors.InvalidUtf8(_path, LineNumber, index + 1, Header.Count > index ? Header[index] : null, offset, value[offset]);
        }
    }

    public void Dispose() => _reader.Dispose();

    private string[] ReadHeader()
    {
        if (!ReadChecked())
        {
            throw ReaderErrors.EmptyCsv(_path);
        }
        var names = new string[_reader.FieldCount];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            ValidateUtf8(i);
            string name = Encoding.UTF8.GetString(_reader.GetSpan(i));
            if (name.Length == 0)
            {
                throw ReaderErrors.EmptyHeaderName(_path, i + 1);
            }
            if (!seen.TryAdd(name, i + 1))
            {
                throw ReaderErrors.DuplicateHeaderName(_path, name, seen[name], i + 1);
            }
            names[i] = name;
        }
        return names;
    }

    private bool ReadChecked()
    {
        _malformed = null;
        bool read;
        try
        {
            read = _reader.Read();
        }
        catch (Exception ex) when (ex is CsvFormatException or IOException or InvalidOperationException)
        {
            throw ReaderErrors.CsvUnreadable(_path, ex is CsvFormatException { LineNumber: > 0 } f ? f.LineNumber : null, ex);
        }
        if (read && _malformed is { } malformed)
        {
            ThrowIfQuotingError(malformed.Reason);
        }
        return read;
    }

    private void OnMalformed(CsvMalformedRecord record) => _malformed = record;

    private void ThrowIfQuotingError(CsvMalformedReason reason)
    {
        if (reason is not (CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.TextAfterClosingQuote))
        {
            return;
        }
        // The record was recovered; find the field at fault from its raw bytes, and the line where that field starts.
        long line = LineNumber;
        for (int i = 0; i < _reader.FieldCount; i++)
        {
            ReadOnlySpan<byte> raw = _reader.GetRawSpan(i);
            int closing = ClosingQuoteIndex(raw);
            bool unterminated = raw.Length > 0 && raw[0] == _quote && closing < 0;
            bool textAfter = closing >= 0 && closing != raw.Length - 1;
            string? name = i < Header.Count ? Header[i] : null;
            if (unterminated && reason == CsvMalformedReason.UnterminatedQuote)
            {
                throw ReaderErrors.UnterminatedQuote(_path, line, i + 1, name);
            }
            if (textAfter && reason == CsvMalformedReason.TextAfterClosingQuote)
            {
                throw ReaderErrors.TextAfterClosingQuote(_path, line, i + 1, name, Encoding.UTF8.GetString(raw));
            }
            line += CountLineBreaks(raw);
        }
        throw reason == CsvMalformedReason.UnterminatedQuote
            ? ReaderErrors.UnterminatedQuote(_path, LineNumber, _reader.FieldCount, null)
            : ReaderErrors.TextAfterClosingQuote(_path, LineNumber, _reader.FieldCount, null, Encoding.UTF8.GetString(_reader.RawRecord));
    }

    /// <summary>The index of the quote that closes a quoted raw field, or -1 when the field is not quoted or never closed.</summary>
    private int ClosingQuoteIndex(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty || raw[0] != _quote)
        {
            return -1;
        }
        int i = 1;
        while (i < raw.Length)
        {
            if (raw[i] == _quote)
            {
                if (i + 1 < raw.Length && raw[i + 1] == _quote)
                {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int CountLineBreaks(ReadOnlySpan<byte> raw)
    {
        int count = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == (byte)'\n' || (raw[i] == (byte)'\r' && (i + 1 == raw.Length || raw[i + 1] != (byte)'\n')))
            {
                count++;
            }
        }
        return count;
    }

    private static int InvalidUtf8Offset(ReadOnlySpan<byte> value)
    {
        int offset = 0;
        while (offset < value.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(value[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return 0;
    }
}
