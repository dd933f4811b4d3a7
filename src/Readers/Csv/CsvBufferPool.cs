using System.Runtime.InteropServices;
using Apache.Arrow;

namespace Dq.Readers.Csv;

/// <summary>
/// The value buffers of a CSV source's batches, taken back when the engine releases a batch
/// (<see cref="Dq.Expectations.Columns.IBatchSource.ReleaseBatch"/>) and handed to the batches that follow.
/// </summary>
/// <remarks>
/// A batch of 65,536 rows holds about 3 MB of column buffers, each on the large-object heap. Allocated afresh for
/// every batch, the 10M-row orders file touched 500 MB of new pages (160,000 page faults, more than a second of
/// kernel time on the benchmark VM) and left the collector to compact what the batches fragmented. With the buffers
/// reused, a read touches the few batches in flight. Only buffers this pool handed out are taken back, and each
/// only once; a caller that never releases its batches just gets new buffers, as before.
/// </remarks>
internal sealed class CsvBufferPool
{
    /// <summary>Free buffers kept at most: the batches in flight (the engine's queue is twice its workers) with room to spare.</summary>
    private const int MaxFree = 64;

    private readonly Lock _gate = new();
    private readonly List<byte[]> _free = [];
    private readonly HashSet<byte[]> _out = new(ReferenceEqualityComparer.Instance);

    /// <summary>A buffer of at least <paramref name="length"/> bytes, with arbitrary contents: the smallest free one that fits, or a new one.</summary>
    public byte[] Rent(int length)
    {
        lock (_gate)
        {
            int best = -1;
            for (int i = 0; i < _free.Count; i++)
            {
                if (_free[i].Length >= length && (best < 0 || _free[i].Length < _free[best].Length))
                {
                    best = i;
                }
            }
            byte[] buffer;
            if (best >= 0)
            {
                buffer = _free[best];
                _free[best] = _free[^1];
                _free.RemoveAt(_free.Count - 1);
            }
            else
            {
                buffer = GC.AllocateUninitializedArray<byte>(length);
            }
            _out.Add(buffer);
            return buffer;
        }
    }

    /// <summary>A larger buffer holding the first <paramref name="used"/> bytes of <paramref name="buffer"/>, which goes back to the pool.</summary>
    public byte[] Grow(byte[] buffer, int used, int length)
    {
        byte[] larger = Rent(length);
        buffer.AsSpan(0, used).CopyTo(larger);
        Return(buffer);
        return larger;
    }

    /// <summary>Takes back the buffers of a batch this pool's source yielded; the batch must not be used afterwards.</summary>
    public void Return(RecordBatch batch)
    {
        for (int c = 0; c < batch.ColumnCount; c++)
        {
            foreach (ArrowBuffer buffer in batch.Column(c).Data.Buffers)
            {
                if (MemoryMarshal.TryGetArray(buffer.Memory, out ArraySegment<byte> segment) && segment.Array is { } array)
                {
                    Return(array);
                }
            }
        }
    }

    private void Return(byte[] buffer)
    {
        lock (_gate)
        {
            if (_out.Remove(buffer) && _free.Count < MaxFree)
            {
                _free.Add(buffer);
            }
        }
    }
}
