using System.Runtime.InteropServices;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// One block of zeroed native memory for the slots of many table partitions. On Linux it is mapped directly and
/// advised for transparent huge pages; elsewhere, or if that fails, it comes from <see cref="NativeMemory.AllocZeroed(nuint)"/>.
/// </summary>
/// <remarks>
/// <para>
/// A partition's slots (about 700 KB for 10M keys over 256 partitions) are below a 2 MB huge page, so only memory
/// shared by partitions can be backed by huge pages. Random probes over a table of 160 MB in 4 KB pages cost a TLB
/// miss almost every probe and one page fault every 4 KB on first touch (40,000 faults for 10M keys, a fifth of a
/// second on the benchmark VM); in 2 MB pages the table is about 80 faults and fits the TLB.
/// </para>
/// <para>
/// The mapping is demand-zero: pages that no key reaches are never touched. With transparent huge pages set to
/// "never" the advice is ignored and the block is an ordinary mapping, still zeroed lazily.
/// </para>
/// </remarks>
internal sealed unsafe partial class HugePageArena
{
    /// <summary>The size of an x86-64 and arm64 transparent huge page: the alignment the kernel needs to use one.</summary>
    private const nuint HugePage = 2 << 20;

    private readonly nuint _mappedBytes;
    private void* _mapping;

    /// <param name="bytes">How many zeroed bytes the arena holds.</param>
    public HugePageArena(nuint bytes)
    {
        Bytes = bytes;
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64
            && TryMap(bytes, out _mapping, out _mappedBytes))
        {
            // The mapping is rounded out to whole huge pages on both sides, so the block starts on one.
            Pointer = (void*)(((nuint)_mapping + HugePage - 1) & ~(HugePage - 1));
            IsMapped = true;
        }
        else
        {
            Pointer = NativeMemory.AllocZeroed(bytes);
        }
        GC.AddMemoryPressure((long)bytes);
    }

    ~HugePageArena() => Free();

    /// <summary>The start of the block (null once freed).</summary>
    public void* Pointer { get; private set; }

    /// <summary>The bytes the arena holds.</summary>
    public nuint Bytes { get; }

    /// <summary>Whether the block is a Linux mapping advised for huge pages (false: the allocator's memory).</summary>
    public bool IsMapped { get; }

    /// <summary>Gives the memory back. Nothing may use <see cref="Pointer"/> afterwards; a second call does nothing.</summary>
    public void Free()
    {
        var pointer = Pointer;
        if (pointer == null)
        {
            return;
        }
        Pointer = null;
        if (IsMapped)
        {
            _ = munmap(_mapping, _mappedBytes);
            _mapping = null;
        }
        else
        {
            NativeMemory.Free(pointer);
        }
        GC.RemoveMemoryPressure((long)Bytes);
        GC.SuppressFinalize(this);
    }

    /// <summary>Maps anonymous zeroed memory with a huge page of slack for alignment, and advises it for huge pages.</summary>
    private static bool TryMap(nuint bytes, out void* mapping, out nuint mappedBytes)
    {
        mappedBytes = checked(((bytes + HugePage - 1) & ~(HugePage - 1)) + HugePage);
        try
        {
            mapping = mmap(null, mappedBytes, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            if ((nint)mapping == -1)
            {
                mapping = null;
                return false;
            }
            // Advice only: a kernel without transparent huge pages refuses it, and the mapping still works in 4 KB pages.
            _ = madvise(mapping, mappedBytes, MadvHugePage);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            mapping = null;
            return false;
        }
    }

    // Linux values, the same on x86-64 and arm64.
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;
    private const int MadvHugePage = 14;

    [LibraryImport("libc")]
    private static partial void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc")]
    private static partial int munmap(void* address, nuint length);

    [LibraryImport("libc")]
    private static partial int madvise(void* address, nuint length, int advice);
}
