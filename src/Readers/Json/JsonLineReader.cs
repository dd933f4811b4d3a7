using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Dq.Expectations;

namespace Dq.Readers.Json;

/// <summary>The non-empty lines of a UTF-8 file as bytes, with their 1-based line numbers.</summary>
internal sealed class JsonLineReader : IDisposable
{
    /// <summary>The longest line read: 64 MiB, CSV's longest record; a line is parsed whole, several times its size in memory.</summary>
    public const int MaxLineBytes = 64 << 20;

    private readonly Stream _stream;
    private readonly string _path;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private long _line;

    public JsonLineReader(string path)
    {
        _path = path;
        _stream = DataFiles.OpenText(path);
    }

    public (long Line, byte[] Json)? Next()
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline < 0 && !_eof)
            {
                Fill();
                continue;
            }
            if (newline < 0 && _start == _end)
            {
                return null;
            }
            int length = newline < 0 ? _end - _start : newline;
            ReadOnlySpan<byte> text = _buffer.AsSpan(_start, length).TrimEnd((byte)'\r');
            if (_line == 0 && text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                text = text[3..];
            }
            _start += newline < 0 ? length : length + 1;
            _line++;
            if (!text.Trim(" \t"u8).IsEmpty)
            {
                return (_line, text.ToArray());
            }
        }
    }

    public static JsonDocument Parse(byte[] json, long line, string path)
    {
        if (!Utf8.IsValid(json))
        {
            throw ReaderErrors.JsonNotUtf8(path, line, FirstInvalidUtf8(json) + 1);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw ReaderErrors.BadJsonLine(path, line, $"the line is not valid JSON ({e.Message.Split(" LineNumber", 2)[0]})");
        }
        JsonValueKind kind = document.RootElement.ValueKind;
        if (kind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ReaderErrors.BadJsonLine(path, line, $"the line is a JSON {kind.ToString().ToLowerInvariant()}, not an object.");
        }
        return document;
    }

    /// <summary>
    /// Whether the parser refused to decode a string: an escaped lone surrogate such as <c>\\ud800</c> is valid JSON
    /// but not text. Callers catch it around their reads and throw <see cref="UndecodableString"/>.
    /// </summary>
    public static bool IsUndecodableString(InvalidOperationException e) =>
        e.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase) || e.InnerException is DecoderFallbackException;

    public static Expectations.DataReadException UndecodableString(string path, long line) =>
        ReaderErrors.BadJsonLine(path, line, "a key or string holds an unpaired UTF-16 surrogate escape (such as \\ud800 without its low half), which is not text; fix the escape.");

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return offset;
    }

    public void Dispose() => _stream.Dispose();

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
            {
                throw ReaderErrors.BadJsonLine(_path, _line + 1, $"the line is longer than {MaxLineBytes >> 20} MiB, the longest dq reads (as for a CSV record); split the object, or check that the file is JSON lines.");
            }
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxLineBytes));
        }
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _eof = read == 0;
    }
}
