using System.Text;
using Dq.Expectations;

namespace Dq.Readers.Csv;

internal sealed partial class CsvTokenizer
{
    private enum RowResult
    {
        Row,
        Empty,
        Bad,
        Incomplete,
    }

    private DataReadException? _lastBad;

    /// <summary>
    /// Parses the record at <paramref name="pos"/> into row <paramref name="row"/> of the block (fields past the column
    /// count are counted, not stored). On <see cref="RowResult.Incomplete"/> nothing is committed and the buffer is
    /// unchanged, so the record can be parsed again after a refill; quoted fields are unescaped only once it is complete.
    /// </summary>
    private RowResult ParseRow(ref int pos, ref long line, int row, out int fieldCount)
    {
        int end = _end, columns = _block.Columns, slot = row * columns, field = 0;
        int[] starts = _block.Starts, ends = _block.Ends;
        int fieldStart = pos, p = pos;
        long lines = 0;
        fieldCount = 0;
        _pendingUnescape.Clear();
        while (true)
        {
            // Hot loop: one vector scan per field; only quotes leave it.
            int i = NextSpecial(p, end);
            byte c = i < end ? _buffer[i] : (byte)0;
            if (i < end && c == _delimiter)
            {
                if (field < columns)
                {
                    starts[slot + field] = fieldStart;
                    ends[slot + field] = i;
                }
                field++;
                p = fieldStart = i + 1;
                continue;
            }
            if (i < end && c == _quote && i != fieldStart)
            {
                p = i + 1;
                continue;
            }
            int contentStart = fieldStart, contentEnd = i, after = i;
            if (i < end && c == _quote)
            {
                QuoteResult quoted = ParseQuoted(i, end, out contentEnd, out bool escaped, ref lines);
                if (quoted == QuoteResult.Incomplete)
                {
                    return RowResult.Incomplete;
                }
                if (quoted == QuoteResult.Unterminated)
                {
                    throw ReaderErrors.UnterminatedQuote(_path, line + lines, field + 1, NameOf(field));
                }
                if (escaped && field < columns)
                {
                    _pendingUnescape.Add(slot + field);
                }
                contentStart = i + 1;
                after = contentEnd + 1;
                c = after < end ? _buffer[after] : (byte)0;
                if (after < end && c != _delimiter && c != (byte)'\n' && c != (byte)'\r')
                {
                    return TextAfterQuote(ref pos, ref line, i, after, field, lines);
                }
            }
            if (field < columns)
            {
                starts[slot + field] = contentStart;
                ends[slot + field] = contentEnd;
            }
            field++;
            if (after < end && c == _delimiter)
            {
                p = fieldStart = after + 1;
                continue;
            }
            int next;
            if (after == end)
            {
                if (!_eof)
                {
                    return RowResult.Incomplete;
                }
                next = end;
            }
            else
            {
                next = after + 1;
                if (c == (byte)'\r')
                {
                    if (next == end && !_eof)
                    {
                        return RowResult.Incomplete;
                    }
                    next += next < end && _buffer[next] == (byte)'\n' ? 1 : 0;
                }
            }
            bool empty = field == 1 && after == pos;
            foreach (int pending in _pendingUnescape)
            {
                ends[pending] = Unescape(starts[pending], ends[pending]);
            }
            pos = next;
            line += lines + 1;
            fieldCount = field;
            return empty ? RowResult.Empty : RowResult.Row;
        }
    }

    private enum QuoteResult
    {
        Closed,
        Incomplete,
        Unterminated,
    }

    /// <summary>Finds the quote that closes the field opened at <paramref name="open"/>, counting the line breaks inside.</summary>
    private QuoteResult ParseQuoted(int open, int end, out int close, out bool escaped, ref long lines)
    {
        escaped = false;
        close = -1;
        int j = open + 1;
        bool doubled = _escape == _quote;
        while (true)
        {
            ReadOnlySpan<byte> rest = _buffer.AsSpan(j, end - j);
            int k = doubled ? rest.IndexOf(_quote) : rest.IndexOfAny(_quote, _escape);
            if (k < 0)
            {
                return _eof ? QuoteResult.Unterminated : QuoteResult.Incomplete;
            }
            k += j;
            bool isEscape = doubled ? k + 1 < end && _buffer[k + 1] == _quote : _buffer[k] == _escape;
            if (doubled && k + 1 == end && !_eof)
            {
                return QuoteResult.Incomplete;
            }
            if (isEscape)
            {
                if (k + 1 == end)
                {
                    return _eof ? QuoteResult.Unterminated : QuoteResult.Incomplete;
                }
                escaped = true;
                j = k + 2;
                continue;
            }
            close = k;
            ReadOnlySpan<byte> content = _buffer.AsSpan(open + 1, k - open - 1);
            if (content.ContainsAny((byte)'\n', (byte)'\r'))
            {
                lines += content.Count((byte)'\n') + content.Count((byte)'\r') - content.Count("\r\n"u8);
            }
            return QuoteResult.Closed;
        }
    }

    /// <summary>
    /// Removes the escapes of a quoted field in place and returns its new end. The freed tail is filled with quote bytes
    /// (ASCII), so that the block's later UTF-8 check sees the same validity as the original bytes.
    /// </summary>
    private int Unescape(int start, int end)
    {
        int write = start;
        for (int read = start; read < end; read++)
        {
            byte b = _buffer[read];
            if (b == _escape && read + 1 < end)
            {
                b = _buffer[++read];
            }
            _buffer[write++] = b;
        }
        _buffer.AsSpan(write, end - write).Fill(_quote);
        return write;
    }

    /// <summary>A quoted field is followed by text: a bad row, which ends at the next line break.</summary>
    private RowResult TextAfterQuote(ref int pos, ref long line, int open, int after, int field, long lines)
    {
        int lineEnd = _buffer.AsSpan(after, _end - after).IndexOfAny((byte)'\n', (byte)'\r');
        if (lineEnd < 0 && !_eof)
        {
            return RowResult.Incomplete;
        }
        int stop = lineEnd < 0 ? _end : after + lineEnd;
        string raw = Encoding.UTF8.GetString(_buffer.AsSpan(open, Math.Min(stop - open, 80)));
        _lastBad = ReaderErrors.TextAfterClosingQuote(_path, line + lines, field + 1, NameOf(field), raw);
        pos = stop == _end ? stop : stop + (_buffer[stop] == (byte)'\r' && stop + 1 < _end && _buffer[stop + 1] == (byte)'\n' ? 2 : 1);
        line += lines + 1;
        return RowResult.Bad;
    }

    private string? NameOf(int field) => field < _header.Length ? _header[field] : null;
}
