using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;

namespace Dq.Readers.Parquet;

/// <summary>
/// Owns the native memory of one batch that Arrow C++ decoded, and frees it exactly once: when the engine releases the
/// batch (<see cref="Dq.Expectations.Columns.IBatchSource.ReleaseBatch"/>), or, for a caller that never does, when the
/// garbage collector finds that none of the batch's buffers is reachable any more.
/// </summary>
/// <remarks>
/// Apache.Arrow's imported arrays have no finalizer, so an undisposed batch would leak. The lease is attached, through a
/// <see cref="ConditionalWeakTable{TKey,TValue}"/>, to the memory manager behind every native buffer: it stays alive
/// while any of them is reachable (a slice of one column kept after its batch counts), and its finalizer runs only after
/// all are gone. The native size is reported as memory pressure so that the collector runs often enough.
/// </remarks>
internal sealed class NativeBatchLease
{
    private static readonly ConditionalWeakTable<object, NativeBatchLease> s_byMemory = [];
    private static readonly ConditionalWeakTable<RecordBatch, NativeBatchLease> s_byBatch = [];

    private readonly RecordBatch _native;
    private readonly long _bytes;
    private int _released;

    private NativeBatchLease(RecordBatch native, long bytes)
    {
        _native = native;
        _bytes = bytes;
        if (bytes > 0)
        {
            GC.AddMemoryPressure(bytes);
        }
    }

    ~NativeBatchLease() => Release();

    /// <summary>Ties the native memory of <paramref name="native"/> to <paramref name="lent"/>, the batch given to the caller.</summary>
    public static void Attach(RecordBatch native, RecordBatch lent)
    {
        long bytes = 0;
        var managers = new List<object>();
        foreach (IArrowArray array in native.Arrays)
        {
            Collect(array.Data, managers, ref bytes);
        }
        var lease = new NativeBatchLease(native, bytes);
        foreach (object manager in managers)
        {
            s_byMemory.AddOrUpdate(manager, lease);
        }
        s_byBatch.AddOrUpdate(lent, lease);
    }

    /// <summary>Frees the native memory behind <paramref name="lent"/> now, if this reader lent it.</summary>
    public static void Release(RecordBatch lent)
    {
        if (s_byBatch.TryGetValue(lent, out NativeBatchLease? lease))
        {
            lease.Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }
        _native.Dispose();
        if (_bytes > 0)
        {
            GC.RemoveMemoryPressure(_bytes);
        }
        GC.SuppressFinalize(this);
    }

    private static void Collect(ArrayData data, List<object> managers, ref long bytes)
    {
        foreach (ArrowBuffer buffer in data.Buffers)
        {
            bytes += buffer.Length;
            if (MemoryMarshal.TryGetMemoryManager(buffer.Memory, out MemoryManager<byte>? manager))
            {
                managers.Add(manager);
            }
        }
        foreach (ArrayData child in data.Children ?? [])
        {
            Collect(child, managers, ref bytes);
        }
        if (data.Dictionary is { } dictionary)
        {
            Collect(dictionary, managers, ref bytes);
        }
    }
}
