using System.Runtime.InteropServices;

namespace Dq.Cli.Running;

/// <summary>
/// Tunes glibc's malloc for the dq process: blocks up to 32 MiB come from the heap instead of a fresh mapping each,
/// and the heap keeps up to 256 MiB of freed memory instead of handing it back at once.
/// </summary>
/// <remarks>
/// <para>
/// A uniqueness check over a source that does not know its row count (CSV, JSON lines) grows its 256 table
/// partitions by a quarter at a time in native memory. With glibc's defaults every block over 128 KiB is its own
/// <c>mmap</c> and every free an <c>munmap</c>, and the threshold that glibc raises after a free never catches up
/// with blocks that keep growing, so each growth faults in new zeroed pages: on the 10M-row orders CSV about 1,000
/// mappings and 80,000 of the run's 139,000 page faults. Served from the heap, freed blocks are reused and
/// coalesced: the seed suite went from 2.07 to 1.39 s and the wide suite from 2.9 to 2.25 s, with 12 MiB more peak
/// memory (benchmarks/results).
/// </para>
/// <para>
/// Only the tool does this, since it owns its process; the libraries leave a host's allocator alone. Elsewhere
/// (other C libraries, other systems) nothing happens.
/// </para>
/// </remarks>
internal static partial class MallocTuning
{
    private const int TrimThreshold = -1;   // M_TRIM_THRESHOLD
    private const int MmapThreshold = -3;   // M_MMAP_THRESHOLD

    /// <summary>The largest mmap threshold glibc accepts on 64-bit systems (half its 64 MiB heap size).</summary>
    private const int MaxMmapThreshold = 32 << 20;

    /// <summary>Applies the settings where the process runs on glibc.</summary>
    /// <returns>Whether glibc took both settings.</returns>
    public static bool Apply()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return mallopt(MmapThreshold, MaxMmapThreshold) == 1 & mallopt(TrimThreshold, 256 << 20) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc")]
    private static partial int mallopt(int parameter, int value);
}
