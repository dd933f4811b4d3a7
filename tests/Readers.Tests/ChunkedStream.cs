namespace Dq.Readers.Tests;

/// <summary>A read-only stream over bytes that returns at most a given number of bytes per read (the chunk sizes cycle).</summary>
internal sealed class ChunkedStream(byte[] bytes, params int[] chunks) : Stream
{
    private int _position;
    private int _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => bytes.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int chunk = chunks[_read++ % chunks.Length];
        int n = Math.Min(Math.Min(count, chunk), bytes.Length - _position);
        Buffer.BlockCopy(bytes, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
