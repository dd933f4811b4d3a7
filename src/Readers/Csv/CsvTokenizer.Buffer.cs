using System.Text.Unicode;
using Dq.Expectations.Results;

namespace Dq.Readers.Csv;

internal sealed partial class CsvTokenizer
{
    /// <summary>Reads the start of the stream and skips a UTF-8 byte order mark.</summary>
    private void FillFirst()
    {
        while (!_eof && _end < 3)
        {
            ReadMore();
        }
        if (_buffer.AsSpan(0, _end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start = 3;
        }
        while (!_eof && _start == _end)
        {
            ReadMore();
        }
    }

    /// <summary>
    /// Makes room for an incomplete record: moves it to the front of the buffer, grows the buffer when the record
    /// fills it (up to the record limit), and reads more bytes.
    /// </summary>
    private void Refill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        int capacity = _buffer.Length - Padding;
        if (_end == capacity)
        {
            if (capacity >= _maxRecordBytes)
            {
                throw ReaderErrors.RecordTooLong(_path, _line, _maxRecordBytes);
            }
            Array.Resize(ref _buffer, (int)Math.Min((long)capacity * 2, _maxRecordBytes) + Padding);
        }
        ReadMore();
    }

    private void ReadMore()
    {
        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - Padding - _end);
        }
        catch (IOException e)
        {
            throw ReaderErrors.CsvUnreadable(_path, _line, e);
        }
        _end += read;
        _eof = read == 0;
    }

    /// <summary>
    /// Checks that the bytes of the records just parsed are UTF-8 without NUL bytes: one vectorized pass per block.
    /// Records end at ASCII line breaks, so a block never splits a character. On failure, the record at fault is found
    /// and reported (or skipped).
    /// </summary>
    private void CheckText(int from, int to, bool header, int headerFields = 0)
    {
        ReadOnlySpan<byte> text = _buffer.AsSpan(from, to - from);
        if (Utf8.IsValid(text) && !text.Contains((byte)0))
        {
            return;
        }
        if (header)
        {
            throw BadText(0, from, to, 1, headerFields);
        }
        CsvFieldBlock block = _block;
        for (int r = block.Rows - 1; r >= 0; r--)
        {
            int start = _rowRanges[2 * r], end = _rowRanges[2 * r + 1];
            ReadOnlySpan<byte> row = _buffer.AsSpan(start, end - start);
            if (!Utf8.IsValid(row) || row.Contains((byte)0))
            {
                if (!_skipBadRows)
                {
                    ThrowBadText(r, start, end, block.Lines[r]);
                }
                SkipOrThrow(BadText(r, start, end, block.Lines[r]), block.Lines[r]);
                block.RemoveRow(r);
                Array.Copy(_rowRanges, 2 * (r + 1), _rowRanges, 2 * r, 2 * (block.Rows - r));
            }
        }
        if (_badLines.Count > 1)
        {
            _badLines.Sort();
        }
    }

    private void ThrowBadText(int row, int start, int end, long line) => throw BadText(row, start, end, line);

    // `fields`: the fields the record has; the block's column count (the header's) when 0. The header's own block is
    // sized before its count is known, and its unused field starts would otherwise read as column 64.
    private Dq.Expectations.DataReadException BadText(int row, int start, int end, long line, int fields = 0)
    {
        ReadOnlySpan<byte> text = _buffer.AsSpan(start, end - start);
        int offset = InvalidOffset(text) + start;
        int column = 0;
        CsvFieldBlock block = _block;
        int columns = fields > 0 ? fields : block.Columns;
        while (column + 1 < columns && block.Starts[row * block.Columns + column + 1] <= offset)
        {
            column++;
        }
        int fieldOffset = Math.Max(0, offset - block.Starts[row * block.Columns + column]);
        string? name = NameOf(column);
        return _buffer[offset] == 0
            ? ReaderErrors.BinaryData(_path, line, column + 1, name, fieldOffset)
            : ReaderErrors.InvalidUtf8(_path, line, column + 1, name, fieldOffset, _buffer[offset]);
    }

    private static int InvalidOffset(ReadOnlySpan<byte> text)
    {
        int offset = 0;
        while (offset < text.Length)
        {
            if (text[offset] == 0 || System.Text.Rune.DecodeFromUtf8(text[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return 0;
    }
}
