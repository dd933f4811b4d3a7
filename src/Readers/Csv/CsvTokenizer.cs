using System.Text;
using Dq.Expectations.Results;
using Dq.Readers;

namespace Dq.Readers.Csv;

/// <summary>
/// Splits UTF-8 CSV bytes into records, one block at a time, straight from a read buffer: no string and no copy per
/// field. Fields are found with a vector scan for the delimiter, quote and line breaks (<see cref="NextSpecial"/>);
/// quoted fields are unescaped in place once their record is complete. Each block is checked as UTF-8 (and for NUL
/// bytes) with one vectorized pass before its fields are handed out.
/// </summary>
/// <remarks>
/// RFC 4180 with LF, CRLF or CR line ends; a quote inside an unquoted field (<c>5" screen</c>) is text, as most
/// writers produce it. A record that does not fit the buffer grows it, up to <see cref="CsvReaderOptions.MaxRecordBytes"/>.
/// The fields of a block stay valid until the next <see cref="ReadBlock"/>, which may move the buffer.
/// </remarks>
internal sealed partial class CsvTokenizer : IDisposable
{
    private const int Padding = 64;
    private const int InitialBufferSize = 1 << 20;

    private readonly Stream _stream;
    private readonly string _path;
    private readonly byte _delimiter;
    private readonly byte _quote;
    private readonly byte _escape;
    private readonly bool _skipBadRows;
    private readonly int _maxRecordBytes;
    private readonly CsvScanVariant _variant;
    private readonly List<int> _pendingUnescape = [];
    private readonly List<long> _badLines = [];
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _line = 1;
    private long _badCount;
    private string? _badReason;
    private int[] _rowRanges = [];
    private CsvFieldBlock _block = new(1, 1);
    private string[] _header = [];

    public CsvTokenizer(Stream stream, string path, CsvReaderOptions options)
    {
        _stream = stream;
        _path = path;
        _delimiter = (byte)options.Delimiter;
        _quote = (byte)options.Quote;
        _escape = (byte)(options.Escape ?? options.Quote);
        _skipBadRows = options.OnBadRows == BadRowHandling.Skip;
        _maxRecordBytes = Math.Max(1024, options.MaxRecordBytes);
        _variant = BestVariant();
        _buffer = new byte[Math.Min(InitialBufferSize, _maxRecordBytes) + Padding];
    }

    /// <summary>The records of the last <see cref="ReadBlock"/>.</summary>
    public CsvFieldBlock Block => _block;

    /// <summary>The column names: the header row, or <c>column_1</c>… for a file without one.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>The rows skipped so far (only with <see cref="BadRowHandling.Skip"/>).</summary>
    public BadRows BadRows => _badCount == 0 ? BadRows.None : new BadRows(_badCount, [.. _badLines], _badReason);

    /// <summary>Reads the first record to learn the column count, and the names when it is a header.</summary>
    /// <exception cref="Dq.Expectations.DataReadException">The file is empty, or the header is malformed.</exception>
    public IReadOnlyList<string> ReadHeader(bool hasHeader)
    {
        FillFirst();
        if (_start == _end)
        {
            throw ReaderErrors.EmptyCsv(_path);
        }
        int capacity = 64;
        while (true)
        {
            _block = new CsvFieldBlock(capacity, 1) { Buffer = _buffer };
            int pos = _start;
            long line = _line;
            RowResult result = ParseRow(ref pos, ref line, 0, out int count);
            if (result == RowResult.Incomplete)
            {
                Refill();
                continue;
            }
            if (result == RowResult.Bad)
            {
                throw _lastBad!;
            }
            if (count > capacity)
            {
                capacity = count;
                continue;
            }
            CheckText(_start, pos, header: true, headerFields: count);
            _header = hasHeader ? HeaderNames(count) : [.. Enumerable.Range(1, count).Select(i => $"column_{i}")];
            if (hasHeader)
            {
                (_start, _line) = (pos, line);
            }
            int rowCapacity = Math.Clamp((1 << 20) / count, 16, 16_384);
            _block = new CsvFieldBlock(count, rowCapacity) { Buffer = _buffer };
            _rowRanges = new int[rowCapacity * 2];
            return _header;
        }
    }

    /// <summary>Parses up to <paramref name="maxRows"/> records into <see cref="Block"/>; 0 at the end of the file.</summary>
    /// <exception cref="Dq.Expectations.DataReadException">A record is malformed (and bad rows are not skipped).</exception>
    public int ReadBlock(int maxRows)
    {
        CsvFieldBlock block = _block;
        int columns = block.Columns;
        int limit = Math.Min(maxRows, block.RowCapacity);
        while (true)
        {
            block.Buffer = _buffer;
            int rows = 0, pos = _start;
            long line = _line;
            bool incomplete = false;
            while (rows < limit)
            {
                if (pos == _end)
                {
                    incomplete = !_eof;
                    break;
                }
                int rowStart = pos;
                long rowLine = line;
                RowResult result = ParseRow(ref pos, ref line, rows, out int count);
                if (result == RowResult.Incomplete)
                {
                    (pos, line, incomplete) = (rowStart, rowLine, true);
                    break;
                }
                if (result == RowResult.Bad)
                {
                    SkipOrThrow(_lastBad!, rowLine);
                    continue;
                }
                if (result == RowResult.Empty && columns > 1)
                {
                    continue;
                }
                if (count != columns)
                {
                    SkipOrThrow(ReaderErrors.FieldCountMismatch(_path, rowLine, _header, count, (char)_delimiter), rowLine);
                    continue;
                }
                block.Lines[rows] = rowLine;
                _rowRanges[2 * rows] = rowStart;
                _rowRanges[2 * rows + 1] = pos;
                rows++;
            }
            block.Rows = rows;
            if (pos > _start)
            {
                CheckText(_start, pos, header: false);
            }
            (_start, _line) = (pos, line);
            if (block.Rows > 0 || !incomplete)
            {
                return block.Rows;
            }
            Refill();
        }
    }

    public void Dispose() => _stream.Dispose();

    private string[] HeaderNames(int count)
    {
        var names = new string[count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string name = Encoding.UTF8.GetString(_block.Field(0, i));
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

    private void SkipOrThrow(Dq.Expectations.DataReadException error, long line)
    {
        if (!_skipBadRows)
        {
            throw error;
        }
        _badCount++;
        if (_badLines.Count < BadRows.MaxLines)
        {
            _badLines.Add(line);
        }
        _badReason ??= error.Message;
    }
}
