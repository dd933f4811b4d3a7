using System.Buffers;
using Apache.Arrow;

namespace Dq.Expectations.Kernels;

/// <summary>
/// The UTF-8 bytes of a string array's rows over its pinned buffers: a pointer and two offsets per row, where
/// <c>StringArray.GetBytes</c> fetches the buffers (a virtual call for native ones) and the validity bitmap on every
/// call. Valid only while <see cref="Pinned"/> is; text kernels pin once per block.
/// </summary>
internal readonly unsafe struct Utf8Rows
{
    private readonly int* _offsets;
    private readonly byte* _bytes;

    private Utf8Rows(MemoryHandle offsets, MemoryHandle bytes, int arrayOffset)
    {
        _offsets = (int*)offsets.Pointer + arrayOffset;
        _bytes = (byte*)bytes.Pointer;
    }

    /// <summary>The bytes of row <paramref name="row"/> of the array (its own row numbering).</summary>
    public ReadOnlySpan<byte> this[int row]
    {
        get
        {
            int start = _offsets[row];
            return new ReadOnlySpan<byte>(_bytes + start, _offsets[row + 1] - start);
        }
    }

    /// <summary>Pins <paramref name="strings"/>' offsets and bytes until the returned scope is disposed.</summary>
    public static Pinned Pin(StringArray strings) => new(strings);

    /// <summary>The pinning scope, and the rows it makes readable.</summary>
    public readonly struct Pinned : IDisposable
    {
        private readonly MemoryHandle _offsets;
        private readonly MemoryHandle _bytes;

        public Pinned(StringArray strings)
        {
            _offsets = strings.ValueOffsetsBuffer.Memory.Pin();
            _bytes = strings.ValueBuffer.Memory.Pin();
            Rows = new Utf8Rows(_offsets, _bytes, strings.Offset);
        }

        public Utf8Rows Rows { get; }

        public void Dispose()
        {
            _offsets.Dispose();
            _bytes.Dispose();
        }
    }
}
