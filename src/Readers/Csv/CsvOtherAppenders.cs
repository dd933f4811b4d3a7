using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Readers.Csv;

/// <summary>A boolean column: values are bit-packed into the batch's buffer.</summary>
/// <remarks>Its bits are set by OR and so start zeroed: fresh arrays (a bit per row is small), not the pool's.</remarks>
internal sealed class BooleanAppender(CsvColumnContext context, int capacity, CsvBufferPool pool) : CsvColumnAppender(context, capacity, pool)
{
    private byte[] _bits = new byte[(capacity + 7) / 8];

    public override void Append(CsvFieldBlock block, int column, int first, int count)
    {
        int stride = block.Columns;
        for (int r = first, index = first * stride + column; r < first + count; r++, index += stride)
        {
            ReadOnlySpan<byte> field = block.Buffer.AsSpan(block.Starts[index], block.Ends[index] - block.Starts[index]);
            if (Context.Nulls.IsNull(field))
            {
                Validity.SetNull(Length);
            }
            else if (CsvValueParser.TryParseBoolean(field, out bool value))
            {
                _bits[Length >> 3] |= (byte)((value ? 1 : 0) << (Length & 7));
            }
            else
            {
                throw Context.Mismatch(block.Lines[r], field);
            }
            Length++;
        }
    }

    public override IArrowArray Build()
    {
        int nulls = Validity.NullCount;
        var array = new BooleanArray(new ArrowBuffer(_bits.AsMemory(0, (Length + 7) / 8)), Validity.Build(Length), Length, nulls, 0);
        _bits = new byte[(Capacity + 7) / 8];
        Length = 0;
        return array;
    }
}

/// <summary>A string column: the field bytes are copied once, into the batch's data buffer, with Arrow offsets beside them.</summary>
internal sealed class StringAppender(CsvColumnContext context, int capacity, CsvBufferPool pool) : CsvColumnAppender(context, capacity, pool)
{
    private byte[] _offsets = NewOffsets(pool, capacity);
    private byte[] _data = pool.Rent(Math.Max(256, capacity * 8));
    private int _dataLength;

    public override void Append(CsvFieldBlock block, int column, int first, int count)
    {
        Span<int> offsets = MemoryMarshal.Cast<byte, int>(_offsets.AsSpan());
        int stride = block.Columns, length = Length;
        for (int r = first, index = first * stride + column; r < first + count; r++, index += stride)
        {
            int start = block.Starts[index], size = block.Ends[index] - start;
            ReadOnlySpan<byte> field = block.Buffer.AsSpan(start, size);
            if (Context.Nulls.IsNull(field))
            {
                Validity.SetNull(length);
            }
            else
            {
                if (_dataLength + size > _data.Length)
                {
                    _data = Pool.Grow(_data, _dataLength, Math.Max(_data.Length * 2, _dataLength + size));
                }
                field.CopyTo(_data.AsSpan(_dataLength));
                _dataLength += size;
            }
            offsets[++length] = _dataLength;
        }
        Length = length;
    }

    public override IArrowArray Build()
    {
        int nulls = Validity.NullCount;
        var array = new StringArray(Length, new ArrowBuffer(_offsets.AsMemory(0, (Length + 1) * sizeof(int))),
            new ArrowBuffer(_data.AsMemory(0, _dataLength)), Validity.Build(Length), nulls, 0);
        _offsets = NewOffsets(Pool, Capacity);
        _data = Pool.Rent(Math.Max(256, _dataLength + (_dataLength >> 3)));
        _dataLength = 0;
        Length = 0;
        return array;
    }

    private static byte[] NewOffsets(CsvBufferPool pool, int capacity)
    {
        byte[] offsets = pool.Rent((capacity + 1) * sizeof(int));
        offsets.AsSpan(0, sizeof(int)).Clear();
        return offsets;
    }
}

/// <summary>A date: ISO <c>yyyy-MM-dd</c> by a direct digit parse, or a .NET custom format; days since 1970-01-01.</summary>
internal readonly struct DateParser(string? format) : ICsvValueParser<int>
{
    private static readonly int s_epoch = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public bool TryParse(ReadOnlySpan<byte> value, out int result)
    {
        result = 0;
        DateOnly date;
        if (format is null)
        {
            if (value.Length != 10 || value[4] != (byte)'-' || value[7] != (byte)'-'
                || !Digits(value[..4], out int year) || !Digits(value[5..7], out int month) || !Digits(value[8..], out int day)
                || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }
            date = new DateOnly(year, month, day);
        }
        else if (!CsvText.TryDecode(value, out Span<char> chars, stackalloc char[128])
            || !DateOnly.TryParseExact(chars, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return false;
        }
        result = date.DayNumber - s_epoch;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (byte b in text)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }
            value = value * 10 + (int)digit;
        }
        return true;
    }
}

/// <summary>An instant: ISO 8601 or a .NET custom format, UTC when no offset is given; microseconds since the Unix epoch.</summary>
internal readonly struct TimestampParser(string? format) : ICsvValueParser<long>
{
    public bool TryParse(ReadOnlySpan<byte> value, out long result)
    {
        result = 0;
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!CsvText.TryDecode(value, out Span<char> chars, stackalloc char[128]))
        {
            return false;
        }
        bool parsed = format is null
            ? DateTimeOffset.TryParse(chars, CultureInfo.InvariantCulture, Styles, out DateTimeOffset instant)
            : DateTimeOffset.TryParseExact(chars, format, CultureInfo.InvariantCulture, Styles, out instant);
        if (parsed)
        {
            result = (instant.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
        }
        return parsed;
    }
}

/// <summary>Short ASCII/UTF-8 fields decoded onto the stack for the .NET date parsers.</summary>
internal static class CsvText
{
    public static bool TryDecode(ReadOnlySpan<byte> value, out Span<char> chars, Span<char> scratch)
    {
        chars = default;
        if (value.Length > scratch.Length || !Encoding.UTF8.TryGetChars(value, scratch, out int written))
        {
            return false;
        }
        chars = scratch[..written];
        return true;
    }
}
