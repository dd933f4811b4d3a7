using System.Buffers;
using System.Runtime.InteropServices;

namespace Dq.Readers.Frames;

/// <summary>
/// The bytes of a <see cref="ReadOnlyMemory{T}"/> as a <see cref="Memory{T}"/> of bytes, without copying, so an
/// Arrow buffer can share a DataFrame column's memory.
/// </summary>
/// <remarks>Arrow buffers are read-only views here; nothing writes through <see cref="GetSpan"/>.</remarks>
internal sealed unsafe class ByteMemory<T> : MemoryManager<byte>
    where T : unmanaged
{
    private readonly Memory<T> _memory;
    private readonly Lock _lock = new();
    private MemoryHandle _pinned;
    private int _pins;

    private ByteMemory(ReadOnlyMemory<T> memory) => _memory = MemoryMarshal.AsMemory(memory);

    public static ReadOnlyMemory<byte> Of(ReadOnlyMemory<T> memory) => new ByteMemory<T>(memory).Memory;

    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(_memory.Span);

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        lock (_lock)
        {
            if (_pins++ == 0)
            {
                _pinned = _memory.Pin();
            }
            return new MemoryHandle((byte*)_pinned.Pointer + elementIndex, pinnable: this);
        }
    }

    public override void Unpin()
    {
        lock (_lock)
        {
            if (--_pins == 0)
            {
                _pinned.Dispose();
            }
        }
    }

    protected override void Dispose(bool disposing) { }
}
