using System.Text;
using System.Text.Json;
using Dq.Expectations;

namespace Dq.Readers.Json;

/// <summary>The non-empty lines of a UTF-8 file as bytes, with their 1-based line numbers.</summary>
internal sealed class JsonLineReader : IDisposable
{
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
        _stream = DataFiles.OpenRead(path);
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
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw ReaderErrors.BadJsonLine(path, line, $"the line is not valid JSON ({e.Message.Split(" LineNumber", 2)[0]})");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ReaderErrors.BadJsonLine(path, line, $"the line is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object.");
        }
        return document;
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
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _eof = read == 0;
    }
}
